"""Activation codes and one-time codes: how they are made and when they stop working."""

import datetime as dt
import secrets
from dataclasses import dataclass

ONE_TIME_CODE_DIGITS = 6
MAX_ATTEMPTS = 5
# Letters avoid look-alikes (0/O, 1/I/L) because people type activation codes from paper.
_ACTIVATION_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
ACTIVATION_CODE_LENGTH = 10


def new_one_time_code() -> str:
    """Six random digits from the operating system's CSPRNG."""
    return f"{secrets.randbelow(10**ONE_TIME_CODE_DIGITS):0{ONE_TIME_CODE_DIGITS}d}"


def new_activation_code() -> str:
    """A random activation code as printed on the letter, in two groups for readability."""
    raw = "".join(secrets.choice(_ACTIVATION_ALPHABET) for _ in range(ACTIVATION_CODE_LENGTH))
    return f"{raw[:5]}-{raw[5:]}"


def clean_activation_code(raw: str) -> str:
    """Normalise what a person typed: case, spaces and the dash do not matter."""
    text = "".join(ch for ch in (raw or "").upper() if ch.isascii() and ch.isalnum())
    return f"{text[:5]}-{text[5:]}" if len(text) == ACTIVATION_CODE_LENGTH else text


def clean_one_time_code(raw: str) -> str:
    """Keep the digits of a typed one-time code."""
    return "".join(ch for ch in (raw or "") if ch in "0123456789")


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
