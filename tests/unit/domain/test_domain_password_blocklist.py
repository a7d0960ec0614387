"""Common passwords are refused on top of the guide's composition rule (NIST SP 800-63B §5.1.1.2)."""

from __future__ import annotations

import pytest

from reference_server.domain.password import MISMATCH, TOO_COMMON, is_common, problems


@pytest.mark.parametrize("chosen", ["password1", "azerty123", "qwerty123", "Password1", "AZERTY123",
                                    "abcdefg1", "Azerty12"])
def test_a_common_password_is_refused_with_its_own_message(chosen: str):
    assert is_common(chosen)
    assert problems(chosen, chosen) == [TOO_COMMON]


@pytest.mark.parametrize("chosen", ["esante2024", "eSanté123", "Luxembourg1", "luxtrust2026!"])
def test_the_service_s_own_name_with_digits_is_refused(chosen: str):
    assert problems(chosen, chosen) == [TOO_COMMON]


@pytest.mark.parametrize("chosen", ["Motdepasse2024", "Sante2026ok", "Kw7rTz2mPq9x", "Été 2024 !"])
def test_an_uncommon_password_passes(chosen: str):
    assert problems(chosen, chosen) == []


def test_the_composition_rule_comes_first_and_the_message_is_french():
    # « password » breaks the guide's rule: that is what the person is told, not the list.
    assert TOO_COMMON not in problems("password", "password")
    assert "trop courant" in TOO_COMMON and TOO_COMMON.endswith(".")


def test_a_mismatch_is_still_reported_beside_the_blocklist():
    assert problems("azerty123", "azerty124") == [TOO_COMMON, MISMATCH]
