"""Pytest plugin for the harness side of the walk: warm-up first, the measured scenario, cool-down last.

Loaded with `-p benchmarks.warm_first` by benchmarks.harness_walk only. Otherwise the measured
scenario could run first, and its time include starting the world and the browser, or last, and
include stopping them.
"""

import pytest

from benchmarks.harness_walk import COOL_DOWN, WARM_UP


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the warm-up scenario to the front and the cool-down to the end, keeping the others' order."""
    items.sort(key=lambda item: 0 if WARM_UP in item.name else 2 if COOL_DOWN in item.name else 1)
