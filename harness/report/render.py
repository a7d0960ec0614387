"""The HTML report: a self-contained page rendered from the results of a run."""

from __future__ import annotations

from collections.abc import Container, Mapping
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from bottle import template

from harness.axe import page_key
from harness.deviations import EXPECTED_FAILURE, STALE, UNEXPECTED_PASS, Deviation, Outcomes
from harness.report.records import FindingRecord, ScenarioRecord, StepRecord, step_sentence
from harness.report.results import (
    FAILED,
    FLAKY,
    NOT_RUN,
    PASSED,
    RunResults,
    TestResult,
    axe_findings,
    count,
    first_line,
    scenario_criterion,
    verdict_totals,
)
from harness.report.summary import criteria_text, requirements_text
from harness.requirements import security_ids
from harness.verdicts import ACCESSIBILITY, AXE_FAIL, CONFORMANCE, REFERENCE, SECURITY

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]
_PHASES = {"setup": "setup, before the first step", "teardown": "teardown, after the last step"}
VERDICT_NAMES = {
    CONFORMANCE: "conformance",
    REFERENCE: "reference behaviour",
    ACCESSIBILITY: "accessibility",
    SECURITY: "security",
}
# What a failure means in each verdict: only a conformance failure is a failure of the portal.
FAILURE_LABELS = {
    CONFORMANCE: FAILED,
    REFERENCE: "differs from the reference",
    ACCESSIBILITY: "advisory",
    SECURITY: "security failure",
}
STRICT_NOTE = "Strict: reference behaviour, accessibility and security count in the exit code."
# Opens a trace from the repository root: `playwright` alone is only on PATH inside the venv.
TRACE_COMMAND = "./conformance trace {}"
CONFORMANCE_ONLY_NOTE = (
    "Only conformance decides the exit code; reference behaviour, accessibility and security are "
    "reported (--all-verdicts counts them)."
)
SECURITY_COUNTS_NOTE = (
    "Conformance and security decide the exit code (--count-security); reference behaviour and "
    "accessibility are reported (--all-verdicts counts them)."
)


@dataclass(frozen=True)
class ReportHeader:
    """What the report says about the run as a whole."""

    run_date: str
    target: str
    faker_seed: Any
    reports_dir: str
    strict: bool = False
    count_security: bool = False
    # The accessibility profile's mode (--axe, --axe-fail), or None when it did not run.
    axe: str | None = None

    @property
    def counted_note(self) -> str:
        """Return the sentence saying which verdicts decide the exit code."""
        if self.strict:
            return STRICT_NOTE
        return SECURITY_COUNTS_NOTE if self.count_security else CONFORMANCE_ONLY_NOTE


def render_report(
    results: RunResults,
    header: ReportHeader,
    *,
    deviations: Outcomes | None = None,
    requirements: Mapping[str, Any] | None = None,
) -> str:
    """Return the HTML page of a run, with its expected deviations and requirements totals if given."""
    scenarios = results.scenarios
    conformance = results.scenarios_of(CONFORMANCE)
    verdicts = verdict_totals(results)
    outcomes = deviations or Outcomes()
    return template(
        "report",
        template_lookup=TEMPLATES,
        header=header,
        strict_note=header.counted_note,
        totals=count(scenarios),
        verdicts=verdicts,
        criteria=criteria_text(verdicts[ACCESSIBILITY]["criteria"]),
        unit_totals=_unit_totals(results),
        failures=[_scenario_view(r, header, outcomes) for r in conformance
                  if r.outcome == FAILED and r.nodeid not in outcomes.expected],
        differences=_item_views(results, REFERENCE),
        advisories=[view for view in _item_views(results, ACCESSIBILITY) if view["axe"] is None],
        axe=_axe_views(results) if header.axe else None,
        axe_total=len(axe_findings(results)),
        axe_states=sum(_record(result).get("axe_scans", 0) for result in results.scenarios),
        axe_counted=header.axe == AXE_FAIL or (header.axe is not None and header.strict),
        insecure=[_scenario_view(r, header, outcomes) for r in results.scenarios_of(SECURITY)
                  if r.outcome == FAILED],
        features=_feature_views(scenarios, header, outcomes),
        unit_tests=[_unit_test_view(result) for result in results.unit_tests],
        deviations=_deviations_view(results, outcomes),
        requirements=requirements_text(requirements["totals"]) if requirements else None,
    )


def totals_text(results: list[TestResult], expected: Container[str] = ()) -> str:
    """Return a feature's totals, a failure named as its verdict names it (or as expected)."""
    labels = [_outcome_label(result, expected) for result in results]
    order = [PASSED, FLAKY, *dict.fromkeys(FAILURE_LABELS.values()), EXPECTED_FAILURE, NOT_RUN]
    # Passed is always said; the other outcomes only when some scenario had them.
    parts = [f"{labels.count(label)} {label}" for label in order
             if label == PASSED or label in labels]
    return ", ".join(parts)


