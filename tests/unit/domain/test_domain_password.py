"""Tests of the password policy: each broken rule has its own message, in a stable order."""

from __future__ import annotations

import pytest

from reference_server.domain import password
from reference_server.domain.password import (
    MISMATCH,
    MISSING,
    NO_DIGIT,
    NO_LETTER,
    TOO_LONG,
    TOO_SHORT,
    problems,
)


def same(chosen: str) -> list[str]:
    """The problems of a password confirmed correctly."""
    return problems(chosen, chosen)


@pytest.mark.parametrize(
    "chosen", ["Motdepasse2024", "kbcdefg1", "8234567a", "a" * 127 + "1", "Été 2024 !", "ÄÖÜßäöü9"]
)
def test_a_password_following_every_rule_has_no_problem(chosen: str):
    assert same(chosen) == []


def test_each_rule_has_its_own_message():
    messages = [TOO_SHORT, TOO_LONG, NO_LETTER, NO_DIGIT, MISMATCH, MISSING]

    assert len(set(messages)) == len(messages)
    assert all(message.endswith(".") for message in messages)


def test_seven_characters_are_too_short():
    assert same("abcdef1") == [TOO_SHORT]


def test_eight_characters_are_enough():
    assert same("kbcdefg1") == []


def test_a_password_without_a_digit_is_refused():
    assert same("abcdefghij") == [NO_DIGIT]


def test_a_password_without_a_letter_is_refused():
    assert same("1234567890") == [NO_LETTER]


def test_punctuation_is_neither_a_letter_nor_a_digit():
    assert same("!!!!!!!!") == [NO_LETTER, NO_DIGIT]
    assert same("        ") == [NO_LETTER, NO_DIGIT]


def test_several_broken_rules_are_all_reported_in_order():
    assert same("abc") == [TOO_SHORT, NO_DIGIT]
    assert same("12") == [TOO_SHORT, NO_LETTER]
    assert same("!") == [TOO_SHORT, NO_LETTER, NO_DIGIT]


def test_a_mismatched_confirmation_is_reported():
    assert problems("Motdepasse2024", "Motdepasse2025") == [MISMATCH]


def test_the_confirmation_is_compared_exactly():
    assert problems("Motdepasse2024", "motdepasse2024") == [MISMATCH]
    assert problems("Motdepasse2024", "Motdepasse2024 ") == [MISMATCH]


def test_a_mismatch_comes_after_the_other_problems():
    assert problems("abc", "abd") == [TOO_SHORT, NO_DIGIT, MISMATCH]


@pytest.mark.parametrize("confirmation", ["", "Motdepasse2024"])
def test_an_empty_password_is_asked_for_and_nothing_else(confirmation: str):
    assert problems("", confirmation) == [MISSING]


def test_the_maximum_length_is_allowed():
    assert same("a1" * (password.MAX_LENGTH // 2)) == []


def test_one_character_over_the_maximum_is_too_long():
    chosen = "a1" * (password.MAX_LENGTH // 2) + "x"
    assert len(chosen) == password.MAX_LENGTH + 1

    assert same(chosen) == [TOO_LONG]


def test_the_limits_match_the_policy_text():
    assert password.MIN_LENGTH == 8
    assert password.MAX_LENGTH == 128
    assert "8 caractères" in password.POLICY_TEXT
    assert "128" in TOO_LONG
