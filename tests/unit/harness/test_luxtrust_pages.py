"""The module driving LuxTrust's pages is the simulated LuxTrust's unless a profile names another."""

import sys
import types

import pytest

from steps.pages.luxtrust import LuxTrustLogin
from steps.pages.luxtrust_pages import chosen_pages, use_pages


class RealLuxTrustLogin(LuxTrustLogin):
    """What a team testing a real LuxTrust environment would write."""


@pytest.fixture
def real_pages(monkeypatch: pytest.MonkeyPatch) -> str:
    module = types.ModuleType("qa_team.real_luxtrust")
    module.LuxTrustLogin = RealLuxTrustLogin  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "qa_team.real_luxtrust", module)
    yield "qa_team.real_luxtrust"
    use_pages("simulated")


def test_a_profile_names_the_module_that_drives_luxtrust(real_pages: str):
    use_pages(real_pages)

    assert chosen_pages() is RealLuxTrustLogin


def test_the_simulated_pages_by_default():
    assert chosen_pages() is LuxTrustLogin


def test_a_module_without_the_class_is_refused(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "qa_team.empty", types.ModuleType("qa_team.empty"))

    with pytest.raises(ImportError, match="has no LuxTrustLogin class"):
        use_pages("qa_team.empty")
