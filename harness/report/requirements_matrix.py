"""The requirements matrix: every instruction of both guides with this run's verdict on it.

One row per entry of features/requirements.toml, covered or not, written as requirements.json
and requirements.csv. The verdict is the conformance verdict, from the conformance scenarios
tagged with the requirement: a ``@reference`` or ``@accessibilite`` scenario judges what the
guides leave open, so its outcome is a note beside the verdict, never the verdict itself.

- **met**: at least one of its conformance scenarios ran, and every one that ran passed;
- **not met**: one failed, and no declared deviation expected it (the reason names it);
- **expected deviation**: its failures were all expected by the target's deviations file;
- **not run**: none of its conformance scenarios ran (the reason says why, or that none was
  selected);
- **left out**: no scenario covers it (with requirements.toml's ``left_out`` reason, if any).

Security scenarios (``@securite``) cover no guide instruction: they name OWASP ASVS 5.0
requirements (``@ASVS-6.3.1``, and NIST SP 800-63B's ``@NIST-800-63B-5.2.2``), which get rows of
their own under requirements.json's ``security``, judged by the security scenarios alone and
never counted in the guides' totals.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import io
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from harness.deviations import Deviation, Outcomes
from harness.report.records import ScenarioRecord
from harness.report.results import FAILED, FLAKY, NOT_RUN, PASSED, RunResults, TestResult, first_line
from harness.requirements import (
    GUIDES,
    REPO_ROOT,
    Requirement,
    ScenarioRef,
    catalogue_fields,
    collect_scenarios,
    coverage,
    load_catalogue,
    security_ids,
    security_order,
    security_standard,
)
from harness.verdicts import ACCESSIBILITY, CONFORMANCE, REFERENCE, SECURITY, verdict_of

JSON_FILE = "requirements.json"
CSV_FILE = "requirements.csv"
FEATURES_DIR = REPO_ROOT / "features"
MET, NOT_MET, EXPECTED_DEVIATION, LEFT_OUT = "met", "not met", "expected deviation", "left out"
VERDICTS = (MET, NOT_MET, EXPECTED_DEVIATION, NOT_RUN, LEFT_OUT)
# The CSV's columns, in a fixed order that scripts and spreadsheets may rely on.
COLUMNS = ("id", "guide", "page", "section", "text", "verdict", "reason", "deviations", "scenarios", "notes")
JOIN = " | "
EXPECTED_FAILURE = "expected failure"
NOT_SELECTED = "not selected"
NOT_SELECTED_REASON = "none of its conformance scenarios was in this run's selection"
SECURITY_NOT_SELECTED_REASON = "none of its security scenarios was in this run's selection"
SECURITY_VERDICTS = (MET, NOT_MET, EXPECTED_DEVIATION, NOT_RUN)
# What the other verdicts' failures are called in the notes beside a guide requirement's verdict.
NOTE_LABELS = {
    REFERENCE: "differs from the reference",
    ACCESSIBILITY: "accessibility advisory",
    SECURITY: "security failure",
}
UNCOVERED_REASON = "no scenario covers it, and requirements.toml gives no reason"
STOPPED_REASON = "the run stopped before this scenario finished"
_BROWSERS = ("chromium", "firefox", "webkit")
_PARAMETERS = re.compile(r"\[(.*)\]$")


@dataclass(frozen=True)
class Catalogue:
    """The guides' requirements and the feature files' scenarios tagged with each."""

    requirements: tuple[Requirement, ...]
    scenarios: Mapping[str, tuple[ScenarioRef, ...]]
    # The ASVS and NIST requirements the security scenarios of the feature files name.
    security: Mapping[str, tuple[ScenarioRef, ...]] = dataclasses.field(default_factory=dict)


@cache
def load(features_dir: Path = FEATURES_DIR) -> Catalogue:
    """Read requirements.toml and the feature files beside it (once per process)."""
    requirements = load_catalogue(features_dir / "requirements.toml")
    covered = coverage(requirements, collect_scenarios(features_dir))
    order = {guide: index for index, guide in enumerate(GUIDES)}
    ordered = sorted(requirements, key=lambda r: (order.get(r.guide, len(order)), r.page, r.id))
    return Catalogue(tuple(ordered), covered.scenarios_by_id, covered.security)


def build(catalogue: Catalogue, results: RunResults, outcomes: Outcomes) -> list[dict[str, Any]]:
    """Return one row per requirement of the catalogue, with this run's verdict on it."""
    by_requirement: dict[str, list[TestResult]] = {}
    for result in results.scenarios:
        for requirement in _record(result)["requirements"]:
            by_requirement.setdefault(requirement, []).append(result)
    return [
        _row(requirement, by_requirement.get(requirement.id, []),
             catalogue.scenarios.get(requirement.id, ()), outcomes)
        for requirement in catalogue.requirements
    ]


