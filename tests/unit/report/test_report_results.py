"""Tests of how the controller turns test reports into one outcome per test."""

from __future__ import annotations

from typing import Any

import pytest

from harness.report.records import USER_PROPERTY
from harness.report.results import FAILED, NOT_RUN, PASSED, RunResults, count

NODEID = "tests/acceptance/test_patient.py::test_un_compte_est_cree"
RECORD: dict[str, Any] = {
    "feature": "Création de compte patient",
    "feature_file": "features/patient/compte.feature",
    "name": "Un compte est créé",
    "line": 4,
    "error": None,
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


def test_a_rerun_test_counts_once_with_its_last_attempt():
    results = run_of(
        report("setup", "passed"),
        report("call", "rerun"),
        report("teardown", "passed"),
        report("setup", "passed"),
        report("call", "passed"),
        report("teardown", "passed"),
    )

    assert [result.outcome for result in results.scenarios] == [PASSED]
    assert count(results.scenarios) == {"passed": 1, "failed": 0, "not_run": 0}


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
