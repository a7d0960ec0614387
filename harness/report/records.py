"""Plain-data records of scenarios, built where they run and carried to the controller."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NotRequired, TypedDict

from pytest_bdd.parser import Scenario, Step

from harness.requirements import ID_PATTERN
from harness.verdicts import Finding, verdict_of

# The key of the record among a test report's user_properties.
USER_PROPERTY = "esante_scenario"
# The guide a scenario comes from comes first in its pages, then the guide's page tags (p1-p21).
GUIDE_TAGS = ("patient", "professionnel")
_PAGE_TAG = re.compile(r"p(\d+)")
_TAG = re.compile(r"@([^\s@]+)")

PASSED = "passed"
FAILED = "failed"
SKIPPED = "skipped"
NOT_RUN = "not run"
RUNNING = "running"

# Playwright may colour its messages; the report shows them as plain text.
_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


class StepRecord(TypedDict):
    """One step of a scenario with what happened to it."""

    keyword: str
    text: str
    line: int
    status: str
    duration: float | None
    # The page after the step, relative to the reports directory, or why it could not be taken.
    screenshot: str | None
    screenshot_error: str | None


class AxeRecord(TypedDict):
    """What axe-core found (--axe): the rule, one node as an example, how many nodes, the help page."""

    rule: str
    impact: str | None
    target: str
    html: str
    help_url: str | None
    nodes: int


class FindingRecord(TypedDict):
    """A reference or accessibility finding a step recorded, with the step it was made in."""

    verdict: str
    message: str
    criterion: str | None
    page: str | None
    step: str | None
    # Only on the accessibility profile's findings.
    axe: NotRequired[AxeRecord]


class AttemptRecord(TypedDict):
    """A failed attempt that pytest-rerunfailures ran again, with the evidence it left."""

    attempt: int
    failing_step: str | None
    error: str | None
    screenshot: str | None
    trace: str | None


class ScenarioRecord(TypedDict):
    """One scenario with its steps, its failure if any and the paths of its evidence."""

    feature: str
    feature_file: str
    feature_keyword: str
    feature_line: int
    feature_description: str
    feature_tags: list[str]
    feature_tag_locations: dict[str, list[int]]
    keyword: str
    name: str
    line: int
    tags: list[str]
    verdict: str
    findings: list[FindingRecord]
    requirements: list[str]
    pages: list[str]
    steps: list[StepRecord]
    failing_step: str | None
    error: str | None
    error_type: str | None
    slug: str
    screenshot: str | None
    screenshot_error: str | None
    trace: str | None
    trace_error: str | None
    # Added when they apply: an outline example's values, and the videos pytest-playwright made.
    example: NotRequired[dict[str, str]]
    videos: NotRequired[list[str]]
    # The failed attempts before this one, when pytest-rerunfailures ran the scenario again.
    attempts: NotRequired[list[AttemptRecord]]
    # How many page states the accessibility profile (--axe) scanned, and why it could not scan
    # one, the last time it could not.
    axe_scans: NotRequired[int]
    axe_error: NotRequired[str]


def new_record(scenario: Scenario, slug: str) -> ScenarioRecord:
    """Return the record of a scenario about to run, every step not run yet."""
    feature = scenario.feature
    tags = scenario_tags(scenario)
    return {
        "feature": feature.name,
        "feature_file": feature.rel_filename,
        "feature_keyword": feature.keyword,
        "feature_line": feature.line_number,
        "feature_description": feature.description or "",
        "feature_tags": sorted(feature.tags),
        "feature_tag_locations": tag_locations(feature.filename, feature.line_number, feature.tags),
        "keyword": scenario.keyword,
        "name": scenario.name,
        "line": scenario.line_number,
        "tags": tags,
        "verdict": verdict_of(tags),
        "findings": [],
        "requirements": requirement_ids(tags),
        "pages": page_tags(tags),
        "steps": [_new_step(feature.filename, step) for step in scenario.steps],
        "failing_step": None,
        "error": None,
        "error_type": None,
        "slug": slug,
        "screenshot": None,
        "screenshot_error": None,
        "trace": None,
        "trace_error": None,
    }


def scenario_tags(scenario: Scenario) -> list[str]:
    """Return the effective tags of a scenario: its own, its rule's and its feature's."""
    rule_tags = scenario.rule.tags if scenario.rule is not None else set()
    return sorted(scenario.tags | rule_tags | scenario.feature.tags)


def tag_locations(feature_path: str, feature_line: int, tags: Iterable[str]) -> dict[str, list[int]]:
    """Return the line and column, from 1, where each of a feature's tags is written above it."""
    wanted = set(tags)
    found: dict[str, list[int]] = {}
    for number, line in enumerate(_feature_lines(feature_path)[: feature_line - 1], start=1):
        if line.lstrip().startswith("#"):
            continue
        for match in _TAG.finditer(line):
            if match.group(1) in wanted:
                found.setdefault(match.group(1), [number, match.start() + 1])
    return found


def requirement_ids(tags: Iterable[str]) -> list[str]:
    """Return the quick guides' requirement ids among the tags."""
    return sorted(tag for tag in tags if ID_PATTERN.match(tag))


