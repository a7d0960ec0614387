"""Mail catchers a staging portal sends its e-mails to: MailDev and Mailpit, read through their REST APIs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any
from urllib.parse import quote, urlencode

from harness.messages.base import body_text, instant, make_message
from harness.messages.http_json import NotFound, get_array, get_object, objects
from harness.messages.recipients import same_recipient
from harness.targets import Message

# The API paths MailDev has had: 3.x serves it under /api, 2.x at the root.
MAILDEV_LISTINGS = ("api/email", "email")
# Mailpit's pages of summaries; a staging inbox read by a test holds far fewer messages.
MAILPIT_LIMIT = 200


def _base(url: str) -> str:
    """A base URL ending with a slash, so that API paths are joined below it."""
    return url if url.endswith("/") else url + "/"


def _addresses(entries: object) -> list[str]:
    """The addresses of a list of {"address"|"Address": …} objects, as both catchers write them."""
    if not isinstance(entries, list):
        return []
    found = (entry.get("address") or entry.get("Address") for entry in entries if isinstance(entry, dict))
    return [str(address) for address in found if address]


def _first_match(to: str, candidates: Iterable[str]) -> str | None:
    """The first candidate address naming the recipient asked for."""
    return next((address for address in candidates if same_recipient(to, address)), None)


class MailDevSource:
    """MailDev's REST API (its docs/rest.md): GET /api/email since 3.0, GET /email in 2.x."""

    def __init__(self, base_url: str, timeout: float = 10) -> None:
        self.base = _base(base_url)
        self._timeout = timeout
        self._listing: str | None = None

    def __repr__(self) -> str:
        """The catcher's address, for error messages."""
        return f"MailDevSource({self.base!r})"

    def messages(self, to: str) -> list[Message]:
        """The e-mails MailDev caught for an address, latest received first."""
        found = []
        # MailDev lists in arrival order, so the reversed list is latest first among equal times.
        # `time` is when it received each e-mail, to the millisecond; the Date header counts
        # whole seconds and would tie a code and its resend.
        received = sorted(self._all()[::-1], key=lambda item: instant(item.get("time")), reverse=True)
        for item in received:
            # The envelope holds Bcc recipients, which the To header does not show.
            envelope = item.get("envelope") if isinstance(item.get("envelope"), dict) else {}
            recipients = [*_addresses(item.get("to")), *_addresses(item.get("cc")),
                          *_addresses(envelope.get("to"))]
            matched = _first_match(to, recipients)
            if matched is not None:
                found.append(self._message(matched, item))
        return found

    @staticmethod
    def _message(to: str, item: dict[str, Any]) -> Message:
        """The harness's message for one of MailDev's e-mails."""
        body = body_text(item.get("text"), item.get("html"))
        # `date` is the Date header, absent when the sender wrote none.
        sent_at = str(item.get("date") or item.get("time") or "")
        return make_message(to, "email", str(item.get("subject") or ""), body, sent_at)

    def check(self) -> str:
        """List the caught e-mails, proving the API answers."""
        count = len(self._all())
        return f"MailDev at {self.base} answers on /{self._listing}: {count} e-mail(s) caught"

    def _all(self) -> list[dict[str, Any]]:
        """Every caught e-mail, from whichever API path this MailDev serves."""
        paths = (self._listing,) if self._listing else MAILDEV_LISTINGS
        for path in paths:
            try:
                listed = get_array(self.base + path, self._timeout)
            except NotFound:
                continue
            self._listing = path
            return listed
        raise NotFound(f"{self.base} serves neither /api/email (MailDev 3) nor /email (MailDev 2)")


class MailpitSource:
    """Mailpit's REST API v1 (mailpit.axllent.org/docs/api-v1/): search by recipient, then each message."""

    def __init__(self, base_url: str, timeout: float = 10) -> None:
        self.base = _base(base_url)
        self._timeout = timeout

    def __repr__(self) -> str:
        """The catcher's address, for error messages."""
        return f"MailpitSource({self.base!r})"

    def messages(self, to: str) -> list[Message]:
        """The e-mails Mailpit caught for an address, latest received first."""
        # Mailpit lists the latest received first already; `Created`, to the millisecond, says so.
        summaries = sorted(self._summaries(self._listing_for(to)), reverse=True,
                           key=lambda summary: instant(summary.get("Created")))
        found = []
        for summary in summaries:
            recipients = [*_addresses(summary.get("To")), *_addresses(summary.get("Cc")),
                          *_addresses(summary.get("Bcc"))]
            matched = _first_match(to, recipients)
            if matched is not None:
                found.append(self._message(str(summary.get("ID")), matched, summary))
        return found

    def check(self) -> str:
        """Ask Mailpit for its version and message count, proving the API answers."""
        info = get_object(self.base + "api/v1/info", self._timeout)
        version, count = info.get("Version", "?"), info.get("Messages", "?")
        return f"Mailpit {version} at {self.base}: {count} message(s) caught"

    @staticmethod
    def _listing_for(to: str) -> str:
        """Mailpit's search for an address, else its latest messages, which are then matched here."""
        if "@" not in to:
            # A number written another way would escape a substring search; list and match loosely.
            return f"api/v1/messages?{urlencode({'limit': MAILPIT_LIMIT})}"
        # Mailpit's `to:` matches a substring of the recipients; the exact match is made here.
        query = 'to:"' + to.strip() + '"'
        return f"api/v1/search?{urlencode({'query': query, 'limit': MAILPIT_LIMIT})}"

    def _summaries(self, path: str) -> list[dict[str, Any]]:
        """The message summaries of one page of a listing or search."""
        page = get_object(self.base + path, self._timeout)
        return objects(page.get("messages"), f"Mailpit GET /{path}: messages")

    def _message(self, message_id: str, to: str, summary: dict[str, Any]) -> Message:
        """One message with its body; the summary has only a snippet."""
        # Mailpit marks a message read when its API serves it whole, as its web interface does.
        path = f"api/v1/message/{quote(message_id, safe='')}"
        detail = get_object(self.base + path, self._timeout)
        body = body_text(detail.get("Text"), detail.get("HTML"))
        # `Created` is when Mailpit received it, `Date` the message's own header.
        sent_at = str(detail.get("Date") or summary.get("Created") or "")
        subject = str(detail.get("Subject") or summary.get("Subject") or "")
        return make_message(to, "email", subject, body, sent_at)
