"""Tests of activation codes and one-time codes: their shape, cleaning, expiry and attempt limit."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reference_server.domain import codes
from reference_server.domain.codes import MAX_ATTEMPTS, CodeState

ACTIVATION_CODE = re.compile(r"^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$")
EXPIRES = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
TICK = dt.timedelta(microseconds=1)


def test_one_time_codes_are_six_digits():
    samples = [codes.new_one_time_code() for _ in range(3000)]

    assert all(re.fullmatch(r"\d{6}", code) for code in samples)
    # Three thousand draws from a million: nearly all distinct, or the generator is broken.
    assert len(set(samples)) > 2950


def test_one_time_codes_keep_their_leading_zeros(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(codes.secrets, "randbelow", lambda bound: 42)

    assert codes.new_one_time_code() == "000042"


@pytest.mark.parametrize(("drawn", "expected"), [(0, "000000"), (999_999, "999999")])
def test_one_time_codes_span_the_whole_range(
    monkeypatch: pytest.MonkeyPatch, drawn: int, expected: str
):
    bounds: list[int] = []

    def draw(bound: int) -> int:
        bounds.append(bound)
        return drawn

    monkeypatch.setattr(codes.secrets, "randbelow", draw)

    assert codes.new_one_time_code() == expected
    assert bounds == [10**6]


def test_leading_zeros_occur_in_real_draws():
    # A tenth of all codes start with 0; with 3000 draws missing them all is out of the question.
    assert any(codes.new_one_time_code().startswith("0") for _ in range(3000))


def test_activation_codes_are_two_groups_of_five_readable_characters():
    samples = [codes.new_activation_code() for _ in range(1000)]

    assert all(ACTIVATION_CODE.fullmatch(code) for code in samples), samples
    assert len(set(samples)) == len(samples)


def test_activation_codes_avoid_look_alike_characters():
    seen = set("".join(codes.new_activation_code() for _ in range(1000)))

    assert not seen & set("01OIL")


@pytest.mark.parametrize(
    "typed",
    ["ABCDE-23456", "abcde-23456", "ABCDE23456", "abcde23456", " abcde 23456 ", "AbCdE - 2345 6",
     "ab-cde-234-56", "ABCDE_23456"],
)
def test_clean_activation_code_ignores_case_spaces_and_dashes(typed: str):
    assert codes.clean_activation_code(typed) == "ABCDE-23456"


@pytest.mark.parametrize(("typed", "cleaned"), [("abc", "ABC"), ("ABCDE-2345", "ABCDE2345"),
                                                ("ABCDE-234567", "ABCDE234567"), ("", "")])
def test_clean_activation_code_leaves_other_lengths_without_a_dash(typed: str, cleaned: str):
    assert codes.clean_activation_code(typed) == cleaned


def test_a_generated_code_survives_cleaning():
    for _ in range(100):
        code = codes.new_activation_code()
        assert codes.clean_activation_code(code.lower().replace("-", " ")) == code


@pytest.mark.parametrize(("typed", "cleaned"), [("123456", "123456"), ("123 456", "123456"),
                                                ("12-34-56", "123456"), (" 012345\n", "012345"),
                                                ("", "")])
def test_clean_one_time_code_keeps_the_digits(typed: str, cleaned: str):
    assert codes.clean_one_time_code(typed) == cleaned


@pytest.mark.parametrize("typed", ["abc", "../../etc/passwd474677", "４７４６７７", "474677x"])
def test_clean_one_time_code_keeps_junk_as_typed_so_that_it_is_refused(typed: str):
    # A code is never extracted from what surrounds it: the junk stays and cannot match.
    assert codes.clean_one_time_code(typed) == typed.strip()


# CodeState -------------------------------------------------------------------------------------


def state(*, used: bool = False, failed: int = 0) -> CodeState:
    """A code expiring at EXPIRES."""
    return CodeState(expires_at=EXPIRES, used=used, failed_attempts=failed)


def test_a_fresh_code_may_be_tried():
    fresh = state()

    assert fresh.usable(EXPIRES - dt.timedelta(minutes=10))
    assert fresh.refusal(EXPIRES - dt.timedelta(minutes=10)) is None


def test_a_code_may_be_tried_until_just_before_it_expires():
    assert state().usable(EXPIRES - TICK)
    assert state().refusal(EXPIRES - TICK) is None


def test_a_code_has_expired_at_its_expiry_instant():
    assert not state().usable(EXPIRES)
    assert state().refusal(EXPIRES) == "expired"


def test_a_code_stays_expired_afterwards():
    assert state().refusal(EXPIRES + dt.timedelta(days=1)) == "expired"


def test_the_last_attempt_may_still_be_made():
    assert state(failed=MAX_ATTEMPTS - 1).usable(EXPIRES - TICK)


def test_a_code_missed_five_times_is_exhausted():
    assert MAX_ATTEMPTS == 5
    exhausted = state(failed=MAX_ATTEMPTS)

    assert not exhausted.usable(EXPIRES - TICK)
    assert exhausted.refusal(EXPIRES - TICK) == "exhausted"
    assert state(failed=MAX_ATTEMPTS + 3).refusal(EXPIRES - TICK) == "exhausted"


def test_a_used_code_is_refused_as_used_before_anything_else():
    assert state(used=True).refusal(EXPIRES - TICK) == "used"
    assert state(used=True, failed=MAX_ATTEMPTS).refusal(EXPIRES + TICK) == "used"
    assert not state(used=True).usable(EXPIRES - TICK)


def test_expiry_is_reported_before_exhaustion():
    assert state(failed=MAX_ATTEMPTS).refusal(EXPIRES) == "expired"


@pytest.mark.parametrize("used", [False, True])
@pytest.mark.parametrize("failed", [0, 4, 5, 6])
@pytest.mark.parametrize("offset", [-60, -1, 0, 1])
def test_usable_means_no_refusal(used: bool, failed: int, offset: int):
    now = EXPIRES + dt.timedelta(microseconds=offset)
    code = state(used=used, failed=failed)

    assert code.usable(now) == (code.refusal(now) is None)