def page_tags(tags: Iterable[str]) -> list[str]:
    """Return the guide and guide-page tags among the tags: the guide first, then pages in order."""
    tags = set(tags)
    guides = [tag for tag in GUIDE_TAGS if tag in tags]
    pages = [tag for tag in tags if _PAGE_TAG.fullmatch(tag)]
    # By number: p9 comes before p10, which sorting the text would not give.
    return guides + sorted(pages, key=lambda tag: int(tag[1:]))


def slug_for(nodeid: str) -> str:
    """Return a short filesystem-safe name, unique per test id, for a test's evidence folder."""
    name = nodeid.rsplit("::", 1)[-1].removeprefix("test_")
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    readable = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:48].rstrip("-")
    # The digest keeps slugs unique when names collide after shortening or across files.
    digest = hashlib.sha1(nodeid.encode(), usedforsecurity=False).hexdigest()[:8]
    return f"{readable}-{digest}" if readable else digest


def step_sentence(keyword: str, text: str) -> str:
    """Return a step as written in the feature file, keyword and text."""
    # French elided keywords such as "Étant donné qu'" are written glued to the text.
    separator = "" if keyword.endswith("'") else " "
    return f"{keyword}{separator}{text}"


def step_index(scenario: Scenario, step: Step) -> int | None:
    """Return the position of a step among the scenario's steps, or None if it is not one."""
    for index, candidate in enumerate(scenario.steps):
        if candidate is step:
            return index
    for index, candidate in enumerate(scenario.steps):
        if candidate.line_number == step.line_number:
            return index
    return None


def start_step(record: ScenarioRecord, index: int) -> None:
    """Mark a step as started."""
    record["steps"][index]["status"] = RUNNING


def finish_step(record: ScenarioRecord, index: int, status: str, duration: float) -> None:
    """Mark a step as finished with a status and its duration in seconds."""
    step = record["steps"][index]
    step["status"] = status
    step["duration"] = round(duration, 3)


def fail_step(record: ScenarioRecord, index: int, error: BaseException, duration: float) -> None:
    """Mark a step as the failing one and keep the error it raised."""
    finish_step(record, index, FAILED, duration)
    step = record["steps"][index]
    record["failing_step"] = step_sentence(step["keyword"], step["text"])
    record["error"] = error_text(error)
    record["error_type"] = type(error).__name__


def note_step_screenshot(
    record: ScenarioRecord, index: int, path: str | None = None, error: str | None = None
) -> None:
    """Keep the path of the screenshot taken after a step, or why it could not be taken."""
    step = record["steps"][index]
    step["screenshot"] = path
    step["screenshot_error"] = error


def settle_interrupted_steps(record: ScenarioRecord, outcome: str) -> None:
    """Give a step that started but never finished the outcome of the test (a skip, a crash)."""
    for step in record["steps"]:
        if step["status"] != RUNNING:
            continue
        step["status"] = SKIPPED if outcome == SKIPPED else FAILED
        if step["status"] == FAILED and record["failing_step"] is None:
            record["failing_step"] = step_sentence(step["keyword"], step["text"])


def note_findings(
    record: ScenarioRecord, findings: Sequence[Finding], step: str | None
) -> None:
    """Add the findings the record does not have yet, as made during a step (None: outside)."""
    # The test's log only grows, so the findings not yet noted are those past the record's count.
    for finding in findings[len(record["findings"]):]:
        noted: FindingRecord = {
            "verdict": finding.verdict,
            "message": finding.message,
            "criterion": finding.criterion,
            "page": finding.page,
            "step": step,
        }
        if finding.axe is not None:
            noted["axe"] = AxeRecord(**dataclasses.asdict(finding.axe))
        record["findings"].append(noted)


def error_text(error: BaseException) -> str:
    """Return the whole text of an error (Playwright's are several lines long), as plain text."""
    text = _ANSI_ESCAPE.sub("", str(error)).strip()
    return text or type(error).__name__


def _new_step(feature_path: str, step: Step) -> StepRecord:
    """Return the record of a step not run yet."""
    return {
        "keyword": verbatim_keyword(feature_path, step),
        "text": step.name,
        "line": step.line_number,
        "status": NOT_RUN,
        "duration": None,
        "screenshot": None,
        "screenshot_error": None,
    }


def verbatim_keyword(feature_path: str, step: Step) -> str:
    """Return a step's keyword as written in the feature file."""
    # pytest-bdd title-cases keywords ("Étant Donné Qu'"); the file keeps the French as written.
    keyword = step.keyword.strip()
    lines = _feature_lines(feature_path)
    if 0 < step.line_number <= len(lines):
        written = lines[step.line_number - 1].strip()[: len(keyword)]
        if written.casefold() == keyword.casefold():
            return written
    return keyword


@lru_cache(maxsize=64)
def _feature_lines(feature_path: str) -> tuple[str, ...]:
    """Return the lines of a feature file, or none if it cannot be read."""
    try:
        return tuple(Path(feature_path).read_text(encoding="utf-8").splitlines())
    except OSError:
        return ()
