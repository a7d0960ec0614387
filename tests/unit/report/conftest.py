"""Fixtures running the report plugin in inner pytest sessions on small French features."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from report_sessions import ACCOUNT_FEATURE, ACCOUNT_STEPS, REPO_ROOT, InnerRun


@pytest.fixture
def run_inner(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> Callable[..., InnerRun]:
    """Return a function running pytest with the report plugin in a separate process."""
    # A separate process: pytest-playwright's global state does not nest in one process, and
    # xdist workers inherit the import path of the process that starts them.
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))

    def run(*args: str, reports_dir: str = "out/reports") -> InnerRun:
        result = pytester.runpytest_subprocess(
            "-p", "harness.report.plugin", "--reports-dir", reports_dir, *args
        )
        return InnerRun(result, pytester.path / reports_dir)

    return run


@pytest.fixture
def account_scenarios(pytester: pytest.Pytester) -> None:
    """Write a feature with passing, failing, skipped and broken scenarios, and unit tests."""
    pytester.makefile(".feature", comptes=ACCOUNT_FEATURE)
    pytester.makepyfile(test_comptes=ACCOUNT_STEPS)
