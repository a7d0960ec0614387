"""The guide's rules: matricule, password, one-time code, mobile number and e-mail address."""

from __future__ import annotations

import datetime as dt
import re
import secrets

import phonenumbers
from stdnum import luhn, verhoeff

MATRICULE_LENGTH = 13
PASSWORD_MIN_LENGTH = 8
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def only_digits(text: str) -> str:
    """Return the text without spaces, dots and dashes, as people type numbers."""
    return re.sub(r"[\s.\-/]", "", text)


def birth_date_is_plausible(digits: str) -> bool:
    """Whether the first eight digits are a date YYYYMMDD; month or day may be 00 when unknown."""
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if year < 1850 or month > 12:
        return False
    if month == 0 or day == 0:
        return day <= 31
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def matricule_is_valid(text: str) -> bool:
    """Whether the text is a 13-digit matricule with its Luhn and Verhoeff check digits."""
    digits = only_digits(text)
    if len(digits) != MATRICULE_LENGTH or not digits.isdigit():
        return False
    if not birth_date_is_plausible(digits):
        return False
    body = digits[:11]
    return digits[11] == luhn.calc_check_digit(body) and digits[12] == verhoeff.calc_check_digit(body)


def make_matricule(birth_date: dt.date, sequence: int) -> str:
    """Build the matricule of a birth date and a three-digit sequence number."""
    body = f"{birth_date:%Y%m%d}{sequence:03d}"
    return body + luhn.calc_check_digit(body) + verhoeff.calc_check_digit(body)


def password_problems(password: str, confirmation: str, *, require_digit: bool = True) -> list[str]:
    """List what is wrong with a new password and its confirmation, in French."""
    problems = []
    if len(password) < PASSWORD_MIN_LENGTH:
        problems.append("Votre mot de passe est trop court : il lui faut au moins 8 caractères.")
    if not any(char.isalpha() for char in password):
        problems.append("Votre mot de passe doit contenir au moins une lettre.")
    if require_digit and not any(char.isdigit() for char in password):
        problems.append("Votre mot de passe doit contenir au moins un chiffre.")
    if password != confirmation:
        problems.append("Les deux mots de passe saisis ne sont pas identiques.")
    return problems


def luxembourg_mobile(text: str) -> str | None:
    """Return the E.164 form of a Luxembourg mobile number, or None when it is not one."""
    try:
        number = phonenumbers.parse(text, "LU")
    except phonenumbers.NumberParseException:
        return None
    mobile_types = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}
    if number.country_code != 352 or not phonenumbers.is_valid_number(number):
        return None
    if phonenumbers.number_type(number) not in mobile_types:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalized_address(text: str) -> str:
    """Return the key under which messages to an address or a number are filed."""
    text = text.strip()
    if "@" in text:
        return text.lower()
    try:
        number = phonenumbers.parse(text, "LU")
    except phonenumbers.NumberParseException:
        return only_digits(text)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email_is_plausible(text: str) -> bool:
    """Whether the text looks like an e-mail address (no network look-up)."""
    return bool(EMAIL_PATTERN.match(text.strip()))


def one_time_code() -> str:
    """Draw a six-digit one-time code."""
    return f"{secrets.randbelow(1_000_000):06d}"


def activation_code() -> str:
    """Draw an eight-digit activation code, like the one in the guide's screenshot."""
    return f"{secrets.randbelow(100_000_000):08d}"
