"""A short plain-text summary of a run, for the end of the terminal output."""

from __future__ import annotations

from typing import Any


def summary_lines(summary: dict[str, Any]) -> list[str]:
    """Return the terminal lines summarising a run from its summary.json content."""
    scenarios = summary["scenarios"]
    unit_tests = summary["unit_tests"]
    seed = summary.get("faker_seed")
    lines = [
        f"Scenarios: {scenarios['passed']} passed, {scenarios['failed']} failed, "
        f"{scenarios['not_run']} not run",
    ]
    # The main job runs scenarios only: a line of zero unit tests would just be noise there.
    if unit_tests["passed"] or unit_tests["failed"]:
        lines.append(f"Unit tests: {unit_tests['passed']} passed, {unit_tests['failed']} failed")
    lines += [
        f"Target: {summary.get('target')}",
        f"Faker seed: {'not set' if seed is None else seed}",
        f"Report: {summary.get('report')}",
    ]
    lines += [_failure_line(failure) for failure in summary.get("failed_scenarios", [])]
    return lines


def _failure_line(failure: dict[str, Any]) -> str:
    """Return the line naming a failed scenario, its failing step and its requirement ids."""
    step = failure.get("failing_step") or "(outside the steps)"
    requirements = ", ".join(failure.get("requirements") or []) or "none"
    return (
        f"FAILED {failure['feature']} > {failure['name']} | step: {step} "
        f"| requirements: {requirements}"
    )
