"""Mobile numbers and e-mail addresses a person gives to receive one-time codes."""

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

import phonenumbers
from email_validator import EmailNotValidError, validate_email


class Channel(StrEnum):
    """How a one-time code reaches a person."""

    SMS = "sms"
    EMAIL = "email"


@dataclass(frozen=True)
class ContactCheck:
    """A normalised address or number, or a French error message."""

    value: str
    error: str | None = None


def check_mobile(raw: str) -> ContactCheck:
    """Accept a mobile number, Luxembourg's unless an international prefix says otherwise, in E.164."""
    # Cross-border workers are insured in Luxembourg with French, Belgian or German phones.
    text = (raw or "").strip()
    if not text:
        return ContactCheck(text, "Veuillez renseigner votre numéro de téléphone portable.")
    try:
        number = phonenumbers.parse(text, "LU")
    except phonenumbers.NumberParseException:
        number = None
    if (
        number is None
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) != phonenumbers.PhoneNumberType.MOBILE
    ):
        return ContactCheck(text, "Ce numéro de téléphone portable n'est pas valide (ex. 691 123 456).")
    return ContactCheck(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


def check_email(raw: str) -> ContactCheck:
    """Accept a syntactically valid e-mail address and return it normalised."""
    text = (raw or "").strip()
    if not text:
        return ContactCheck(text, "Veuillez renseigner votre adresse e-mail.")
    try:
        result = validate_email(text, check_deliverability=False)
    except EmailNotValidError:
        return ContactCheck(text, "Cette adresse e-mail n'est pas valide.")
    return ContactCheck(result.normalized)


def check_optional(raw: object, checker: Callable[[str], ContactCheck]) -> ContactCheck | None:
    """Check a number or address that another system may leave out: None when it is absent."""
    if raw is None or not str(raw).strip():
        return None
    return checker(str(raw))


def check(channel: Channel, raw: str) -> ContactCheck:
    """Check a destination for the given channel."""
    return check_mobile(raw) if channel is Channel.SMS else check_email(raw)


def normalise(raw: str) -> str:
    """The canonical form of a number or address, or the stripped text when it is neither."""
    for checker in (check_mobile, check_email):
        result = checker(raw)
        if result.error is None:
            return result.value
    return (raw or "").strip()


def mask(channel: Channel, value: str) -> str:
    """Show enough of a destination for a person to recognise it, and no more."""
    if channel is Channel.SMS:
        return value[:-6] + " ••• " + value[-3:]
    local, _, domain = value.partition("@")
    return f"{local[:2]}•••@{domain}"
