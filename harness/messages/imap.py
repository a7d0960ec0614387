"""A mailbox a staging portal's e-mails are delivered to, read over IMAP with imap-tools."""

from __future__ import annotations

import imaplib
from collections.abc import Iterator
from contextlib import contextmanager

from imap_tools import AND, BaseMailBox, MailBox, MailBoxUnencrypted, MailMessage
from imap_tools.errors import ImapToolsError

from harness.messages.base import MessageSourceError, body_text, make_message
from harness.messages.recipients import same_recipient
from harness.targets import Message

# How many of the newest messages are read when the server cannot search for the recipient.
RECENT = 200
IMAP_FAILURES = (OSError, imaplib.IMAP4.error, ImapToolsError)


class ImapSource:
    """An IMAP folder searched by recipient (TO), read without marking anything seen."""

    def __init__(
        self, host: str, port: int, user: str, password: str, *, ssl: bool = False,
        folder: str = "INBOX", timeout: float = 10,
    ) -> None:
        self.host, self.port, self.user = host, port, user
        self._password = password
        self.ssl, self.folder = ssl, folder
        self._timeout = timeout

    def __repr__(self) -> str:
        """The mailbox, without its password, for error messages."""
        return f"ImapSource({self.user}@{self.host}:{self.port}/{self.folder})"

    def messages(self, to: str) -> list[Message]:
        """The e-mails to an address in the folder, newest first (latest delivered first)."""
        with self._session() as mailbox:
            # Dovecot and most servers match TO as a substring, so « lea@ » finds « marie-lea@ »:
            # the exact match is made below. A phone number has no canonical form to search for.
            criteria = AND(to=to.strip()) if "@" in to else "ALL"
            charset = "US-ASCII" if to.isascii() else "UTF-8"
            # UIDs grow with delivery, so reversing them puts the latest delivered first.
            fetched = mailbox.fetch(criteria, charset, limit=RECENT, mark_seen=False, reverse=True)
            return [message for message in (self._message(to, mail) for mail in fetched) if message]

    def check(self) -> str:
        """Log in and count the folder's messages, proving the credentials and folder are right."""
        with self._session() as mailbox:
            status = mailbox.folder.status(self.folder, ["MESSAGES"])
        count = status.get("MESSAGES", "?")
        return f"IMAP {self.user}@{self.host}:{self.port} {self.folder}: {count} message(s)"

    @contextmanager
    def _session(self) -> Iterator[BaseMailBox]:
        """A logged-in connection on the folder, with every IMAP failure said as a MessageSourceError."""
        kind = MailBox if self.ssl else MailBoxUnencrypted
        try:
            with kind(self.host, self.port, timeout=self._timeout).login(
                self.user, self._password, initial_folder=self.folder
            ) as mailbox:
                yield mailbox
        except IMAP_FAILURES as error:
            raise MessageSourceError(f"{self!r}: {error}") from error

    @staticmethod
    def _message(to: str, mail: MailMessage) -> Message | None:
        """The harness's message for an e-mail addressed to the recipient, else None."""
        recipients = (*mail.to, *mail.cc, *mail.bcc)
        matched = next((address for address in recipients if same_recipient(to, address)), None)
        if matched is None:
            return None
        # imap-tools gives 1900-01-01 for a missing Date header; the header's own text is kept.
        return make_message(matched, "email", mail.subject, body_text(mail.text, mail.html), mail.date_str)
