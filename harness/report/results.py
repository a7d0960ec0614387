"""The controller's view of a run: one outcome per test, however often it ran, and the totals."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest

from harness.report.records import USER_PROPERTY, FindingRecord, ScenarioRecord
from harness.requirements import security_ids
from harness.verdicts import ACCESSIBILITY, CONFORMANCE, REFERENCE, SECURITY, StrictFinding

if TYPE_CHECKING:
    from harness.deviations import Outcomes

PASSED = "passed"
FAILED = "failed"
NOT_RUN = "not run"
# Passed, but only after a failed attempt (pytest-rerunfailures' --reruns): not a plain pass.
FLAKY = "flaky"
# Reports a rerun plugin emits for attempts it will repeat; only the last attempt decides the
# outcome, the earlier ones are kept as failed attempts.
_FINAL_OUTCOMES = {"passed", "failed", "skipped"}
RERUN = "rerun"
# A failed accessibility scenario names its criterion in its error, e.g. "WCAG 1.3.1: ...".
_WCAG_IN_TEXT = re.compile(r"WCAG\s*(\d+\.\d+\.\d+)")
_CRITERION_NUMBER = re.compile(r"\d+\.\d+\.\d+")
NO_CRITERION = "criterion not named"


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
    # The failed reports of the test's last attempt, as pytest counts them (an expected
    # deviation forgives exactly these).
    failed_reports: int = 0
    # The failed attempts pytest-rerunfailures ran again: each one's phase and error, in order.
    attempts: list[dict[str, Any]] = field(default_factory=list)

    @property
    def flaky(self) -> bool:
        """Return whether the test passed only after one or more failed attempts."""
        return self.outcome == PASSED and bool(self.attempts)

    @property
    def is_scenario(self) -> bool:
        """Return whether the test is a pytest-bdd scenario."""
        return self.record is not None

    @property
    def verdict(self) -> str:
        """Return the verdict the test belongs to; a test that is not a scenario is conformance."""
        return self.record["verdict"] if self.record is not None else CONFORMANCE

    @property
    def findings(self) -> list[FindingRecord]:
        """Return the findings the scenario's steps recorded."""
        return self.record["findings"] if self.record is not None else []

    @property
    def failed_by_finding(self) -> bool:
        """Return whether a strict run's finding is what failed the scenario."""
        return self.record is not None and self.record["error_type"] == StrictFinding.__name__

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
        if report.failed and not hasattr(report, "wasxfail"):
            self.failed_reports += 1
        if report.failed and self.failed_phase is None:
            self.failed_phase = report.when
            self.error = failure_text(report)
        elif report.skipped:
            self.skip_reason = skip_reason(report)
        elif report.when == "call" and report.passed:
            self.call_passed = True


