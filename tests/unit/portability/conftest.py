"""Pages of other portals rendered in a browser, with short waits and a fresh findings log."""

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from harness.verdicts import LOG

SHORT_WAIT_MS = 2000
SCENARIO_WAIT_MS = 5000


@pytest.fixture
def browser_context_args() -> dict[str, object]:
    """The scenarios' context options, without a base URL (nothing here needs the reference world)."""
    return {"locale": "fr-LU", "accept_downloads": True}


@pytest.fixture
def page(page: Page) -> Iterator[Page]:
    """A page whose waits are short, so that a missing element fails in two seconds."""
    page.set_default_timeout(SHORT_WAIT_MS)
    expect.set_options(timeout=SHORT_WAIT_MS)
    yield page
    expect.set_options(timeout=SCENARIO_WAIT_MS)


@pytest.fixture(autouse=True)
def fresh_log() -> None:
    """No finding carries over from another test."""
    LOG.start(strict=False)
