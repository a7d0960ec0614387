"""Fixtures running the report plugin in inner pytest sessions on small French features."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

import pytest
from report_sessions import ACCOUNT_FILES, REPO_ROOT, InnerRun, shared_session


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


@pytest.fixture(scope="session")
def shared_run(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., InnerRun]:
    """Return a function running the inner session of some files and arguments once for the outer run.

    It takes the files as a mapping of relative path to content, then run_inner's arguments. Only for
    tests that read the outcome: they change no file of it, and set no environment variable for it.
    """
    # Under xdist a module-scoped run would be made again by every worker given one of the module's
    # tests; the workers' temporary folders are in the outer run's one, where they share the sessions.
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    root = root / "shared-runs"
    root.mkdir(exist_ok=True)
    return functools.partial(shared_session, root)


@pytest.fixture
def account_scenarios(pytester: pytest.Pytester) -> None:
    """Write a feature with passing, failing, skipped and broken scenarios, and unit tests."""
    # The same files as the shared runs of them.
    for name, text in ACCOUNT_FILES.items():
        (pytester.path / name).write_text(text, encoding="utf-8")
