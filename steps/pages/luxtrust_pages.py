"""Which module drives LuxTrust's pages: the simulated LuxTrust's by default, a real one's by profile.

A target profile's ``[luxtrust] pages = "package.module"`` names a module with a ``LuxTrustLogin``
class offering the same methods as ``steps.pages.luxtrust.LuxTrustLogin``; every journey and
step then drives LuxTrust through it, and the feature files stay as they are.
"""

from __future__ import annotations

import importlib

from playwright.sync_api import Page

from steps.pages.luxtrust import LuxTrustLogin

SIMULATED = "simulated"
_chosen: list[type[LuxTrustLogin]] = [LuxTrustLogin]


def use_pages(module: str) -> None:
    """Drive LuxTrust through the named module's LuxTrustLogin, or the simulated pages."""
    if module == SIMULATED:
        _chosen[0] = LuxTrustLogin
        return
    chosen = getattr(importlib.import_module(module), "LuxTrustLogin", None)
    if chosen is None:
        raise ImportError(f"the LuxTrust pages module {module} has no LuxTrustLogin class")
    _chosen[0] = chosen


def chosen_pages() -> type[LuxTrustLogin]:
    """The class that drives LuxTrust's pages in this run."""
    return _chosen[0]


def luxtrust_login(page: Page) -> LuxTrustLogin:
    """LuxTrust's login pages, as the chosen module drives them."""
    return chosen_pages()(page)
