"""Tests of the terminal summary and of the pure helpers of the scenario records."""

from __future__ import annotations

from harness.report.records import requirement_ids, slug_for, step_sentence
from harness.report.summary import summary_lines

SUMMARY = {
    "scenarios": {"passed": 12, "failed": 1, "not_run": 2},
    "unit_tests": {"passed": 40, "failed": 0},
    "faker_seed": 1234,
    "target": "https://www.esante.lu",
    "report": "reports/report.html",
    "failed_scenarios": [
        {
            "name": "Un compte est créé",
            "feature": "Création de compte patient",
            "failing_step": "Alors le compte est créé",
            "requirements": ["PAT-01-02", "PAT-01-03"],
        }
    ],
}


def test_summary_lines_give_counts_seed_and_report():
    lines = summary_lines(SUMMARY)

    assert "Scenarios: 12 passed, 1 failed, 2 not run" in lines
    assert "Unit tests: 40 passed, 0 failed" in lines
    assert "Faker seed: 1234" in lines
    assert "Report: reports/report.html" in lines
    assert "Target: https://www.esante.lu" in lines


def test_summary_lines_name_each_failure_with_its_step_and_requirements():
    [failure] = [line for line in summary_lines(SUMMARY) if line.startswith("FAILED")]

    assert "Un compte est créé" in failure
    assert "Alors le compte est créé" in failure
    assert "PAT-01-02, PAT-01-03" in failure


def test_summary_lines_of_a_failure_outside_the_steps():
    summary = SUMMARY | {
        "faker_seed": None,
        "failed_scenarios": [
            {"name": "S", "feature": "F", "failing_step": None, "requirements": []}
        ],
    }

    lines = summary_lines(summary)

    assert "Faker seed: not set" in lines
    assert "FAILED F > S | step: (outside the steps) | requirements: none" in lines


def test_requirement_ids_keep_only_guide_requirements():
    tags = ["patient", "PAT-01-02", "PRO-10-01", "PAT-1-2", "p9", "XPAT-01-02"]

    assert requirement_ids(tags) == ["PAT-01-02", "PRO-10-01"]


def test_slugs_are_short_safe_and_unique():
    first = slug_for("tests/acceptance/test_patient.py::test_créer_un_compte[exemple-1]")
    second = slug_for("tests/acceptance/test_other.py::test_créer_un_compte[exemple-1]")

    assert first != second
    assert first.startswith("creer-un-compte-exemple-1-")
    assert all(char.isalnum() or char == "-" for char in first)
    assert len(slug_for("t.py::test_" + "x" * 300)) <= 60


def test_step_sentence_glues_elided_keywords():
    assert step_sentence("Étant donné qu'", "un patient existe") == (
        "Étant donné qu'un patient existe"
    )
    assert step_sentence("Quand", "il s'inscrit") == "Quand il s'inscrit"


def test_summary_lines_leave_out_unit_tests_when_there_were_none():
    summary = {**SUMMARY, "unit_tests": {"passed": 0, "failed": 0}}
    assert not [line for line in summary_lines(summary) if line.startswith("Unit tests")]
