"""How many pytest-xdist workers `-n auto` starts: one more than xdist counts cores."""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

# xdist's own override: a number given there is the number of workers, as it is.
OVERRIDE_ENV = "PYTEST_XDIST_AUTO_NUM_WORKERS"


@pytest.hookimpl(wrapper=True, optionalhook=True)
def pytest_xdist_auto_num_workers(config: pytest.Config) -> Generator[None, int, int]:
    """Start one worker more than xdist counts cores, unless PYTEST_XDIST_AUTO_NUM_WORKERS is set."""
    # A scenario's worker waits in turn on its browser, Playwright's driver and its world, so one
    # worker per core left two cores 82 % busy; a spare worker fills those waits (see README).
    cores = yield
    return cores if os.environ.get(OVERRIDE_ENV) else cores + 1
