"""Activation codes and one-time codes: how they are made and when they stop working."""

import datetime as dt
import secrets
from dataclasses import dataclass

ONE_TIME_CODE_DIGITS = 6
MAX_ATTEMPTS = 5
# Letters avoid look-alikes (0/O, 1/I/L) because people type activation codes from paper.
_ACTIVATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACTIVATION_CODE_LENGTH = 10
# Between the groups of a code people type spaces, the printed dash, or an underscore.
_SEPARATORS = "-_"


def new_one_time_code() -> str:
    """Six random digits from the operating system's CSPRNG."""
    return f"{secrets.randbelow(10**ONE_TIME_CODE_DIGITS):0{ONE_TIME_CODE_DIGITS}d}"


def new_activation_code() -> str:
    """A random activation code as printed on the letter, in two groups for readability."""
    raw = "".join(secrets.choice(_ACTIVATION_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def clean_activation_code(raw: str) -> str:
    """Normalise what a person typed: case, spaces and the dash do not matter.

    Any other character is kept, so that the code is refused as typed rather than read as another.
    """
    text = (raw or "").strip().upper()
    compact = _without_separators(text)
    if not compact:
        return ""
    if not (compact.isascii() and compact.isalnum()):
        return text
    return f"{compact[:5]}-{compact[5:]}" if len(compact) == ACTIVATION_CODE_LENGTH else compact


def clean_one_time_code(raw: str) -> str:
    """The digits of a typed one-time code, without the spaces or dashes a person may put between them.

    Anything else is kept, so that « ../474677 » is refused as typed rather than read as 474677.
    """
    text = (raw or "").strip()
    compact = _without_separators(text)
    # Only ASCII digits: str.isdigit() also accepts « ４ » or « ² ».
    return compact if not compact or (compact.isascii() and compact.isdigit()) else text


def _without_separators(text: str) -> str:
    """A typed code without the spaces, dashes and underscores people put between its groups."""
    return "".join(ch for ch in text if not (ch.isspace() or ch in _SEPARATORS))


@dataclass(frozen=True)
class CodeState:
    """What is known of a code: when it expires, whether it was used, how often it was missed."""

    expires_at: dt.datetime
    used: bool
    failed_attempts: int

    def usable(self, now: dt.datetime) -> bool:
        """Whether the code may still be tried."""
        return not self.used and now < self.expires_at and self.failed_attempts < MAX_ATTEMPTS

    def refusal(self, now: dt.datetime) -> str | None:
        """The reason the code may not be tried, as a key, or None when it may."""
        if self.used:
            return "used"
        if now >= self.expires_at:
            return "expired"
        if self.failed_attempts >= MAX_ATTEMPTS:
            return "exhausted"
        return None