def totals(rows: Iterable[Mapping[str, Any]], verdicts: Sequence[str] = VERDICTS) -> dict[str, int]:
    """Return how many requirements got each verdict, every verdict named."""
    given = [row["verdict"] for row in rows]
    return {verdict: given.count(verdict) for verdict in verdicts}


def build_security(catalogue: Catalogue, results: RunResults, outcomes: Outcomes) -> list[dict[str, Any]]:
    """Return one row per ASVS or NIST requirement a security scenario names, with this run's verdict."""
    by_id: dict[str, list[TestResult]] = {}
    for result in results.scenarios_of(SECURITY):
        for security_id in security_ids(_record(result)["tags"]):
            by_id.setdefault(security_id, []).append(result)
    named = sorted({*by_id, *catalogue.security}, key=security_order)
    return [_security_row(named_id, by_id.get(named_id, []), catalogue.security.get(named_id, ()), outcomes)
            for named_id in named]


def _security_row(
    security_id: str, ran: list[TestResult], refs: Sequence[ScenarioRef], outcomes: Outcomes
) -> dict[str, Any]:
    """Return one security requirement's row: its verdict from its security scenarios, and them."""
    failed = [result for result in ran if result.outcome == FAILED]
    unexpected = [result for result in failed if result.nodeid not in outcomes.expected]
    not_run = [result for result in ran if result.outcome == NOT_RUN]
    if unexpected:
        verdict, reason = NOT_MET, "; ".join(_failure(result) for result in unexpected)
    elif failed:
        verdict = EXPECTED_DEVIATION
        reason = "; ".join(dict.fromkeys(outcomes.expected[result.nodeid].because for result in failed))
    elif any(result.outcome == PASSED for result in ran):
        verdict, reason = MET, _partly_run(not_run, len(ran))
    elif not_run:
        verdict, reason = NOT_RUN, "; ".join(dict.fromkeys(_not_run_reason(result) for result in not_run))
    else:
        verdict, reason = NOT_RUN, SECURITY_NOT_SELECTED_REASON
    return {"id": security_id, "standard": security_standard(security_id), "verdict": verdict,
            "reason": reason, "scenarios": _scenarios(ran, refs, outcomes)}


def _row(
    requirement: Requirement, ran: list[TestResult], refs: Sequence[ScenarioRef], outcomes: Outcomes
) -> dict[str, Any]:
    """Return one requirement's row: its catalogue fields, verdict, reason and scenarios."""
    conformance = [result for result in ran if result.verdict == CONFORMANCE]
    verdict, reason = _verdict(requirement, conformance, bool(ran or refs), outcomes)
    return {
        **catalogue_fields(requirement),
        "verdict": verdict,
        "reason": reason,
        "deviations": _deviations(requirement, ran, outcomes),
        "scenarios": _scenarios(ran, refs, outcomes),
        "notes": _notes(ran),
    }


