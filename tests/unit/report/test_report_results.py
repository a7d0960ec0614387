"""Tests of how the controller turns test reports into one outcome per test."""

from __future__ import annotations

from typing import Any

import pytest

from harness.report.records import USER_PROPERTY
from harness.report.results import (
    FAILED,
    NO_CRITERION,
    NOT_RUN,
    PASSED,
    RunResults,
    count,
    criterion_key,
    exit_status,
    verdict_totals,
)
from harness.verdicts import ACCESSIBILITY, CONFORMANCE, REFERENCE

NODEID = "tests/acceptance/test_patient.py::test_un_compte_est_cree"
RECORD: dict[str, Any] = {
    "feature": "Création de compte patient",
    "feature_file": "features/patient/compte.feature",
    "name": "Un compte est créé",
    "line": 4,
    "verdict": CONFORMANCE,
    "findings": [],
    "error": None,
    "error_type": None,
}


def report(when: str, outcome: str, *, longrepr: Any = None, scenario: bool = True) -> Any:
    """Return a test report of one phase, carrying the scenario record or not."""
    properties = [(USER_PROPERTY, RECORD)] if scenario else []
    return pytest.TestReport(
        NODEID, ("x.py", 1, "x"), {}, outcome, longrepr, when, user_properties=properties
    )


def run_of(*reports: Any) -> RunResults:
    """Return the results fed with the reports in order."""
    results = RunResults()
    for one in reports:
        results.add(one)
    return results


def test_a_test_passed_after_a_rerun_counts_once_as_flaky():
    results = run_of(
        report("setup", "passed"),
        report("call", "rerun"),
        report("teardown", "passed"),
        report("setup", "passed"),
        report("call", "passed"),
        report("teardown", "passed"),
    )

    assert [result.outcome for result in results.scenarios] == [PASSED]
    assert [result.flaky for result in results.scenarios] == [True]
    assert count(results.scenarios) == {"passed": 0, "flaky": 1, "failed": 0, "not_run": 0}


def test_a_setup_error_is_a_failure():
    results = run_of(report("setup", "failed", longrepr="fixture broke"))

    [result] = results.scenarios
    assert result.outcome == FAILED
    assert result.failed_phase == "setup"
    assert result.error_text == "fixture broke"


def test_a_skipped_scenario_is_not_run_with_its_reason():
    skip = ("x.py", 3, "Skipped: no registration on this target")
    results = run_of(report("setup", "skipped", longrepr=skip), report("teardown", "passed"))

    [result] = results.scenarios
    assert result.outcome == NOT_RUN
    assert result.skip_reason == "no registration on this target"


def test_a_failing_teardown_fails_a_passed_scenario():
    results = run_of(
        report("setup", "passed"),
        report("call", "passed"),
        report("teardown", "failed", longrepr="cleanup broke"),
    )

    [result] = results.scenarios
    assert result.outcome == FAILED
    assert result.failed_phase == "teardown"


def test_tests_without_a_record_are_unit_tests():
    results = run_of(
        report("setup", "passed", scenario=False), report("call", "failed", scenario=False)
    )

    assert results.scenarios == []
    assert [result.outcome for result in results.unit_tests] == [FAILED]


def verdict_report(
    nodeid: str, outcome: str, verdict: str, *, findings: list[dict[str, Any]] | None = None,
    error: str | None = None,
) -> Any:
    """Return the call report of a scenario of one verdict, with its findings."""
    record = {
        **RECORD, "name": nodeid, "line": len(nodeid), "verdict": verdict,
        "findings": findings or [], "error": error, "error_type": None,
    }
    return pytest.TestReport(
        nodeid, ("x.py", 1, "x"), {}, outcome, "boom" if outcome == "failed" else None, "call",
        user_properties=[(USER_PROPERTY, record)],
    )


def finding(verdict: str, criterion: str | None = None) -> dict[str, Any]:
    """Return a finding record made during a step."""
    return {"verdict": verdict, "message": "m", "criterion": criterion, "page": None, "step": "s"}


def test_verdict_totals_count_scenarios_and_findings_apart():
    results = run_of(
        verdict_report("conforme", "passed", CONFORMANCE, findings=[
            finding(ACCESSIBILITY, "1.3.1 Info and Relationships"), finding(REFERENCE),
        ]),
        verdict_report("reference", "failed", REFERENCE),
        verdict_report("a11y-ok", "passed", ACCESSIBILITY),
        verdict_report("a11y", "failed", ACCESSIBILITY, error="WCAG 3.3.1: not announced"),
        verdict_report("a11y-2", "failed", ACCESSIBILITY, error="WCAG 3.3.1 again"),
    )

    totals = verdict_totals(results)

    assert totals[CONFORMANCE] == {"passed": 1, "flaky": 0, "failed": 0, "not_run": 0}
    assert totals[REFERENCE] == {"as_reference": 0, "flaky": 0, "differs": 1, "not_run": 0, "findings": 1}
    assert totals[ACCESSIBILITY] == {
        "passed": 1, "flaky": 0, "failed": 2, "not_run": 0, "advisories": 3,
        "criteria": {"3.3.1": 2, "1.3.1": 1},
    }
    assert results.advisory_failed_reports == 3


def test_an_advisory_without_a_criterion_says_so():
    assert criterion_key(None) == NO_CRITERION
    assert criterion_key("1.4.3 Contrast (Minimum)") == "1.4.3"


ONLY_ADVISORY = {"failed_reports": 2, "advisory_failed_reports": 2, "stopped": False}


def test_advisory_failures_alone_pass_a_conformance_only_run():
    assert exit_status(pytest.ExitCode.TESTS_FAILED, strict=False, **ONLY_ADVISORY) == 0


def test_strict_runs_keep_pytest_status():
    assert exit_status(pytest.ExitCode.TESTS_FAILED, strict=True, **ONLY_ADVISORY) == 1


def test_any_other_failure_keeps_the_run_failed():
    status = exit_status(
        pytest.ExitCode.TESTS_FAILED, strict=False, failed_reports=3,
        advisory_failed_reports=2, stopped=False,
    )

    assert status == 1


@pytest.mark.parametrize(
    "status",
    [
        pytest.ExitCode.INTERRUPTED,
        pytest.ExitCode.INTERNAL_ERROR,
        pytest.ExitCode.USAGE_ERROR,
        pytest.ExitCode.NO_TESTS_COLLECTED,
    ],
)
def test_errors_and_interruptions_are_never_turned_into_success(status: pytest.ExitCode):
    assert exit_status(status, strict=False, **ONLY_ADVISORY) == status


def test_a_run_cut_short_by_maxfail_stays_failed():
    options = {**ONLY_ADVISORY, "stopped": True}

    assert exit_status(pytest.ExitCode.TESTS_FAILED, strict=False, **options) == 1
