"""`-n auto` starts one xdist worker more than there are cores, unless xdist's variable says how many."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from harness_process import run_pytester
from xdist.plugin import pytest_xdist_auto_num_workers as xdist_core_count

from harness.workers import OVERRIDE_ENV

pytest_plugins = ["pytester"]


def started_workers(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> int:
    """Run a one-test session with `-n auto` and the workers plugin, and count the workers it started."""
    pytester.makeconftest('pytest_plugins = ["harness.workers"]\n')
    pytester.makepyfile(test_one="def test_one():\n    pass\n")
    result = run_pytester(pytester, monkeypatch, "-n", "auto")
    result.assert_outcomes(passed=1)
    created = re.search(r"created: (\d+)/\1 workers?", result.stdout.str())
    assert created, result.stdout.str()
    return int(created.group(1))


def test_auto_starts_one_worker_more_than_the_cores(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With no override, the workers are xdist's count of cores plus one."""
    monkeypatch.delenv(OVERRIDE_ENV, raising=False)
    cores = xdist_core_count(SimpleNamespace(option=SimpleNamespace(numprocesses="auto")))
    assert started_workers(pytester, monkeypatch) == cores + 1


def test_xdist_variable_still_sets_the_workers(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PYTEST_XDIST_AUTO_NUM_WORKERS is taken as it is, with no worker added."""
    monkeypatch.setenv(OVERRIDE_ENV, "1")
    assert started_workers(pytester, monkeypatch) == 1