def _verdict(
    requirement: Requirement, conformance: list[TestResult], covered: bool, outcomes: Outcomes
) -> tuple[str, str]:
    """Return the conformance verdict on a requirement and the reason for it."""
    failed = [result for result in conformance if result.outcome == FAILED]
    unexpected = [result for result in failed if result.nodeid not in outcomes.expected]
    if unexpected:
        return NOT_MET, "; ".join(_failure(result) for result in unexpected)
    if failed:
        reasons = dict.fromkeys(outcomes.expected[result.nodeid].because for result in failed)
        return EXPECTED_DEVIATION, "; ".join(reasons)
    not_run = [result for result in conformance if result.outcome == NOT_RUN]
    passed = [result for result in conformance if result.outcome == PASSED]
    if passed and all(result.flaky for result in passed):
        # Met, but only after a retry: the reason says so, so that no one takes it for a plain pass.
        flaky = "; ".join(_flaky(result) for result in passed)
        return MET, "; ".join(filter(None, [f"met (flaky): {flaky}", _partly_run(not_run, len(conformance))]))
    if passed:
        return MET, _partly_run(not_run, len(conformance))
    if not_run:
        return NOT_RUN, "; ".join(dict.fromkeys(_not_run_reason(result) for result in not_run))
    if covered:
        return NOT_RUN, NOT_SELECTED_REASON
    return LEFT_OUT, requirement.left_out or UNCOVERED_REASON


def _flaky(result: TestResult) -> str:
    """Return how a scenario passed after a retry: its name and the first failed attempt's error."""
    first = result.attempts[0] if result.attempts else {}
    return (f"{_record(result)['name']} passed at attempt {len(result.attempts) + 1}, "
            f"after: {first_line(first.get('error'))}")


def _failure(result: TestResult) -> str:
    """Return what failed in a scenario: its name, its failing step and the error's first line."""
    record = _record(result)
    step = f" at « {record['failing_step']} »" if record["failing_step"] else ""
    return f"{record['name']}{step}: {first_line(result.error_text)}"


def _partly_run(not_run: list[TestResult], total: int) -> str:
    """Return, for a met requirement, which of its scenarios did not run and why."""
    if not not_run:
        return ""
    reasons = "; ".join(dict.fromkeys(_not_run_reason(result) for result in not_run))
    return f"{len(not_run)} of its {total} conformance scenarios not run: {reasons}"


def _not_run_reason(result: TestResult) -> str:
    """Return why a scenario did not run."""
    return result.skip_reason or STOPPED_REASON


def _deviations(requirement: Requirement, ran: list[TestResult], outcomes: Outcomes) -> list[dict[str, Any]]:
    """Return the declared deviations bearing on a requirement, with what became of each."""
    declared = outcomes.declared
    if declared is None:
        return []
    bearing = [
        entry for entry in declared.entries
        if entry.requirement == requirement.id
        or (entry.scenario is not None and any(entry.matches(_record(result)) for result in ran))
    ]
    return [_deviation(entry, outcomes) for entry in bearing]


def _deviation(entry: Deviation, outcomes: Outcomes) -> dict[str, Any]:
    """Return what the matrix shows of one declared deviation."""
    assert outcomes.declared is not None  # Only declared entries are shown.
    return {
        "declared": entry.subject,
        "status": outcomes.status.get(entry),
        "reason": entry.reason,
        "ticket": entry.ticket,
        "where": outcomes.declared.where(entry),
    }


def _scenarios(
    ran: list[TestResult], refs: Sequence[ScenarioRef], outcomes: Outcomes
) -> list[dict[str, Any]]:
    """Return the scenarios behind a requirement: those of this run, then those not selected."""
    shown = [_scenario(result, ran, outcomes) for result in ran]
    seen = {(_record(result)["feature_file"], _record(result)["line"]) for result in ran}
    shown += [
        {"name": ref.name, "feature": ref.feature, "verdict": _verdict_of(ref), "outcome": NOT_SELECTED,
         "detail": None}
        for ref in refs if (ref.feature, ref.line) not in seen
    ]
    return shown


def _scenario(result: TestResult, ran: list[TestResult], outcomes: Outcomes) -> dict[str, Any]:
    """Return one scenario of the run: its name (an outline's example named), verdict and outcome."""
    record = _record(result)
    place = (record["feature_file"], record["line"])
    examples = sum(1 for other in ran if (_record(other)["feature_file"], _record(other)["line"]) == place)
    name = f"{record['name']} [{_example(result.nodeid)}]" if examples > 1 else record["name"]
    outcome = result.outcome
    detail = None
    if result.nodeid in outcomes.expected:
        outcome, detail = EXPECTED_FAILURE, outcomes.expected[result.nodeid].because
    elif outcome == FAILED:
        detail = _failure(result)
    elif outcome == NOT_RUN:
        detail = _not_run_reason(result)
    elif result.flaky:
        outcome, detail = FLAKY, _flaky(result)
    return {"name": name, "feature": record["feature"], "verdict": result.verdict, "outcome": outcome,
            "detail": detail}


