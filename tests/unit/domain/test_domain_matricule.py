"""Tests of the matricule rules: length, birth date, Luhn and Verhoeff digits, the 11-digit form."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from stdnum import luhn, verhoeff

from reference_server.domain import matricule
from reference_server.domain.matricule import MatriculeCheck

GUIDE_EXAMPLE = "1918090138700"
LENGTH_13 = "Le matricule doit comporter 13 chiffres."
LENGTH_11_OR_13 = "Le matricule doit comporter 11 ou 13 chiffres."
NOT_A_DATE = "Le matricule ne correspond pas à une date de naissance."
BAD_DIGITS = "Le matricule n'est pas valide : vérifiez les chiffres saisis."
MISSING = "Veuillez renseigner votre matricule."
ELEVEN_DIGIT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def with_check_digits(first_eleven: str) -> str:
    """Append the Luhn and Verhoeff digits to eleven digits, whatever date they hold."""
    return first_eleven + luhn.calc_check_digit(first_eleven) + verhoeff.calc_check_digit(
        first_eleven
    )


def mod_11_digit(first_ten: str) -> str | None:
    """The older form's check digit, computed here from the guide's description of it."""
    remainder = sum(int(d) * w for d, w in zip(first_ten, ELEVEN_DIGIT_WEIGHTS, strict=True)) % 11
    return None if remainder == 1 else str((11 - remainder) % 11)


def replace_digit(number: str, index: int, digit: str) -> str:
    """The number with one digit changed."""
    return number[:index] + digit + number[index + 1 :]


def test_the_guide_example_is_valid():
    assert matricule.check(GUIDE_EXAMPLE) == MatriculeCheck(GUIDE_EXAMPLE)
    assert matricule.check(GUIDE_EXAMPLE).valid


def test_the_guide_example_holds_both_check_digits_over_the_first_eleven():
    assert luhn.calc_check_digit(GUIDE_EXAMPLE[:11]) == GUIDE_EXAMPLE[11]
    assert verhoeff.calc_check_digit(GUIDE_EXAMPLE[:11]) == GUIDE_EXAMPLE[12]


@pytest.mark.parametrize("digit", [d for d in "0123456789" if d != GUIDE_EXAMPLE[11]])
def test_a_wrong_luhn_digit_is_refused(digit: str):
    result = matricule.check(replace_digit(GUIDE_EXAMPLE, 11, digit))

    assert not result.valid
    assert result.error == BAD_DIGITS


@pytest.mark.parametrize("digit", [d for d in "0123456789" if d != GUIDE_EXAMPLE[12]])
def test_a_wrong_verhoeff_digit_is_refused(digit: str):
    result = matricule.check(replace_digit(GUIDE_EXAMPLE, 12, digit))

    assert result.error == BAD_DIGITS


@pytest.mark.parametrize("index", [8, 9, 10])
def test_a_mistyped_sequence_digit_is_caught(index: int):
    for digit in "0123456789":
        if digit != GUIDE_EXAMPLE[index]:
            assert not matricule.check(replace_digit(GUIDE_EXAMPLE, index, digit)).valid


def test_swapped_neighbouring_digits_are_caught():
    swapped = GUIDE_EXAMPLE[:8] + GUIDE_EXAMPLE[9] + GUIDE_EXAMPLE[8] + GUIDE_EXAMPLE[10:]
    assert swapped != GUIDE_EXAMPLE

    assert not matricule.check(swapped).valid


@pytest.mark.parametrize(
    "raw", [GUIDE_EXAMPLE[:12], GUIDE_EXAMPLE + "0", GUIDE_EXAMPLE[:11], "1", "1" * 20]
)
def test_other_lengths_are_refused(raw: str):
    assert matricule.check(raw).error == LENGTH_13


@pytest.mark.parametrize("raw", ["191809013870A", "A918090138700", "1918O90138700", "19180901387OO"])
def test_letters_are_refused(raw: str):
    assert matricule.check(raw).error == LENGTH_13


@pytest.mark.parametrize("raw", ["", "   ", " . - "])
def test_an_empty_matricule_is_asked_for(raw: str):
    assert matricule.check(raw).error == MISSING


@pytest.mark.parametrize(
    "birth",
    [
        "19900230",  # 30 February
        "19900231",
        "19900229",  # 1990 is not a leap year
        "19000229",  # nor is 1900
        "19901301",  # month 13
        "19909901",
        "19900132",  # day 32
        "19900431",  # April has 30 days
        "19901300",  # month 13 with an unknown day
        "19900032",  # day 32 with an unknown month
        "00000101",  # year 0 does not exist
    ],
)
def test_impossible_birth_dates_are_refused(birth: str):
    # Valid check digits, so that only the date can be the reason.
    number = with_check_digits(birth + "123")

    assert matricule.check(number).error == NOT_A_DATE


def test_29_february_of_a_leap_year_is_a_date():
    assert matricule.check(with_check_digits("20000229" + "001")).valid
    assert matricule.check(with_check_digits("19960229" + "001")).valid


@pytest.mark.parametrize(
    "birth",
    [
        "19850000",  # month and day unknown
        "19850015",  # month unknown
        "19850031",
        "19851200",  # day unknown
        "19850100",
    ],
)
def test_an_unknown_month_or_day_may_be_00(birth: str):
    number = with_check_digits(birth + "042")

    assert matricule.check(number).valid


@pytest.mark.parametrize("birth", ["19850000", "19850015", "19851200"])
def test_a_matricule_with_00_carries_no_birth_date(birth: str):
    assert matricule.birth_date(with_check_digits(birth + "042")) is None


def test_a_00_matricule_still_needs_right_check_digits():
    number = with_check_digits("19850000" + "042")
    wrong = replace_digit(number, 12, str((int(number[12]) + 1) % 10))

    assert matricule.check(wrong).error == BAD_DIGITS


@pytest.mark.parametrize(
    "raw",
    [
        "1918 0901 387 00",
        "1918.09.01.387.00",
        "1918-09-01-387-00",
        " 1918090138700 ",
        "\t1918 09 01\n38700",
    ],
)
def test_spaces_dots_and_dashes_between_groups_are_accepted(raw: str):
    result = matricule.check(raw)

    assert result.valid
    assert result.number == GUIDE_EXAMPLE


def test_clean_drops_separators_only():
    assert matricule.clean("1918 09.01-387 00") == GUIDE_EXAMPLE
    assert matricule.clean("19A8/09") == "19A8/09"
    assert matricule.clean("") == ""


def test_the_cleaned_number_is_returned_with_an_error_too():
    assert matricule.check("1918 0901 387 01").number == "1918090138701"


# The older 11-digit form ------------------------------------------------------------------------


def test_a_valid_eleven_digit_matricule_is_accepted_when_allowed():
    number = matricule.make_eleven_digit(dt.date(1975, 6, 14), 23)
    assert number is not None and len(number) == 11

    assert matricule.check(number, allow_eleven_digits=True) == MatriculeCheck(number)


def test_eleven_digits_are_refused_when_not_allowed():
    number = matricule.make_eleven_digit(dt.date(1975, 6, 14), 23)
    assert number is not None

    assert matricule.check(number).error == LENGTH_13


def test_a_wrong_mod_11_digit_is_refused():
    number = matricule.make_eleven_digit(dt.date(1975, 6, 14), 23)
    assert number is not None
    for digit in "0123456789":
        if digit != number[10]:
            result = matricule.check(number[:10] + digit, allow_eleven_digits=True)
            assert result.error == BAD_DIGITS


def test_the_length_message_names_both_forms_when_both_are_allowed():
    assert matricule.check("123456789012", allow_eleven_digits=True).error == LENGTH_11_OR_13


def test_thirteen_digits_stay_valid_when_eleven_are_allowed():
    assert matricule.check(GUIDE_EXAMPLE, allow_eleven_digits=True).valid


def test_the_mod_11_digit_follows_the_published_weights():
    rng = random.Random(1102)
    for _ in range(300):
        birth = dt.date(1900, 1, 1) + dt.timedelta(days=rng.randrange(45000))
        sequence = rng.randrange(100)
        base = f"{birth:%Y%m%d}{sequence:02d}"
        expected = mod_11_digit(base)

        made = matricule.make_eleven_digit(birth, sequence)

        assert made == (None if expected is None else base + expected)


def test_a_sequence_without_a_possible_check_digit_gives_none():
    birth = dt.date(1975, 6, 14)
    impossible = [s for s in range(100) if mod_11_digit(f"{birth:%Y%m%d}{s:02d}") is None]
    assert impossible, "some sequence of that day should leave remainder 1"

    assert all(matricule.make_eleven_digit(birth, s) is None for s in impossible)


def test_an_eleven_digit_number_with_remainder_1_is_refused_whatever_its_last_digit():
    birth = dt.date(1975, 6, 14)
    sequence = next(s for s in range(100) if mod_11_digit(f"{birth:%Y%m%d}{s:02d}") is None)
    base = f"{birth:%Y%m%d}{sequence:02d}"

    for digit in "0123456789":
        assert not matricule.check(base + digit, allow_eleven_digits=True).valid


# make and birth_date ------------------------------------------------------------------------------


def test_make_round_trips_through_check_for_many_dates():
    # No property-based testing library in the environment: a seeded sample stands in for one.
    rng = random.Random(20131128)
    start = dt.date(1900, 1, 1)
    for _ in range(2000):
        birth = start + dt.timedelta(days=rng.randrange(365 * 130))
        sequence = rng.randrange(1000)

        number = matricule.make(birth, sequence)

        assert len(number) == 13 and number.isdigit()
        assert number[:8] == f"{birth:%Y%m%d}"
        assert number[8:11] == f"{sequence:03d}"
        assert matricule.check(number).valid, number
        assert matricule.birth_date(number) == birth


@pytest.mark.parametrize("sequence", [0, 1, 999])
def test_make_accepts_every_three_digit_sequence(sequence: int):
    assert matricule.check(matricule.make(dt.date(2000, 2, 29), sequence)).valid


@pytest.mark.parametrize("sequence", [-1, 1000])
def test_make_refuses_a_sequence_out_of_range(sequence: int):
    with pytest.raises(ValueError, match="three digits"):
        matricule.make(dt.date(1990, 1, 1), sequence)


@pytest.mark.parametrize("sequence", [-1, 100])
def test_make_eleven_digit_refuses_a_sequence_out_of_range(sequence: int):
    with pytest.raises(ValueError, match="two digits"):
        matricule.make_eleven_digit(dt.date(1990, 1, 1), sequence)


def test_birth_date_of_the_guide_example():
    assert matricule.birth_date(GUIDE_EXAMPLE) == dt.date(1918, 9, 1)


def test_birth_date_of_an_eleven_digit_matricule():
    number = matricule.make_eleven_digit(dt.date(1975, 6, 14), 23)
    assert number is not None

    assert matricule.birth_date(number) == dt.date(1975, 6, 14)


@pytest.mark.parametrize(
    "raw",
    [
        "１９１８０９０１３８７００",  # full-width digits, as some input methods type them
        "١٩١٨٠٩٠١٣٨٧٠٠",  # Arabic-Indic digits
        "²" * 13,  # superscripts are digits to str.isdigit but not to int()
    ],
)
def test_non_ascii_digits_get_an_error_message_instead_of_an_exception(raw: str):
    result = matricule.check(raw)

    # Refusing such digits or reading them as ASCII would both do; raising would not.
    assert result.valid == (result.number == GUIDE_EXAMPLE)
