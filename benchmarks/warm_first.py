"""Pytest plugin for the harness side of the walk: the warm-up scenario runs before the measured one.

Loaded with `-p benchmarks.warm_first` by benchmarks.harness_walk only. Otherwise the measured
scenario could run first and its time would include starting the world and the browser.
"""

import pytest

from benchmarks.harness_walk import WARM_UP


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Move the warm-up scenario to the front, keeping the others' order."""
    items.sort(key=lambda item: WARM_UP not in item.name)