def _example(nodeid: str) -> str:
    """Return an outline example's parameters as its test id gives them, without the browser."""
    found = _PARAMETERS.search(nodeid)
    if found is None:
        return nodeid
    text = found.group(1)
    # pytest writes non-ASCII parameters as escapes (\xe8); they are the feature file's words.
    # A parameter that is not pytest's escaping stays as the test id has it.
    with contextlib.suppress(UnicodeDecodeError):
        text = text.encode("ascii", "backslashreplace").decode("unicode_escape")
    browser, _, rest = text.partition("-")
    return rest if browser in _BROWSERS and rest else text


def _verdict_of(ref: ScenarioRef) -> str:
    """Return the verdict of a scenario of the feature files from its tags."""
    return verdict_of(set(ref.tags))


def _notes(ran: list[TestResult]) -> list[str]:
    """Return what reference, accessibility and security say beside the conformance verdict."""
    notes = []
    for result in ran:
        if result.outcome != FAILED or result.verdict == CONFORMANCE:
            continue
        label = NOTE_LABELS.get(result.verdict, result.verdict)
        notes.append(f"{label}: {_record(result)['name']}: {first_line(result.error_text)}")
    findings = [finding["verdict"] for result in ran for finding in result.findings]
    for verdict, what in ((REFERENCE, "differences from the reference"),
                          (ACCESSIBILITY, "accessibility advisories")):
        if findings.count(verdict):
            notes.append(f"{what} recorded by its scenarios' steps: {findings.count(verdict)}")
    return notes


def _record(result: TestResult) -> ScenarioRecord:
    """Return a scenario result's record."""
    assert result.record is not None  # Only scenarios carry requirements.
    return result.record


# Writing the files.


def write(
    directory: Path, rows: list[dict[str, Any]], about: Mapping[str, Any],
    security: Sequence[Mapping[str, Any]] = (),
) -> None:
    """Write requirements.json (rows with the run's facts) and requirements.csv (the rows, flat)."""
    content = {**about, "totals": totals(rows), "columns": list(COLUMNS), "requirements": rows,
               "security_totals": totals(security, SECURITY_VERDICTS), "security": list(security)}
    (directory / JSON_FILE).write_text(json.dumps(content, ensure_ascii=False, indent=2, default=str) + "\n",
                                       encoding="utf-8")
    # UTF-8 with a byte order mark: Excel then reads the guides' French as UTF-8, not as cp1252.
    (directory / CSV_FILE).write_text(csv_text(rows), encoding="utf-8-sig", newline="")


def csv_text(rows: Iterable[Mapping[str, Any]]) -> str:
    """Return the rows as CSV: a header line, then one line per requirement, lists joined."""
    buffer = io.StringIO()
    # RFC 4180: commas, every field with a comma, quote or line break quoted, CRLF line ends.
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([_cell(name, row[name]) for name in COLUMNS])
    return buffer.getvalue()


def _cell(name: str, value: Any) -> str:
    """Return a row's value as one CSV cell."""
    if name == "scenarios":
        return JOIN.join(_scenario_cell(scenario) for scenario in value)
    if name == "deviations":
        return JOIN.join(_deviation_cell(deviation) for deviation in value)
    if isinstance(value, list):
        return JOIN.join(value)
    return "" if value is None else str(value)


def _scenario_cell(scenario: Mapping[str, Any]) -> str:
    """Return a scenario as the CSV shows it, e.g. "Le patient … (failed)"."""
    verdict = "" if scenario["verdict"] == CONFORMANCE else f"{scenario['verdict']}, "
    return f"{scenario['name']} ({verdict}{scenario['outcome']})"


def _deviation_cell(deviation: Mapping[str, Any]) -> str:
    """Return a declared deviation as the CSV shows it, e.g. "expected failure: reason [ticket]"."""
    ticket = f" [{deviation['ticket']}]" if deviation["ticket"] else ""
    return f"{deviation['status']}: {deviation['reason']}{ticket} ({deviation['where']})"