class RunResults:
    """The results of a run, one per test id, fed with the reports as they arrive."""

    def __init__(
        self, results: Iterable[TestResult] = (), advisory_failed_reports: int = 0,
        security_failed_reports: int = 0,
    ) -> None:
        """Start with the given results (a saved run's), or none."""
        self._results: dict[str, TestResult] = {result.nodeid: result for result in results}
        # The failed reports, as pytest counts them, of reference, accessibility and security
        # scenarios; and of the security ones alone, which --count-security counts on their own.
        self.advisory_failed_reports = advisory_failed_reports
        self.security_failed_reports = security_failed_reports

    def add(self, report: pytest.TestReport) -> None:
        """Take in one report; a new setup of a test id starts its result afresh."""
        self._count_failure(report)
        if report.outcome == RERUN:
            self._note_attempt(report)
            return
        if report.outcome not in _FINAL_OUTCOMES:
            return
        # A rerun test starts with a new setup report: its last attempt decides the outcome, and
        # the failed attempts before it are carried over, so a pass after a retry reads as flaky.
        known = self._results.get(report.nodeid)
        if report.when == "setup" or known is None:
            self._results[report.nodeid] = TestResult(report.nodeid, attempts=known.attempts if known else [])
        self._results[report.nodeid].absorb(report)

    def _note_attempt(self, report: pytest.TestReport) -> None:
        """Keep a failed attempt that pytest-rerunfailures will run again."""
        result = self._results.setdefault(report.nodeid, TestResult(report.nodeid))
        record = scenario_record(report)
        if record is not None:
            result.record = record
        error = (record or {}).get("error") or failure_text(report)
        result.attempts.append({"phase": report.when, "error": error,
                                "failing_step": (record or {}).get("failing_step")})

    @property
    def all(self) -> list[TestResult]:
        """Return every result: the scenarios, then the other tests, each in report order."""
        return [*self.scenarios, *self.unit_tests]

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

    def scenarios_of(self, verdict: str) -> list[TestResult]:
        """Return the scenarios of one verdict, in feature file and line order."""
        return [result for result in self.scenarios if result.verdict == verdict]

    def _count_failure(self, report: pytest.TestReport) -> None:
        """Count an advisory scenario's failed report the way pytest's session counts failures."""
        if not report.failed or hasattr(report, "wasxfail"):
            return
        record = scenario_record(report)
        if record is not None and record["verdict"] != CONFORMANCE:
            self.advisory_failed_reports += 1
        if record is not None and record["verdict"] == SECURITY:
            self.security_failed_reports += 1


def count(results: Iterable[TestResult]) -> dict[str, int]:
    """Return how many results passed at once, passed after a retry (flaky), failed and did not run."""
    outcomes = [FLAKY if result.flaky else result.outcome for result in results]
    return {
        "passed": outcomes.count(PASSED),
        "flaky": outcomes.count(FLAKY),
        "failed": outcomes.count(FAILED),
        "not_run": outcomes.count(NOT_RUN),
    }


def build_summary(
    results: RunResults, *, target: str, faker_seed: Any, report_path: str, strict: bool,
    deviations: Outcomes | None = None, count_security: bool = False, axe: str | None = None,
) -> dict[str, Any]:
    """Return the machine-readable summary of a run (the content of summary.json)."""
    unit = count(results.unit_tests)
    # Only a run with a deviations file says of each failure whether it was expected.
    declared = deviations if deviations is not None and deviations.declared is not None else None
    expected = declared.expected if declared is not None else None
    summary = {
        "scenarios": count(results.scenarios),
        "unit_tests": {"passed": unit["passed"] + unit["flaky"], "failed": unit["failed"]},
        "faker_seed": faker_seed,
        "target": target,
        "report": report_path,
        "strict": strict,
        "count_security": count_security,
        "verdicts": verdict_totals(results),
        "failed_scenarios": [_failed_scenario(r, expected) for r in _failed(results, CONFORMANCE)],
        "differing_scenarios": [_differing_scenario(r, expected) for r in _failed(results, REFERENCE)],
        "advisory_scenarios": [_advisory_scenario(r, expected) for r in _failed(results, ACCESSIBILITY)],
        "security_scenarios": [_security_scenario(r, expected) for r in _failed(results, SECURITY)],
        "not_run_scenarios": [_not_run_scenario(r) for r in results.scenarios if r.outcome == NOT_RUN],
        "flaky_scenarios": [flaky_scenario(r) for r in results.scenarios if r.flaky],
        "findings": [
            finding_entry(result, finding)
            for result in results.scenarios
            for finding in result.findings
        ],
    }
    if declared is not None:
        summary["deviations"] = declared.summary(results)
    if axe is not None:
        summary["axe"] = axe_totals(results, axe)
    return summary


def axe_findings(results: RunResults) -> list[FindingRecord]:
    """Return the accessibility profile's findings (--axe), of every scenario."""
    return [finding for finding in _findings_of(results, ACCESSIBILITY) if "axe" in finding]