def _item_views(results: RunResults, verdict: str) -> list[dict[str, Any]]:
    """Return the differences or the advisories of a run: failed scenarios, then findings."""
    views = [
        _item_view(result, _record(result)["failing_step"], first_line(result.error_text),
                   scenario_criterion(result), None)
        for result in results.scenarios_of(verdict)
        # A scenario failed by its own finding is shown once, through that finding.
        if result.outcome == FAILED and not result.failed_by_finding
    ]
    views += [
        _item_view(result, finding["step"], finding["message"], finding["criterion"],
                   finding["page"]) | {"axe": finding.get("axe")}
        for result in results.scenarios
        for finding in result.findings
        if finding["verdict"] == verdict
    ]
    return views


def _axe_views(results: RunResults) -> list[dict[str, Any]]:
    """Return the accessibility profile's findings, one per page, rule and node, with their scenarios."""
    views: dict[tuple[str, str, str], dict[str, Any]] = {}
    for result in results.scenarios:
        for finding in result.findings:
            axe = finding.get("axe")
            if axe is None:
                continue
            key = (page_key(finding["page"] or ""), axe["rule"], axe["target"])
            view = views.setdefault(key, {**axe, "criterion": _wcag(finding["criterion"]),
                                          "message": finding["message"], "page": finding["page"],
                                          "scenarios": {}})
            view["scenarios"].setdefault(f"scenario-{_record(result)['slug']}", _record(result)["name"])
    return list(views.values())


def _item_view(
    result: TestResult, step: str | None, message: str, criterion: str | None, page: str | None
) -> dict[str, Any]:
    """Return what the template shows of one difference or advisory."""
    record = _record(result)
    return {
        "anchor": f"scenario-{record['slug']}",
        "scenario": record["name"],
        "feature": record["feature"],
        "step": step,
        "message": message,
        "criterion": _wcag(criterion),
        "page": page,
        # axe-core's details, on the accessibility profile's findings (--axe).
        "axe": None,
    }


def _deviations_view(results: RunResults, outcomes: Outcomes) -> dict[str, Any] | None:
    """Return what the report's "Expected deviations" section shows, or None without a file."""
    declared = outcomes.declared
    if declared is None:
        return None
    by_id = {result.nodeid: result for result in results.scenarios}

    def entry_view(entry: Deviation, nodeids: list[str]) -> dict[str, Any]:
        links = [(f"scenario-{_record(by_id[n])['slug']}", _record(by_id[n])["name"]) for n in nodeids]
        return {"declared": entry.subject, "because": entry.because, "where": declared.where(entry),
                "scenarios": links}

    def nodeids_of(chosen: Mapping[str, Deviation], entry: Deviation) -> list[str]:
        return [nodeid for nodeid, speaking in chosen.items() if speaking == entry]

    return {
        "file": declared.file,
        "expected": [entry_view(e, nodeids_of(outcomes.expected, e))
                     for e in outcomes.entries(EXPECTED_FAILURE)],
        "unexpected": [entry_view(e, nodeids_of(outcomes.unexpected, e))
                       for e in outcomes.unexpected_passes],
        "not_run": [entry_view(e, []) for e in outcomes.entries(NOT_RUN)],
        "stale": [entry_view(e, []) for e in outcomes.entries(STALE)],
        "expected_count": len(outcomes.expected),
    }


def _feature_views(
    scenarios: list[TestResult], header: ReportHeader, outcomes: Outcomes
) -> list[dict[str, Any]]:
    """Return the scenarios grouped by feature, in feature file order."""

    def feature_of(result: TestResult) -> tuple[str, str]:
        record = _record(result)
        return (record["feature_file"], record["feature"])

    views = []
    for (feature_file, name), group in groupby(scenarios, key=feature_of):
        members = list(group)
        views.append(
            {
                "name": name,
                "file": feature_file,
                "totals": totals_text(members, outcomes.expected),
                "scenarios": [_scenario_view(result, header, outcomes) for result in members],
            }
        )
    return views


