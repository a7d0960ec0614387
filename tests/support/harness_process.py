"""The harness run as its users run it: a process of its own, started from the repository root."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
TIMEOUT_S = 600
# For a run whose failure is expected: a page missing what a step waits for fails in two seconds
# instead of five. Two seconds is still ten times what a step of a passing scenario takes here.
EXPECTED_FAILURE_WAIT = ("--action-timeout", "2000")


def run_module(module: str, *arguments: str) -> subprocess.CompletedProcess[str]:
    """``python -m module arguments`` from the repository root, its output captured."""
    # A process of its own: pytest-playwright's state does not nest in the test's process.
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run([sys.executable, "-m", module, *arguments], cwd=REPO_ROOT, env=environment,
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)


def run_pytester(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, *options: str
) -> pytest.RunResult:
    """The pytester's files run by pytest in a process of its own, the repository importable."""
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    # A process of its own: pytest-playwright's state does not nest in the test's process. The
    # project's addopts are left out: the files name the plugins they need.
    return pytester.runpytest_subprocess("-p", "no:cacheprovider", "-o", "addopts=", *options)


def run_scenarios(
    reports: Path, *options: str, step_screenshots: bool = False, traces: bool = False
) -> subprocess.CompletedProcess[str]:
    """The acceptance scenarios with the given target and selection, their reports in a folder."""
    # A screenshot after every step costs a fifth of a scenario, and tracing every scenario for
    # the failures' traces a seventh of its CPU; only the tests that look at that evidence ask
    # for it (the report tests prove both on every run's default).
    evidence = ([] if step_screenshots else ["--no-step-screenshots"]) + ([] if traces else ["--no-traces"])
    return run_module("pytest", "tests/acceptance", "-p", "no:cacheprovider", "-q", *evidence,
                      "--reports-dir", str(reports), f"--junitxml={reports}/junit.xml", *options)


def summary(reports: Path) -> dict[str, Any]:
    """The summary.json a run wrote."""
    return json.loads((reports / "summary.json").read_text(encoding="utf-8"))
