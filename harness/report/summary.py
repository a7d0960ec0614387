"""A short plain-text summary of a run, for the end of the terminal output."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from harness.report.results import NO_CRITERION, criterion_key, first_line
from harness.verdicts import ACCESSIBILITY, AXE_FAIL, AXE_FINDINGS_EXIT, REFERENCE, SECURITY

STRICT_NOTE = "(strict: reference, accessibility and security count)"
CONFORMANCE_ONLY_NOTE = (
    "(conformance only decides the exit code; --all-verdicts counts the others)"
)
SECURITY_COUNTS_NOTE = (
    "(conformance and security decide the exit code; --all-verdicts counts the others)"
)
OUTSIDE_STEPS = "(outside the steps)"


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """Return the terminal lines summarising a run from its summary.json content."""
    scenarios = summary["scenarios"]
    unit_tests = summary["unit_tests"]
    seed = summary.get("faker_seed")
    # Flaky (passed after a retry) is said only when a scenario was: runs without --reruns have none.
    flaky = f"{scenarios['flaky']} flaky, " if scenarios.get("flaky") else ""
    lines = [
        f"Scenarios: {scenarios['passed']} passed, {flaky}{scenarios['failed']} failed, "
        f"{scenarios['not_run']} not run",
    ]
    lines += verdict_lines(summary)
    lines += axe_lines(summary)
    lines += requirements_lines(summary)
    lines += deviation_count_lines(summary)
    # The main job runs scenarios only: a line of zero unit tests would just be noise there.
    if unit_tests["passed"] or unit_tests["failed"]:
        lines.append(f"Unit tests: {unit_tests['passed']} passed, {unit_tests['failed']} failed")
    lines += [
        f"Target: {summary.get('target')}",
        f"Faker seed: {'not set' if seed is None else seed}",
        f"Report: {summary.get('report')}",
    ]
    lines += [_failure_line(failure) for failure in summary.get("failed_scenarios", [])]
    lines += [flaky_line(item) for item in summary.get("flaky_scenarios", [])]
    lines += deviation_lines(summary)
    lines += item_lines(summary)
    lines += not_run_lines(summary.get("not_run_scenarios", []))
    return lines


def flaky_line(item: dict[str, Any]) -> str:
    """Return the line of a scenario that passed only after a retry, with its first failure."""
    first = item["failed_attempts"][0] if item["failed_attempts"] else {}
    step = first.get("failing_step") or OUTSIDE_STEPS
    return (
        f"FLAKY {item['feature']} > {item['name']} | passed at attempt {item['attempts']} "
        f"| failed first at step: {step} | {first_line(first.get('error'))}"
    )


def requirements_lines(summary: dict[str, Any]) -> list[str]:
    """Return the line of the requirements matrix's verdicts, e.g. "Requirements: 40 met, …"."""
    matrix = summary.get("requirements")
    # A run of unit tests alone judges no requirement: a line of them all not run is noise.
    if not matrix or not any(summary["scenarios"].values()):
        return []
    where = PurePath(str(summary.get("report"))).with_name(matrix["files"][-1])
    return [f"Requirements: {requirements_text(matrix['totals'])} ({where})"]


def requirements_text(totals: dict[str, int]) -> str:
    """Return how many requirements got each verdict, e.g. "40 met, 1 not met, 0 expected deviations"."""
    # Only "expected deviation" is a noun to put in the plural; the other verdicts are states.
    return ", ".join(
        f"{n} {verdict}{'s' if verdict.endswith('deviation') and n != 1 else ''}"
        for verdict, n in totals.items()
    )


def deviation_count_lines(summary: dict[str, Any]) -> list[str]:
    """Return the line counting expected failures, unexpected passes and stale entries."""
    deviations = summary.get("deviations")
    if not deviations:
        return []
    expected = len(deviations["expected_failures"])
    unexpected = len(deviations["unexpected_passes"])
    parts = [
        f"{expected} expected {'failure' if expected == 1 else 'failures'}",
        f"{unexpected} unexpected {'pass' if unexpected == 1 else 'passes'}",
    ]
    if deviations["not_run"]:
        parts.append(f"{len(deviations['not_run'])} not run")
    parts.append(f"{len(deviations['stale'])} stale")
    return [f"Deviations: {', '.join(parts)} ({deviations['file']})"]


def deviation_lines(summary: dict[str, Any]) -> list[str]:
    """Return a line per unexpected pass and per stale entry of the deviations file."""
    deviations = summary.get("deviations")
    if not deviations:
        return []
    lines = [
        f"UNEXPECTED PASS {item['declared']} ({item['where']}): {', '.join(item['scenarios'])} "
        f"passed; remove the entry if the portal is fixed | declared: {_because(item)}"
        for item in deviations["unexpected_passes"]
    ]
    lines += [
        f"STALE deviation {item['declared']} ({item['where']}): no scenario of this run matches it"
        for item in deviations["stale"]
    ]
    return lines


