"""Tests of the terminal summary and of the pure helpers of the scenario records."""

from __future__ import annotations

from harness.report.records import page_tags, requirement_ids, slug_for, step_sentence
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


VERDICTS = {
    "conformance": {"passed": 80, "failed": 0, "not_run": 2},
    "reference": {"as_reference": 12, "differs": 1, "not_run": 0, "findings": 0},
    "accessibility": {
        "passed": 5, "failed": 0, "not_run": 0, "advisories": 3,
        "criteria": {"3.3.1": 2, "1.3.1": 1},
    },
}
DIFFERING = {
    "name": "Le compte est bloqué", "feature": "Connexion", "failing_step": "Alors il est bloqué",
    "requirements": [], "message": "still open after 5 attempts", "failed_by_finding": False,
}
ADVISORY_FINDING = {
    "scenario": "Le compte est créé", "feature": "Création de compte", "step": "Quand il s'inscrit",
    "verdict": "accessibility", "criterion": "1.3.1 Info and Relationships",
    "message": "« Connexion » was found outside any banner landmark", "page": None,
}
VERDICT_SUMMARY = SUMMARY | {
    "strict": False,
    "verdicts": VERDICTS,
    "differing_scenarios": [DIFFERING],
    "advisory_scenarios": [],
    "findings": [ADVISORY_FINDING],
}


def test_summary_lines_give_one_line_per_verdict_after_the_scenarios():
    lines = summary_lines(VERDICT_SUMMARY)

    assert lines[:5] == [
        "Scenarios: 12 passed, 1 failed, 2 not run",
        "Conformance: 80 passed, 0 failed, 2 not run",
        "Reference behaviour: 12 as the reference, 1 differs from the reference",
        "Accessibility: 5 scenarios passed, 3 advisories (WCAG 3.3.1 ×2, WCAG 1.3.1 ×1)",
        "(conformance only decides the exit code; --all-verdicts counts the others)",
    ]
    assert "(strict: reference, accessibility and security count)" in summary_lines(
        VERDICT_SUMMARY | {"strict": True}
    )


def test_summary_lines_name_each_difference_and_advisory():
    lines = summary_lines(VERDICT_SUMMARY)

    assert (
        "DIFFERS Connexion > Le compte est bloqué | step: Alors il est bloqué "
        "| still open after 5 attempts"
    ) in lines
    assert (
        "ADVISORY WCAG 1.3.1 « Connexion » was found outside any banner landmark "
        "| Création de compte > Le compte est créé"
    ) in lines


def test_the_same_finding_on_the_same_page_is_one_line_naming_how_many_scenarios_made_it():
    findings = [
        ADVISORY_FINDING | {"scenario": name, "page": "https://portal/?step=1"} for name in ("A", "B", "C")
    ]
    lines = summary_lines(VERDICT_SUMMARY | {"findings": findings})

    assert [line for line in lines if line.startswith("ADVISORY")] == [
        "ADVISORY WCAG 1.3.1 « Connexion » was found outside any banner landmark "
        "| page: https://portal/?step=1 | Création de compte > A and 2 more scenarios"
    ]


def test_a_scenario_failed_by_its_own_finding_is_named_once():
    reference_finding = ADVISORY_FINDING | {"verdict": "reference", "criterion": None}
    summary = VERDICT_SUMMARY | {
        "differing_scenarios": [DIFFERING | {"failed_by_finding": True}],
        "findings": [reference_finding],
    }

    assert len([line for line in summary_lines(summary) if line.startswith("DIFFERS")]) == 1


def test_page_tags_keep_the_guide_then_every_page_in_order():
    tags = ["PAT-01-02", "p10", "p9", "patient", "p21", "refus", "page", "p1x"]

    assert page_tags(tags) == ["patient", "p9", "p10", "p21"]


def test_scenarios_not_run_are_listed_by_reason():
    clock = "not run: the target profile staging has no clock control"
    accounts = "the accounts file has no fresh minor patient identity left"
    not_run = [{"name": name, "feature": "Étape 1", "reason": clock} for name in ("A", "B")]
    not_run.append({"name": "C", "feature": "Étape 3", "reason": accounts})
    lines = summary_lines(VERDICT_SUMMARY | {"not_run_scenarios": not_run})

    assert [line for line in lines if line.startswith("NOT RUN")] == [
        "NOT RUN (2) not run: the target profile staging has no clock control | Étape 1 > A and 1 more",
        "NOT RUN (1) not run: the accounts file has no fresh minor patient identity left | Étape 3 > C",
    ]


SECURITY_FAILURE = {
    "name": "Le cookie de session est HttpOnly", "feature": "Sessions",
    "failing_step": "Alors le cookie est HttpOnly", "requirements": [],
    "security_requirements": ["ASVS-3.3.1"], "message": "the session cookie lacks HttpOnly",
}


def test_summary_lines_give_the_security_verdict_and_each_security_failure():
    summary = VERDICT_SUMMARY | {
        "verdicts": VERDICTS | {"security": {"passed": 6, "flaky": 0, "failed": 1, "not_run": 2}},
        "security_scenarios": [SECURITY_FAILURE],
        "count_security": True,
    }

    lines = summary_lines(summary)

    assert lines[4:6] == [
        "Security: 6 passed, 1 failed, 2 not run",
        "(conformance and security decide the exit code; --all-verdicts counts the others)",
    ]
    assert (
        "SECURITY ASVS-3.3.1 Sessions > Le cookie de session est HttpOnly "
        "| step: Alors le cookie est HttpOnly | the session cookie lacks HttpOnly"
    ) in lines


def test_a_summary_written_before_the_security_verdict_has_no_security_line():
    assert not [line for line in summary_lines(VERDICT_SUMMARY) if line.startswith("Security")]
