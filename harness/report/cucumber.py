"""cucumber.json from the scenario records: the Cucumber JSON format that QA tools import.

Written by the controller from the records every worker sends, so a parallel run gives the same
file as a serial one. Tags carry their « @ »; a step after a failure, and every step of a
scenario that was not run, is « skipped »; a scenario not run says why in its first step's result.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from harness.report.records import FAILED, NOT_RUN, PASSED, RUNNING, SKIPPED, ScenarioRecord
from harness.report.results import NOT_RUN as RESULT_NOT_RUN
from harness.report.results import TestResult

# Cucumber's step statuses, from the records' own.
_STATUS = {PASSED: "passed", FAILED: "failed", SKIPPED: "skipped", NOT_RUN: "skipped", RUNNING: "failed"}
_NANOSECONDS = 1_000_000_000


def cucumber_json(results: Iterable[TestResult]) -> list[dict[str, Any]]:
    """One Cucumber feature per feature file, with one element per scenario run (or not run)."""
    features: dict[str, dict[str, Any]] = {}
    for result in results:
        record = result.record
        if record is None:
            continue
        feature = features.setdefault(record["feature_file"], _feature(record))
        feature["elements"].append(_element(record, feature["id"], result))
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
        "tags": _tags(record.get("feature_tags") or [], max(record.get("feature_line", 2) - 1, 1)),
        "elements": [],
    }


def _element(record: ScenarioRecord, feature_id: str, result: TestResult) -> dict[str, Any]:
    """A scenario with its steps' results; a scenario not run has every step skipped."""
    own_tags = [tag for tag in record["tags"] if tag not in set(record.get("feature_tags") or [])]
    steps = [_step(step, result) for step in record["steps"]]
    if result.outcome == RESULT_NOT_RUN and steps:
        # Cucumber has no « not run »: its steps are skipped, and the first says why.
        steps[0]["result"]["error_message"] = f"not run: {result.skip_reason or 'the run stopped'}"
    return {
        "id": f"{feature_id};{_identifier(record['name'])}",
        "keyword": record.get("keyword") or "Scénario",
        "type": "scenario",
        "name": record["name"],
        "description": "",
        "line": record["line"],
        "tags": _tags(own_tags, max(record["line"] - 1, 1)),
        "steps": steps,
    }


def _step(step: dict[str, Any], result: TestResult) -> dict[str, Any]:
    """A step's Cucumber result: its status, its duration in nanoseconds and any error."""
    status = _STATUS.get(step["status"], "skipped")
    if result.outcome == RESULT_NOT_RUN:
        status = "skipped"
    outcome: dict[str, Any] = {"status": status}
    if step.get("duration") is not None:
        outcome["duration"] = int(step["duration"] * _NANOSECONDS)
    if status == "failed":
        outcome["error_message"] = (result.record or {}).get("error") or result.error or "failed"
    keyword = step["keyword"]
    return {
        # Cucumber's keywords end with the space that separates them from the text, « Qu' » aside.
        "keyword": keyword if keyword.endswith("'") else f"{keyword} ",
        "name": step["text"],
        "line": step["line"],
        "match": {"location": f"{result.record['feature_file'] if result.record else ''}:{step['line']}"},
        "result": outcome,
    }


def _tags(names: Iterable[str], line: int) -> list[dict[str, Any]]:
    """Cucumber tags: each with its « @ » and the line it was written on."""
    return [{"name": f"@{name}", "line": line} for name in sorted(names)]


def _identifier(name: str) -> str:
    """Cucumber's id of a name: lower case, spaces as dashes."""
    return re.sub(r"\s+", "-", name.strip().lower())
