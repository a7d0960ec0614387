"""The harness's side of the walk: the end-to-end activation scenario run by pytest, N times."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.junit import read_cases, step_seconds
from benchmarks.stats import median

REPO_ROOT = Path(__file__).resolve().parent.parent
SCENARIO = "Le patient active son compte de bout en bout"
TEST_NAME = "test_le_patient_active_son_compte_de_bout_en_bout"
# Run first in the same process, unmeasured: it starts the world and the browser (session
# fixtures) and walks the same wizard pages, so that the measured scenario finds both warm.
WARM_UP = "luxtrust_facultative_et_termine"
# Run last, unmeasured: the last test's teardown also stops the session's world and browser, which
# the measured scenario must not carry.
COOL_DOWN = "atteint_la_page_dauthentificationactivation"
PROCESS_TIMEOUT_S = 600


def pytest_command(channel: str, reports: Path) -> list[str]:
    """The pytest command: the warm-up scenario, one example of the measured one, the cool-down."""
    selection = f"{WARM_UP} or {COOL_DOWN} or ({TEST_NAME} and {channel})"
    return [
        sys.executable, "-m", "pytest", "tests/acceptance", "-q", "-p", "no:cacheprovider",
        "-k", selection, "-p", "benchmarks.warm_first",
        # The raw script takes no screenshot after each step; their cost is the report's, measured
        # apart (README), not the cost of finding things by the guide's words.
        "--no-step-screenshots",
        "--reports-dir", str(reports), f"--junitxml={reports / 'junit.xml'}",
    ]


def one_run(channel: str) -> dict[str, float]:
    """One pytest process; the measured scenario's JUnit time and step sum, and the process's wall time."""
    with tempfile.TemporaryDirectory(prefix="esante-bench-") as scratch:
        reports = Path(scratch)
        started = time.perf_counter()
        done = subprocess.run(pytest_command(channel, reports), cwd=REPO_ROOT, capture_output=True,
                              text=True, timeout=PROCESS_TIMEOUT_S, check=False)
        process_s = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"the harness's run of « {SCENARIO} » failed:\n{done.stdout[-3000:]}")
        cases = read_cases(reports / "junit.xml")
        # The JUnit name of an outline's example: its French title and the example's values.
        wanted = f"{SCENARIO} [{channel}]"
        measured = [case for case in cases if case.name == wanted]
        if len(cases) != 3 or len(measured) != 1:
            raise RuntimeError(f"expected the warm-up, {wanted} and the cool-down, pytest ran "
                               f"{[c.name for c in cases]}")
        return {
            "scenario_s": measured[0].time_s,
            "steps_s": step_seconds(reports / "cucumber.json", SCENARIO),
            "process_s": process_s,
        }


def run(repetitions: int = 5, channel: str = "Mobile") -> dict[str, Any]:
    """`repetitions` pytest processes; the medians of the measured scenario's times."""
    return summarise([one_run(channel) for _ in range(repetitions)], channel)


def summarise(runs: list[dict[str, float]], channel: str) -> dict[str, Any]:
    """The processes' figures and their medians."""
    return {
        "scenario": f"{SCENARIO} [{channel}]",
        "channel": channel,
        "repetitions": len(runs),
        "runs": runs,
        "median_scenario_s": median([r["scenario_s"] for r in runs]),
        "median_steps_s": median([r["steps_s"] for r in runs]),
        "median_process_s": median([r["process_s"] for r in runs]),
    }