def _because(item: dict[str, Any]) -> str:
    """Return a deviation's reason with its ticket."""
    return f"{item['reason']} [{item['ticket']}]" if item.get("ticket") else item["reason"]


def not_run_lines(not_run: list[dict[str, Any]]) -> list[str]:
    """Return one line per reason scenarios did not run, with how many and which one first."""
    reasons: dict[str, list[dict[str, Any]]] = {}
    for item in not_run:
        reasons.setdefault(item["reason"], []).append(item)
    lines = []
    for reason, items in reasons.items():
        first = f"{items[0]['feature']} > {items[0]['name']}"
        more = f" and {len(items) - 1} more" if len(items) > 1 else ""
        text = reason if reason.startswith("not run") else f"not run: {reason}"
        lines.append(f"NOT RUN ({len(items)}) {text} | {first}{more}")
    return lines


def verdict_lines(summary: dict[str, Any]) -> list[str]:
    """Return one line per verdict and the line saying which of them decide the exit code."""
    verdicts = summary.get("verdicts")
    # A summary written before the three verdicts has none of these lines to give.
    if not verdicts:
        return []
    conformance = verdicts["conformance"]
    expected = sum(1 for item in summary.get("failed_scenarios", []) if item.get("expected"))
    failed = f"{conformance['failed']} failed" + (f" ({expected} expected)" if expected else "")
    flaky = f"{conformance['flaky']} flaky, " if conformance.get("flaky") else ""
    lines = [
        f"Conformance: {conformance['passed']} passed, {flaky}{failed}, {conformance['not_run']} not run",
        _reference_line(verdicts["reference"]),
        _accessibility_line(verdicts["accessibility"]),
    ]
    # A summary written before the security verdict has no line of it.
    if SECURITY in verdicts:
        lines.append(_security_line(verdicts[SECURITY]))
    return [*lines, counted_note(summary)]


def axe_lines(summary: dict[str, Any]) -> list[str]:
    """Return the accessibility profile's line (--axe): its findings, by rule, and whether they count."""
    axe = summary.get("axe")
    if not axe:
        return []
    found = axe["findings"]
    rules = ", ".join(f"{rule} ×{n}" for rule, n in axe["rules"].items())
    text = f"{found} {'finding' if found == 1 else 'findings'} on {axe['pages']} " \
        f"{'page' if axe['pages'] == 1 else 'pages'}" + (f" ({rules})" if rules else "")
    # Older summaries have no count of the page states scanned.
    if "page_states" in axe:
        text += f", {axe['page_states']} page {'state' if axe['page_states'] == 1 else 'states'} scanned"
    counted = axe["mode"] == AXE_FAIL or summary.get("strict")
    note = f"; exit code {AXE_FINDINGS_EXIT} if nothing else fails" if counted and found else ""
    lines = [f"Accessibility profile (axe-core): {text}{note}"]
    lines += [f"AXE SCAN FAILED {item['scenario']}: {item['error']}" for item in axe.get("errors", [])]
    return lines


def counted_note(summary: dict[str, Any]) -> str:
    """Return the line saying which verdicts decide the exit code."""
    if summary.get("strict"):
        return STRICT_NOTE
    return SECURITY_COUNTS_NOTE if summary.get("count_security") else CONFORMANCE_ONLY_NOTE


def _security_line(security: dict[str, int]) -> str:
    """Return the line of the security verdict."""
    flaky = f"{security['flaky']} flaky, " if security.get("flaky") else ""
    return (f"Security: {security['passed']} passed, {flaky}{security['failed']} failed, "
            f"{security['not_run']} not run")


def item_lines(summary: dict[str, Any]) -> list[str]:
    """Return a line per difference from the reference, then one per accessibility advisory."""
    findings = summary.get("findings", [])
    differs = [
        _differs_line(item["feature"], item["name"], item["failing_step"], item["message"])
        for item in summary.get("differing_scenarios", [])
        # A scenario failed by its own finding is shown once, by that finding's line.
        if not item.get("failed_by_finding")
    ]
    differs += [_grouped_line("DIFFERS", group) for group in _groups(findings, REFERENCE)]
    advisories = [
        _advisory_line(item["criterion"], item["feature"], item["name"], item["message"])
        for item in summary.get("advisory_scenarios", [])
        if not item.get("failed_by_finding")
    ]
    advisories += [_grouped_line("ADVISORY", group) for group in _groups(findings, ACCESSIBILITY)]
    insecure = [_security_failure_line(item) for item in summary.get("security_scenarios", [])]
    return differs + advisories + insecure


