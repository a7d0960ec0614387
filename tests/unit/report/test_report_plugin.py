"""Tests of the report plugin on scenarios that do not drive a browser, alone and under xdist."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
from report_sessions import ACCOUNT_FILES, InnerRun, without_durations

pytest_plugins = ["pytester"]

EXPECTED_SCENARIOS = {"passed": 1, "flaky": 0, "failed": 2, "not_run": 1}
EXPECTED_UNIT_TESTS = {"passed": 1, "failed": 1}
EXPECTED_FAILURES = [
    {
        "name": "Le compte <script>alert(1)</script> est refusé",
        "feature": "Création de compte patient",
        "failing_step": "Alors le compte est refusé",
        "requirements": ["PAT-01-02", "PAT-01-03"],
    },
    {
        "name": "Un compte sans portail",
        "feature": "Création de compte patient",
        "failing_step": None,
        "requirements": ["PAT-01-02"],
    },
]


def test_summary_counts_scenarios_and_unit_tests(shared_run: Callable[..., InnerRun]):
    run = shared_run(ACCOUNT_FILES)

    run.result.assert_outcomes(passed=2, failed=2, skipped=1, errors=1)
    summary = run.summary
    assert summary["scenarios"] == EXPECTED_SCENARIOS
    assert summary["unit_tests"] == EXPECTED_UNIT_TESTS
    assert summary["failed_scenarios"] == EXPECTED_FAILURES
    assert summary["target"] == "reference world"
    assert summary["faker_seed"] is None
    assert summary["report"] == "out/reports/report.html"


def test_html_report_shows_scenarios_steps_errors_and_skip_reasons(
    shared_run: Callable[..., InnerRun],
):
    html = shared_run(ACCOUNT_FILES).html
    text = unescape(html)

    for name in ("Un compte est créé", "Une inscription impossible sur cette cible"):
        assert name in text
    # French keywords as written, the elided "qu'" included.
    assert "Étant donné qu'un patient existe" in text
    assert "Alors le compte est refusé" in text
    assert "le portail a accepté <b>le compte</b>" in text
    assert "portail injoignable" in text
    assert "la cible n'offre pas l'inscription" in text
    assert "Le compte <script>alert(1)</script> est refusé" in text
    assert "<script>" not in html
    assert "<b>" not in html
    assert "Le compte &lt;script&gt;alert(1)&lt;/script&gt; est refusé" in html


def test_terminal_summary_names_the_failures(shared_run: Callable[..., InnerRun]):
    result = shared_run(ACCOUNT_FILES).result

    result.stdout.fnmatch_lines(
        [
            "Scenarios: 1 passed, 2 failed, 1 not run",
            "Unit tests: 1 passed, 1 failed",
            "Report: out/reports/report.html",
            "FAILED *Le compte <script>alert(1)</script> est refusé*"
            "step: Alors le compte est refusé*PAT-01-02, PAT-01-03",
        ]
    )


@pytest.mark.usefixtures("account_scenarios")
def test_xdist_gives_the_same_reports_as_a_serial_run(run_inner: Callable[..., InnerRun]):
    serial = run_inner("--junitxml=serial/junit.xml", reports_dir="serial")
    run = run_inner("-n", "2", "--junitxml=parallel/junit.xml", reports_dir="parallel")

    run.result.assert_outcomes(passed=2, failed=2, skipped=1, errors=1)
    summary = run.summary
    assert summary["scenarios"] == EXPECTED_SCENARIOS
    assert summary["unit_tests"] == EXPECTED_UNIT_TESTS
    assert summary["failed_scenarios"] == EXPECTED_FAILURES
    assert "la cible n'offre pas l'inscription" in unescape(run.html)
    # Everything but the reports' own path and the durations, in the same order.
    assert {**summary, "report": None} == {**serial.summary, "report": None}
    assert without_durations(run.cucumber) == without_durations(serial.cucumber)
    assert without_durations(run.records["results"]) == without_durations(serial.records["results"])
    assert run.junit_cases == serial.junit_cases
    assert run.junit_counts == serial.junit_counts
