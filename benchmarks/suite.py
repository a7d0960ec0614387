"""The whole acceptance suite's wall time, and each scenario's duration from its JUnit report."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from benchmarks.junit import acceptance_cases, read_cases
from benchmarks.stats import percentile

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFORMANCE = REPO_ROOT / "conformance"
JUNIT = REPO_ROOT / "reports" / "junit.xml"


def scenario_figures(junit: Path) -> dict[str, Any]:
    """Counts of the run's scenarios, and p50/p95 of the passed ones' JUnit times."""
    cases = acceptance_cases(read_cases(junit))
    passed = [case.time_s for case in cases if case.outcome == "passed"]
    slowest = sorted((case for case in cases if case.outcome == "passed"), key=lambda c: -c.time_s)[:5]
    return {
        "passed": len(passed),
        "failed": sum(case.outcome == "failed" for case in cases),
        "skipped": sum(case.outcome == "skipped" for case in cases),
        "p50_s": percentile(passed, 50),
        "p95_s": percentile(passed, 95),
        "max_s": max(passed, default=None),
        "total_s": sum(passed),
        "slowest": [{"name": case.name, "time_s": case.time_s} for case in slowest],
    }


def run(extra: Sequence[str] = ()) -> dict[str, Any]:
    """`./conformance run` with the extra arguments, timed from start to exit, then its scenarios read."""
    # Set-up (the venv, the browser) first and untimed, so that the wall time is the run's alone.
    subprocess.run([str(CONFORMANCE), "setup"], cwd=REPO_ROOT, check=True, capture_output=True)
    command = [str(CONFORMANCE), "run", *extra]
    started = time.perf_counter()
    code = subprocess.run(command, cwd=REPO_ROOT, check=False).returncode
    wall = time.perf_counter() - started
    return {
        "command": ["./conformance", "run", *extra],
        "exit_code": code,
        "wall_s": wall,
        "scenarios": scenario_figures(JUNIT) if JUNIT.is_file() else None,
    }
