"""The HTML report: a self-contained page rendered from the results of a run."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import Any

from bottle import template

from harness.report.records import ScenarioRecord, StepRecord, step_sentence
from harness.report.results import FAILED, RunResults, TestResult, count

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]
_PHASES = {"setup": "setup, before the first step", "teardown": "teardown, after the last step"}


@dataclass(frozen=True)
class ReportHeader:
    """What the report says about the run as a whole."""

    run_date: str
    target: str
    faker_seed: Any
    reports_dir: str


def render_report(results: RunResults, header: ReportHeader) -> str:
    """Return the HTML page of a run."""
    scenarios = results.scenarios
    return template(
        "report",
        template_lookup=TEMPLATES,
        header=header,
        totals=count(scenarios),
        unit_totals=count(results.unit_tests),
        failures=[_scenario_view(r, header) for r in scenarios if r.outcome == FAILED],
        features=_feature_views(scenarios, header),
        unit_tests=[_unit_test_view(result) for result in results.unit_tests],
    )


def _feature_views(scenarios: list[TestResult], header: ReportHeader) -> list[dict[str, Any]]:
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
                "totals": count(members),
                "scenarios": [_scenario_view(result, header) for result in members],
            }
        )
    return views


def _scenario_view(result: TestResult, header: ReportHeader) -> dict[str, Any]:
    """Return what the template shows of one scenario."""
    record = _record(result)
    trace = record["trace"]
    return {
        "anchor": f"scenario-{record['slug']}",
        "nodeid": result.nodeid,
        "name": record["name"],
        "line": record["line"],
        "outcome": result.outcome,
        "css": result.outcome.replace(" ", "-"),
        "tags": record["tags"],
        "requirements": record["requirements"],
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
        "trace_command": f"playwright show-trace {header.reports_dir}/{trace}" if trace else None,
    }


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