def axe_totals(results: RunResults, mode: str) -> dict[str, Any]:
    """Return summary.json's "axe": the profile's mode, its findings, and how many of each rule."""
    found = axe_findings(results)
    rules = Counter(finding["axe"]["rule"] for finding in found)
    records = [result.record for result in results.scenarios if result.record is not None]
    return {
        "mode": mode,
        "findings": len(found),
        "pages": len({finding["page"] for finding in found}),
        "rules": dict(sorted(rules.items(), key=lambda item: (-item[1], item[0]))),
        "page_states": sum(record.get("axe_scans", 0) for record in records),
        # The scenarios where a scan failed (a page closed under it, say), with the last error.
        "errors": [{"scenario": record["name"], "error": first_line(record["axe_error"])}
                   for record in records if record.get("axe_error")],
    }


def _not_run_scenario(result: TestResult) -> dict[str, Any]:
    """Return the summary entry of a scenario that did not run, with the reason it did not."""
    record = result.record
    assert record is not None  # Only scenarios are summarised this way.
    return {
        "name": record["name"],
        "feature": record["feature"],
        "verdict": record.get("verdict"),
        "requirements": record["requirements"],
        "reason": result.skip_reason or "the run stopped before this scenario finished",
    }


def flaky_scenario(result: TestResult) -> dict[str, Any]:
    """Return the summary entry of a scenario that passed after a retry, with its failed attempts."""
    record = result.record
    assert record is not None  # Only scenarios are summarised this way.
    evidence = {item["attempt"]: item for item in record.get("attempts", [])}
    return {
        "name": record["name"],
        "feature": record["feature"],
        "verdict": record.get("verdict"),
        "requirements": record["requirements"],
        "attempts": len(result.attempts) + 1,
        "failed_attempts": [
            {**attempt, **_attempt_evidence(evidence.get(number))}
            for number, attempt in enumerate(result.attempts, start=1)
        ],
    }


def _attempt_evidence(evidence: Mapping[str, Any] | None) -> dict[str, Any]:
    """Return the evidence paths a failed attempt left (its screenshot, its trace), if any."""
    return {key: evidence.get(key) for key in ("screenshot", "trace")} if evidence else {}


def verdict_totals(results: RunResults) -> dict[str, dict[str, Any]]:
    """Return the totals of each verdict: its scenarios and the findings of every scenario."""
    reference = count(results.scenarios_of(REFERENCE))
    accessibility = count(results.scenarios_of(ACCESSIBILITY))
    criteria = advisory_criteria(results)
    return {
        CONFORMANCE: count(results.scenarios_of(CONFORMANCE)),
        REFERENCE: {
            "as_reference": reference["passed"] + reference["flaky"],
            "flaky": reference["flaky"],
            "differs": reference["failed"],
            "not_run": reference["not_run"],
            "findings": len(_findings_of(results, REFERENCE)),
        },
        ACCESSIBILITY: {
            **accessibility,
            "advisories": sum(criteria.values()),
            "criteria": criteria,
        },
        SECURITY: count(results.scenarios_of(SECURITY)),
    }


def advisory_criteria(results: RunResults) -> dict[str, int]:
    """Return how many accessibility advisories name each WCAG criterion, most frequent first."""
    named = [criterion_key(finding["criterion"]) for finding in _findings_of(results, ACCESSIBILITY)]
    # A scenario failed by its own finding is already counted through that finding.
    named += [
        criterion_key(scenario_criterion(result))
        for result in _failed(results, ACCESSIBILITY)
        if not result.failed_by_finding
    ]
    return dict(sorted(Counter(named).items(), key=lambda item: (-item[1], item[0])))


def criterion_key(criterion: str | None) -> str:
    """Return the number of a WCAG criterion ("1.3.1 Info and Relationships" gives "1.3.1")."""
    if not criterion:
        return NO_CRITERION
    number = _CRITERION_NUMBER.search(criterion)
    return number.group() if number else criterion


def scenario_criterion(result: TestResult) -> str | None:
    """Return the WCAG criterion a failed accessibility scenario's error names, if any."""
    found = _WCAG_IN_TEXT.search(result.error_text or "")
    return found.group(1) if found else None