def _security_failure_line(item: dict[str, Any]) -> str:
    """Return the line of a failed security scenario, its ASVS (and NIST) requirements first."""
    named = ", ".join(item.get("security_requirements") or []) or "no ASVS id"
    expected = " (expected)" if item.get("expected") else ""
    return (f"SECURITY{expected} {named} {item['feature']} > {item['name']} "
            f"| step: {item.get('failing_step') or OUTSIDE_STEPS} | {item['message']}")


def _groups(findings: list[dict[str, Any]], verdict: str) -> list[list[dict[str, Any]]]:
    """Gather the same finding made on the same page by several scenarios, in first-seen order."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for item in findings:
        if item["verdict"] == verdict:
            key = (item.get("criterion"), item["message"], _page_path(item.get("page")))
            groups.setdefault(key, []).append(item)
    return list(groups.values())


def _grouped_line(head: str, group: list[dict[str, Any]]) -> str:
    """Return one line for a finding, with the criterion, the page and the scenarios that made it."""
    first = group[0]
    criterion = f" {_wcag(criterion_key(first.get('criterion')))}" if head == "ADVISORY" else ""
    where = f" | page: {first['page']}" if first.get("page") else ""
    scenarios = {(item["feature"], item["scenario"]) for item in group}
    seen = f"{first['feature']} > {first['scenario']}"
    if len(scenarios) > 1:
        seen += f" and {len(scenarios) - 1} more {'scenario' if len(scenarios) == 2 else 'scenarios'}"
    return f"{head}{criterion} {first['message']}{where} | {seen}"


def _page_path(page: str | None) -> str | None:
    """Return a page's address without its query, so one page's findings group together."""
    return page.split("?", 1)[0] if page else None


def _reference_line(reference: dict[str, int]) -> str:
    """Return the line of the reference behaviour verdict."""
    differs = reference["differs"]
    parts = [
        f"{reference['as_reference']} as the reference",
        f"{differs} {'differs' if differs == 1 else 'differ'} from the reference",
    ]
    if reference["not_run"]:
        parts.append(f"{reference['not_run']} not run")
    if reference["findings"]:
        found = reference["findings"]
        parts.append(f"{found} {'difference' if found == 1 else 'differences'} recorded by steps")
    return "Reference behaviour: " + ", ".join(parts)


def _accessibility_line(accessibility: dict[str, Any]) -> str:
    """Return the line of the accessibility verdict, with its advisories by WCAG criterion."""
    passed = accessibility["passed"]
    parts = [f"{passed} {'scenario' if passed == 1 else 'scenarios'} passed"]
    if accessibility["failed"]:
        parts.append(f"{accessibility['failed']} failed")
    if accessibility["not_run"]:
        parts.append(f"{accessibility['not_run']} not run")
    advisories = accessibility["advisories"]
    text = f"{advisories} {'advisory' if advisories == 1 else 'advisories'}"
    criteria = criteria_text(accessibility.get("criteria") or {})
    parts.append(f"{text} ({criteria})" if criteria else text)
    return "Accessibility: " + ", ".join(parts)


def criteria_text(criteria: dict[str, int]) -> str:
    """Return how many advisories name each criterion, e.g. "WCAG 3.3.1 ×2, WCAG 1.3.1 ×1"."""
    return ", ".join(f"{_wcag(key)} ×{n}" for key, n in criteria.items())


def _failure_line(failure: dict[str, Any]) -> str:
    """Return the line naming a failed scenario, its failing step and its requirement ids."""
    step = failure.get("failing_step") or OUTSIDE_STEPS
    requirements = ", ".join(failure.get("requirements") or []) or "none"
    expected = failure.get("expected")
    head = "EXPECTED FAILURE" if expected else "FAILED"
    because = f" | expected: {_because(expected)}" if expected else ""
    return (
        f"{head} {failure['feature']} > {failure['name']} | step: {step} "
        f"| requirements: {requirements}{because}"
    )


def _differs_line(
    feature: str, scenario: str, step: str | None, message: str, page: str | None = None
) -> str:
    """Return the line of one difference from the reference, where it was seen and what."""
    where = f" | page: {page}" if page else ""
    return f"DIFFERS {feature} > {scenario} | step: {step or OUTSIDE_STEPS} | {message}{where}"


def _advisory_line(
    criterion: str | None, feature: str, scenario: str, message: str, page: str | None = None
) -> str:
    """Return the line of one accessibility advisory, its WCAG criterion first."""
    where = f" | page: {page}" if page else ""
    return f"ADVISORY {_wcag(criterion_key(criterion))} {feature} > {scenario}: {message}{where}"


def _wcag(key: str) -> str:
    """Return how a criterion key reads: "WCAG 1.3.1", or that none was named."""
    return f"({NO_CRITERION})" if key == NO_CRITERION else f"WCAG {key}"
