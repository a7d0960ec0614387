"""The Luxembourg national identification number (matricule), in its 13- and 11-digit forms."""

import datetime as dt
import re
from dataclasses import dataclass

from stdnum import luhn, verhoeff

_ELEVEN_DIGIT_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


@dataclass(frozen=True)
class MatriculeCheck:
    """The outcome of checking a matricule: the cleaned number, or a French error message."""

    number: str
    error: str | None = None

    @property
    def valid(self) -> bool:
        """Whether the matricule passed every check."""
        return self.error is None


def clean(raw: str) -> str:
    """Drop the spaces, dots and dashes people type between digit groups."""
    return re.sub(r"[\s.\-]", "", raw or "")


def _date_is_real(yyyymmdd: str) -> bool:
    """Whether the birth date part is a real date; month or day may be 00 when unknown."""
    year, month, day = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:8])
    if month == 0:
        return day == 0 or day <= 31
    if day == 0:
        return 1 <= month <= 12
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _eleven_digit_check(first_ten: str) -> str | None:
    """The mod-11 check digit of the older form, or None when no digit fits (remainder 1)."""
    total = sum(int(d) * w for d, w in zip(first_ten, _ELEVEN_DIGIT_WEIGHTS, strict=True))
    remainder = total % 11
    if remainder == 0:
        return "0"
    if remainder == 1:
        return None
    return str(11 - remainder)


def check(raw: str, *, allow_eleven_digits: bool = False) -> MatriculeCheck:
    """Check a matricule's length, birth date and check digits."""
    number = clean(raw)
    lengths = "11 ou 13 chiffres" if allow_eleven_digits else "13 chiffres"
    if not number:
        return MatriculeCheck(number, "Veuillez renseigner votre matricule.")
    accepted = {13, 11} if allow_eleven_digits else {13}
    # Only ASCII digits: str.isdigit() also accepts « １ » or « ² », which int() then refuses.
    if not re.fullmatch(r"[0-9]+", number) or len(number) not in accepted:
        return MatriculeCheck(number, f"Le matricule doit comporter {lengths}.")
    if not _date_is_real(number[:8]):
        return MatriculeCheck(number, "Le matricule ne correspond pas à une date de naissance.")
    if not _check_digits_hold(number):
        return MatriculeCheck(number, "Le matricule n'est pas valide : vérifiez les chiffres saisis.")
    return MatriculeCheck(number)


def _check_digits_hold(number: str) -> bool:
    """Whether the check digits of either form match the rest of the number."""
    if len(number) == 13:
        base = number[:11]
        return (
            luhn.calc_check_digit(base) == number[11]
            and verhoeff.calc_check_digit(base) == number[12]
        )
    return _eleven_digit_check(number[:10]) == number[10]


def make(birth_date: dt.date, sequence: int) -> str:
    """Build the 13-digit matricule of a person born on a date with a sequence number."""
    if not 0 <= sequence <= 999:
        raise ValueError("sequence must have three digits")
    base = f"{birth_date:%Y%m%d}{sequence:03d}"
    return base + luhn.calc_check_digit(base) + verhoeff.calc_check_digit(base)


def make_eleven_digit(birth_date: dt.date, sequence: int) -> str | None:
    """Build the older 11-digit form, or None when that sequence has no valid check digit."""
    if not 0 <= sequence <= 99:
        raise ValueError("sequence must have two digits")
    base = f"{birth_date:%Y%m%d}{sequence:02d}"
    digit = _eleven_digit_check(base)
    return None if digit is None else base + digit


def birth_date(number: str) -> dt.date | None:
    """The birth date a matricule carries, or None when month or day is unknown."""
    try:
        return dt.date(int(number[:4]), int(number[4:6]), int(number[6:8]))
    except ValueError:
        return None