def finding_entry(result: TestResult, finding: FindingRecord) -> dict[str, Any]:
    """Return the summary entry of a finding, naming its scenario."""
    record = result.record
    assert record is not None  # Only scenarios record findings.
    entry: dict[str, Any] = {
        "scenario": record["name"],
        "feature": record["feature"],
        "step": finding["step"],
        "verdict": finding["verdict"],
        "criterion": finding["criterion"],
        "message": finding["message"],
        "page": finding["page"],
    }
    if "axe" in finding:
        entry["axe"] = dict(finding["axe"])
    return entry


def exit_status(
    status: int, *, strict: bool, failed_reports: int, advisory_failed_reports: int, stopped: bool,
    expected_failed_reports: int = 0, unexpected_passes: int = 0, security_failed_reports: int = 0,
    count_security: bool = False,
) -> int:
    """Return the run's exit status: advisory failures (unless counted) and expected ones forgiven."""
    # Only a run that went to its end with failures is reconsidered: never an error, an
    # interruption or a usage error, nor a run that -x or --maxfail cut short.
    forgivable = status == pytest.ExitCode.TESTS_FAILED and not stopped
    # --count-security counts security failures without counting the other advisory verdicts.
    advisory = advisory_failed_reports - (security_failed_reports if count_security else 0)
    forgiven = expected_failed_reports + (0 if strict else advisory)
    # Every failure pytest counted (collection errors included) must be a forgiven one.
    if forgivable and failed_reports and failed_reports == forgiven:
        status = pytest.ExitCode.OK
    # A declared deviation that no longer fails is news: its entry must go, so the run fails.
    if unexpected_passes and status == pytest.ExitCode.OK:
        return pytest.ExitCode.TESTS_FAILED
    return status


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


def first_line(text: str | None) -> str:
    """Return the first line of an error, which is what a one-line summary can show."""
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[0] if lines else "no message"


def _failed(results: RunResults, verdict: str) -> list[TestResult]:
    """Return the failed scenarios of one verdict."""
    return [result for result in results.scenarios_of(verdict) if result.outcome == FAILED]


def _findings_of(results: RunResults, verdict: str) -> list[FindingRecord]:
    """Return the findings of one verdict made in any scenario."""
    return [
        finding
        for result in results.scenarios
        for finding in result.findings
        if finding["verdict"] == verdict
    ]


def _failed_scenario(result: TestResult, expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the summary entry of a failed scenario, saying whether a deviation expected it."""
    record = result.record
    assert record is not None  # Only scenarios are summarised this way.
    entry = {
        "name": record["name"],
        "feature": record["feature"],
        "failing_step": record["failing_step"],
        "requirements": record["requirements"],
    }
    if expected is not None:
        deviation = expected.get(result.nodeid)
        entry["expected"] = {"reason": deviation.reason, "ticket": deviation.ticket} if deviation else None
    return entry


def _differing_scenario(result: TestResult, expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the summary entry of a reference scenario that differs from the reference."""
    return {
        **_failed_scenario(result, expected),
        "message": first_line(result.error_text),
        "failed_by_finding": result.failed_by_finding,
    }


def _advisory_scenario(result: TestResult, expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the summary entry of a failed accessibility scenario, an advisory."""
    return {
        **_failed_scenario(result, expected),
        "criterion": scenario_criterion(result),
        "message": first_line(result.error_text),
        "failed_by_finding": result.failed_by_finding,
    }


def _security_scenario(result: TestResult, expected: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Return the summary entry of a failed security scenario, with the ASVS requirements it names."""
    return {
        **_failed_scenario(result, expected),
        "security_requirements": security_ids(_tags(result)),
        "message": first_line(result.error_text),
    }


def _tags(result: TestResult) -> list[str]:
    """Return a scenario's tags."""
    return result.record["tags"] if result.record is not None else []


def _scenario_order(result: TestResult) -> tuple[str, int, str]:
    """Return the sort key of a scenario: its feature file, its line, its test id."""
    record = result.record
    assert record is not None  # Only scenarios are sorted this way.
    return (record["feature_file"], record["line"], result.nodeid)
