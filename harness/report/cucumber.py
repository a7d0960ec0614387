"""cucumber.json from the scenario records: the Cucumber JSON format that QA tools import.

Written by the controller from the records every worker sends, so a parallel run gives the same
file as a serial one. Tags carry their « @ »; a step after a failure, and every step of a
scenario that was not run, is « skipped »; a scenario not run says why in its first step's result.
The screenshot taken after each step is embedded in it as base64 PNG.

The file follows cucumber-jvm's dialect of the format, as the Cucumber project's JSON schema
describes it (tests/support/cucumber_json_schema/): the only dialect whose schema has a step's
embeddings. Feature tags say where they are written; a scenario's, as in cucumber-jvm, do not.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from harness.report.records import FAILED, NOT_RUN, PASSED, RUNNING, SKIPPED, ScenarioRecord
from harness.report.results import NOT_RUN as RESULT_NOT_RUN
from harness.report.results import TestResult

# Cucumber's step statuses, from the records' own.
_STATUS = {PASSED: "passed", FAILED: "failed", SKIPPED: "skipped", NOT_RUN: "skipped", RUNNING: "failed"}
_NANOSECONDS = 1_000_000_000
# The tag, without its « @ », of a scenario that passed only after a failed attempt.
FLAKY_TAG = "flaky"


def cucumber_json(
    results: Iterable[TestResult], evidence_root: Path | None = None
) -> list[dict[str, Any]]:
    """One Cucumber feature per feature file, with one element per scenario run (or not run).

    Step screenshots are read from evidence_root, the reports directory; without it, none is embedded.
    """
    features: dict[str, dict[str, Any]] = {}
    for result in results:
        record = result.record
        if record is None:
            continue
        feature = features.setdefault(record["feature_file"], _feature(record))
        feature["elements"].append(_element(record, feature["id"], result, evidence_root))
    return list(features.values())


def _feature(record: ScenarioRecord) -> dict[str, Any]:
    """A feature's header, from one of its scenarios' records."""
    return {
        "uri": record["feature_file"],
        "id": _identifier(record["feature"]),
        "keyword": record.get("feature_keyword") or "Fonctionnalité",
        "name": record["feature"],
        "description": record.get("feature_description") or "",
        "line": record.get("feature_line") or 1,
        "tags": _feature_tags(record),
        "elements": [],
    }


def _element(
    record: ScenarioRecord, feature_id: str, result: TestResult, evidence_root: Path | None
) -> dict[str, Any]:
    """A scenario with its steps' results; a scenario not run has every step skipped."""
    own_tags = [tag for tag in record["tags"] if tag not in set(record.get("feature_tags") or [])]
    steps = [_step(step, result, evidence_root) for step in record["steps"]]
    if result.outcome == RESULT_NOT_RUN and steps:
        # Cucumber has no « not run »: its steps are skipped, and the first says why.
        steps[0]["result"]["error_message"] = f"not run: {result.skip_reason or 'the run stopped'}"
    tags = sorted(own_tags)
    if result.flaky:
        # Cucumber has no « flaky » either: a tag any consumer can filter on, and the failed
        # attempts as the first step's output, beside the final attempt's passed steps.
        tags = sorted([*tags, FLAKY_TAG])
        if steps:
            steps[0]["output"] = _attempt_notes(result)
    return {
        "id": f"{feature_id};{_identifier(record['name'])}",
        "keyword": record.get("keyword") or "Scénario",
        "type": "scenario",
        "name": record["name"],
        "description": "",
        "line": record["line"],
        # cucumber-jvm gives a scenario's tags their name alone.
        "tags": [{"name": f"@{name}"} for name in tags],
        "steps": steps,
    }


def _attempt_notes(result: TestResult) -> list[str]:
    """One line per failed attempt of a scenario that passed after a retry: its step and error."""
    notes = []
    for number, attempt in enumerate(result.attempts, start=1):
        step = f" at step « {attempt['failing_step']} »" if attempt.get("failing_step") else ""
        notes.append(f"flaky: attempt {number} failed{step}: {attempt.get('error') or 'no message'}")
    notes.append(f"flaky: passed at attempt {len(result.attempts) + 1}")
    return notes


def _step(step: dict[str, Any], result: TestResult, evidence_root: Path | None) -> dict[str, Any]:
    """A step's Cucumber result: its status, its duration in nanoseconds, any error and screenshot."""
    status = _STATUS.get(step["status"], "skipped")
    if result.outcome == RESULT_NOT_RUN:
        status = "skipped"
    outcome: dict[str, Any] = {"status": status}
    if step.get("duration") is not None:
        outcome["duration"] = int(step["duration"] * _NANOSECONDS)
    if status == "failed":
        outcome["error_message"] = (result.record or {}).get("error") or result.error or "failed"
    keyword = step["keyword"]
    content: dict[str, Any] = {
        # Cucumber's keywords end with the space that separates them from the text, « Qu' » aside.
        "keyword": keyword if keyword.endswith("'") else f"{keyword} ",
        "name": step["text"],
        "line": step["line"],
        "match": {"location": f"{result.record['feature_file'] if result.record else ''}:{step['line']}"},
        "result": outcome,
    }
    embeddings = _screenshot(step.get("screenshot"), evidence_root)
    if embeddings:
        content["embeddings"] = embeddings
    return content


def _screenshot(path: str | None, evidence_root: Path | None) -> list[dict[str, str]]:
    """The step's screenshot as a Cucumber embedding, or none when there is no file to read."""
    if path is None or evidence_root is None:
        return []
    try:
        png = (evidence_root / path).read_bytes()
    except OSError:  # Evidence removed since the run: the step is reported without it.
        return []
    data = base64.b64encode(png).decode("ascii")
    return [{"mime_type": "image/png", "name": Path(path).name, "data": data}]


def _feature_tags(record: ScenarioRecord) -> list[dict[str, Any]]:
    """A feature's tags as cucumber-jvm writes them: each with its « @ » and where it is written."""
    locations = record.get("feature_tag_locations") or {}
    # Records from before tag locations were kept: the tags are taken to be on the line above.
    above = [max(record.get("feature_line", 2) - 1, 1), 1]
    tags: list[dict[str, Any]] = []
    for name in sorted(record.get("feature_tags") or []):
        line, column = locations.get(name, above)
        tags.append({"name": f"@{name}", "type": "Tag", "location": {"line": line, "column": column}})
    return tags


def _identifier(name: str) -> str:
    """Cucumber's id of a name: lower case, spaces as dashes."""
    return re.sub(r"\s+", "-", name.strip().lower())
