"""An SMS provider's sandbox that keeps the texts a staging portal sends and lists them over HTTP."""

from __future__ import annotations

from urllib.parse import urlencode

from harness.messages.base import make_message, newest_first
from harness.messages.http_json import get_array
from harness.messages.recipients import same_recipient
from harness.targets import Message

# A number that no persona has, for proving that the endpoint answers.
CHECK_NUMBER = "+352000000000"


class SmsSandboxSource:
    """An SMS sandbox's HTTP endpoint: GET URL?to=NUMBER answers a JSON array of texts.

    The expected shape, the smallest a sandbox or a proxy in front of one can offer:
    ``[{"to": "+352691123456", "body": "eSanté : votre code … 123456 …",
    "sent_at": "2025-01-31T09:30:00+00:00"}]``.
    `sent_at` is ISO 8601 (RFC 2822 is read too); the array may come in any order and may hold
    other recipients' texts: both are sorted out here, and numbers match however they are written.
    """

    def __init__(self, url: str, timeout: float = 10) -> None:
        self.url = url
        self._timeout = timeout

    def __repr__(self) -> str:
        """The endpoint, for error messages."""
        return f"SmsSandboxSource({self.url!r})"

    def messages(self, to: str) -> list[Message]:
        """The texts sent to a number, newest first."""
        found = [
            make_message(str(item.get("to") or ""), "sms", "", str(item.get("body") or ""),
                         str(item.get("sent_at") or ""))
            for item in self._listed(to)
            if same_recipient(to, str(item.get("to") or ""))
        ]
        return newest_first(found)

    def check(self) -> str:
        """Ask for a number nobody has, proving the endpoint answers a JSON array."""
        count = len(self._listed(CHECK_NUMBER))
        return f"SMS sandbox at {self.url} answers: {count} text(s) to {CHECK_NUMBER}"

    def _listed(self, to: str) -> list[dict]:
        """The endpoint's array for a number."""
        separator = "&" if "?" in self.url else "?"
        return get_array(f"{self.url}{separator}{urlencode({'to': to})}", self._timeout)
