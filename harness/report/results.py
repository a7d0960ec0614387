"""The controller's view of a run: one outcome per test, however often it ran, and the totals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest

from harness.report.records import USER_PROPERTY, ScenarioRecord

PASSED = "passed"
FAILED = "failed"
NOT_RUN = "not run"
# Reports a rerun plugin emits for attempts it will repeat; only the last attempt counts.
_FINAL_OUTCOMES = {"passed", "failed", "skipped"}


@dataclass
class TestResult:
    """Everything the reports of one test id said about it."""

    __test__ = False  # Not a test class, despite its name.

    nodeid: str
    record: ScenarioRecord | None = None
    failed_phase: str | None = None
    error: str | None = None
    skip_reason: str | None = None
    call_passed: bool = False

    @property
    def is_scenario(self) -> bool:
        """Return whether the test is a pytest-bdd scenario."""
        return self.record is not None

    @property
    def outcome(self) -> str:
        """Return passed, failed or not run; a setup error is a failure, a skip is not run."""
        if self.failed_phase is not None:
            return FAILED
        if self.skip_reason is None and self.call_passed:
            return PASSED
        return NOT_RUN

    @property
    def error_text(self) -> str | None:
        """Return the error a failing step raised, or else the one that failed the test."""
        if self.record is not None and self.record["error"]:
            return self.record["error"]
        return self.error

    def absorb(self, report: pytest.TestReport) -> None:
        """Take in the report of one phase (setup, call or teardown)."""
        record = scenario_record(report)
        if record is not None:
            self.record = record
        if report.failed and self.failed_phase is None:
            self.failed_phase = report.when
            self.error = failure_text(report)
        elif report.skipped:
            self.skip_reason = skip_reason(report)
        elif report.when == "call" and report.passed:
            self.call_passed = True


class RunResults:
    """The results of a run, one per test id, fed with the reports as they arrive."""

    def __init__(self) -> None:
        """Start with no result."""
        self._results: dict[str, TestResult] = {}

    def add(self, report: pytest.TestReport) -> None:
        """Take in one report; a new setup of a test id starts its result afresh."""
        if report.outcome not in _FINAL_OUTCOMES:
            return
        # A retried or rerun test starts with a new setup report: its last attempt wins.
        if report.when == "setup" or report.nodeid not in self._results:
            self._results[report.nodeid] = TestResult(report.nodeid)
        self._results[report.nodeid].absorb(report)

    @property
    def scenarios(self) -> list[TestResult]:
        """Return the scenarios in feature file and line order."""
        found = [result for result in self._results.values() if result.record is not None]
        return sorted(found, key=_scenario_order)

    @property
    def unit_tests(self) -> list[TestResult]:
        """Return the tests that are not scenarios, in test id order."""
        found = [result for result in self._results.values() if result.record is None]
        return sorted(found, key=lambda result: result.nodeid)


def count(results: Iterable[TestResult]) -> dict[str, int]:
    """Return how many results passed, failed and did not run."""
    outcomes = [result.outcome for result in results]
    return {
        "passed": outcomes.count(PASSED),
        "failed": outcomes.count(FAILED),
        "not_run": outcomes.count(NOT_RUN),
    }


def build_summary(
    results: RunResults, *, target: str, faker_seed: Any, report_path: str
) -> dict[str, Any]:
    """Return the machine-readable summary of a run (the content of summary.json)."""
    unit = count(results.unit_tests)
    return {
        "scenarios": count(results.scenarios),
        "unit_tests": {"passed": unit["passed"], "failed": unit["failed"]},
        "faker_seed": faker_seed,
        "target": target,
        "report": report_path,
        "failed_scenarios": [
            _failed_scenario(result) for result in results.scenarios if result.outcome == FAILED
        ],
    }


def scenario_record(report: pytest.TestReport) -> ScenarioRecord | None:
    """Return the scenario record a report carries, if any."""
    # xdist may turn the (key, value) tuples into lists on the way; unpacking accepts both.
    for key, value in report.user_properties:
        if key == USER_PROPERTY:
            return value
    return None


def failure_text(report: pytest.TestReport) -> str:
    """Return the short message of a failed report."""
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return str(crash.message)
    return report.longreprtext.strip() or "failed"


def skip_reason(report: pytest.TestReport) -> str:
    """Return why a test did not run, as given to pytest.skip or an xfail marker."""
    if hasattr(report, "wasxfail"):
        return f"expected failure: {report.wasxfail}".rstrip(": ")
    longrepr = report.longrepr
    if isinstance(longrepr, tuple | list) and len(longrepr) == 3:
        return str(longrepr[2]).removeprefix("Skipped: ")
    return str(longrepr or "skipped")


def _failed_scenario(result: TestResult) -> dict[str, Any]:
    """Return the summary entry of a failed scenario."""
    record = result.record
    assert record is not None  # Only scenarios are summarised this way.
    return {
        "name": record["name"],
        "feature": record["feature"],
        "failing_step": record["failing_step"],
        "requirements": record["requirements"],
    }


def _scenario_order(result: TestResult) -> tuple[str, int, str]:
    """Return the sort key of a scenario: its feature file, its line, its test id."""
    record = result.record
    assert record is not None  # Only scenarios are sorted this way.
    return (record["feature_file"], record["line"], result.nodeid)