def _scenario_view(result: TestResult, header: ReportHeader, outcomes: Outcomes) -> dict[str, Any]:
    """Return what the template shows of one scenario."""
    record = _record(result)
    trace = record["trace"]
    label = _outcome_label(result, outcomes.expected)
    return {
        "anchor": f"scenario-{record['slug']}",
        "nodeid": result.nodeid,
        "name": record["name"],
        "line": record["line"],
        "outcome": result.outcome,
        "label": label,
        "css": _css(label),
        "verdict": VERDICT_NAMES.get(result.verdict, result.verdict),
        "verdict_css": f"verdict-{result.verdict}",
        "findings": [_finding_view(finding) for finding in result.findings],
        "tags": record["tags"],
        "requirements": record["requirements"],
        "security_requirements": security_ids(record["tags"]),
        "pages": record["pages"],
        "steps": [_step_view(step) for step in record["steps"]],
        "failing_step": record["failing_step"],
        "failed_phase": _PHASES.get(result.failed_phase or "", result.failed_phase),
        "error": result.error_text,
        "error_type": record["error_type"],
        "skip_reason": result.skip_reason,
        "screenshot": record["screenshot"],
        "screenshot_error": record["screenshot_error"],
        "trace": trace,
        "trace_error": record["trace_error"],
        "trace_command": TRACE_COMMAND.format(f"{header.reports_dir}/{trace}") if trace else None,
        # pytest-playwright's --video, moved into the scenario's evidence folder.
        "videos": record.get("videos") or [],
        "deviation": _deviation_view(result, outcomes),
        "attempts": _attempt_views(result),
    }


def _attempt_views(result: TestResult) -> list[dict[str, Any]]:
    """Return the failed attempts pytest-rerunfailures ran again, with the evidence each left."""
    evidence = {item["attempt"]: item for item in _record(result).get("attempts", [])}
    views = []
    for number, attempt in enumerate(result.attempts, start=1):
        kept: Mapping[str, Any] = evidence.get(number) or {}
        views.append({"number": number, "error": attempt.get("error") or "no message",
                      "failing_step": attempt.get("failing_step"),
                      "screenshot": kept.get("screenshot"), "trace": kept.get("trace")})
    return views


def _deviation_view(result: TestResult, outcomes: Outcomes) -> dict[str, Any] | None:
    """Return the declared deviation a scenario's outcome answers, if any."""
    for kind, chosen in ((EXPECTED_FAILURE, outcomes.expected), (UNEXPECTED_PASS, outcomes.unexpected)):
        entry = chosen.get(result.nodeid)
        if entry is not None and outcomes.declared is not None:
            return {"kind": kind, "css": kind.replace(" ", "-"), "declared": entry.subject,
                    "because": entry.because, "where": outcomes.declared.where(entry)}
    return None


def _finding_view(finding: FindingRecord) -> dict[str, Any]:
    """Return what the template shows of one finding of a scenario."""
    differs = finding["verdict"] == REFERENCE
    return {
        "css": "differs" if differs else "advisory",
        "label": "differs from the reference" if differs else
        f"accessibility advisory, {_wcag(finding['criterion'])}",
        "message": finding["message"],
        "step": finding["step"],
        "page": finding["page"],
        "axe": finding.get("axe"),
    }


def _outcome_label(result: TestResult, expected: Container[str] = ()) -> str:
    """Return how the report names a scenario's outcome: a failure as its verdict names it."""
    if result.outcome == FAILED and result.nodeid in expected:
        return EXPECTED_FAILURE
    if result.flaky:
        return FLAKY
    if result.outcome == FAILED:
        return FAILURE_LABELS.get(result.verdict, FAILED)
    return result.outcome


def _css(label: str) -> str:
    """Return the CSS class of an outcome label."""
    return {FAILURE_LABELS[REFERENCE]: "differs"}.get(label, label.replace(" ", "-"))


def _wcag(criterion: str | None) -> str:
    """Return a WCAG criterion as the report names it."""
    return f"WCAG {criterion}" if criterion else "WCAG criterion not named"


def _step_view(step: StepRecord) -> dict[str, Any]:
    """Return what the template shows of one step."""
    duration = step["duration"]
    return {
        "status": step["status"],
        "css": step["status"].replace(" ", "-"),
        "keyword": step["keyword"],
        "sentence": step_sentence(step["keyword"], step["text"]),
        "duration": "" if duration is None else f"{duration:.2f} s",
    }


def _unit_test_view(result: TestResult) -> dict[str, Any]:
    """Return what the template shows of one unit test."""
    return {
        "nodeid": result.nodeid,
        "outcome": result.outcome,
        "css": result.outcome.replace(" ", "-"),
        "detail": result.error if result.outcome == FAILED else result.skip_reason,
    }


def _record(result: TestResult) -> ScenarioRecord:
    """Return the record of a scenario result."""
    assert result.record is not None  # Only scenarios reach the scenario views.
    return result.record


def _unit_totals(results: RunResults) -> dict[str, int]:
    """Return the unit tests' totals, a test passed after a retry counted as passed."""
    totals = count(results.unit_tests)
    totals["passed"] += totals.pop("flaky")
    return totals
