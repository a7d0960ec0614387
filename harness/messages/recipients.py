"""Whether two ways of writing a recipient name the same mailbox or phone."""

from __future__ import annotations

import email.utils
import re

import phonenumbers

# The portal is Luxembourg's: a number written without a country prefix is a Luxembourg one.
HOME_REGION = "LU"
# Characters people put in phone numbers for readability.
PHONE_PUNCTUATION = re.compile(r"[\s().\-/]")


def _address(text: str) -> str:
    """An e-mail address without its display name, compared without regard to case."""
    _, address = email.utils.parseaddr(text)
    return (address or text).strip().casefold()


def _phone(text: str) -> str:
    """A phone number in E.164 when it parses, else its digits with a leading + kept."""
    compact = PHONE_PUNCTUATION.sub("", text.strip())
    try:
        number = phonenumbers.parse(compact, HOME_REGION)
    except phonenumbers.NumberParseException:
        return compact
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def same_recipient(given: str, listed: str) -> bool:
    """Whether two texts name one recipient: « +352691123456 » and « 691 123 456 », addresses in any case."""
    if not given.strip() or not listed.strip():
        return False
    if "@" in given or "@" in listed:
        return _address(given) == _address(listed)
    return _phone(given) == _phone(listed)
