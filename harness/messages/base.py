"""What every message source shares: the interface, the code in a body, and bodies as plain text."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import time
from collections.abc import Iterable
from html.parser import HTMLParser
from typing import Protocol, runtime_checkable

from harness.targets import Message

# Standalone: not part of a longer number, a word or a reference such as « ref123456 ».
CODE = re.compile(r"(?<!\w)[0-9]{6}(?!\w)")


class MessageSourceError(RuntimeError):
    """A message source could not be reached or answered outside its documented shape."""


@runtime_checkable
class MessageSource(Protocol):
    """Somewhere the SMS or e-mails a portal sent can be read back."""

    def messages(self, to: str) -> list[Message]:
        """The messages sent to a number or address, newest first."""
        ...

    def check(self) -> str:
        """Prove the server answers, and say in one line what was reached; raise MessageSourceError if not."""
        ...


def find_code(body: str) -> str | None:
    """The one-time code a body carries: its last standalone six-digit number, if any."""
    # The last one: a greeting or a reference may come before it, the code comes after « est : ».
    found = CODE.findall(body or "")
    return found[-1] if found else None


class _TextOfHtml(HTMLParser):
    """Collect what a person reads in an HTML body: its text, without scripts or styles."""

    # A style sheet's colours (#123456) would otherwise pass for one-time codes.
    HIDDEN = frozenset({"script", "style", "head", "title"})
    BREAKS = frozenset({"br", "p", "div", "tr", "li", "h1", "h2", "h3", "h4", "table"})
    # Cells side by side stay apart: « 123 » and « 456 » must not read as the code 123456.
    CELLS = frozenset({"td", "th"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Enter a hidden element, or start a new line where a block begins."""
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BREAKS:
            self.parts.append("\n")
        elif tag in self.CELLS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        """Leave a hidden element, or end the line of a block."""
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        """Keep visible text."""
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The text a person reads in an HTML body, one block a line."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def body_text(text: str | None, html: str | None) -> str:
    """A message's body as plain text: its text part, else its HTML part stripped of markup."""
    if text and text.strip():
        # IMAP and SMTP carry CRLF line ends; the harness compares with Python's \n.
        return text.replace("\r\n", "\n").strip()
    return html_to_text(html) if html else ""


def make_message(to: str, channel: str, subject: str, body: str, sent_at: str) -> Message:
    """A harness message, with the code found in its body."""
    return Message(to=to, channel=channel, subject=subject, body=body, code=find_code(body), sent_at=sent_at)


def instant(text: str | None) -> float:
    """Seconds since the epoch of an ISO 8601 or RFC 2822 time, 0 when it is missing or unreadable."""
    if not text:
        return 0.0
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return 0.0
    # A time without a zone is taken as UTC rather than as this machine's local time.
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).timestamp()


def newest_first(messages: Iterable[Message]) -> list[Message]:
    """Messages sorted by when they were sent, newest first; equal or unknown times keep the order given."""
    return sorted(messages, key=lambda message: instant(message.sent_at), reverse=True)


def wait_for_messages(
    source: MessageSource, to: str, *, at_least: int = 1, timeout: float = 10
) -> list[Message]:
    """The messages to a recipient once there are enough: e-mail reaches a catcher a moment after sending."""
    deadline = time.monotonic() + timeout
    while True:
        found = source.messages(to)
        if len(found) >= at_least:
            return found
        if time.monotonic() >= deadline:
            raise MessageSourceError(
                f"after {timeout:g} s, {len(found)} message(s) to {to} in {source!r}, {at_least} expected"
            )
        # Bounded by the deadline above; a catcher offers no push the harness could wait on.
        time.sleep(0.1)
