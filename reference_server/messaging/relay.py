"""Forward the gateway's e-mails to an SMTP server too, such as a mail catcher a test reads."""

from __future__ import annotations

import email.utils
import logging
import smtplib
from email.message import EmailMessage

from reference_server.clock import Clock

LOG = logging.getLogger(__name__)
SENDER = "Agence eSanté <ne-pas-repondre@esante.lu>"


class SmtpRelay:
    """Plain SMTP to one server (no TLS, no login: a catcher on loopback), never raising."""

    def __init__(self, host: str, port: int, clock: Clock, timeout: float = 5) -> None:
        self.host, self.port = host, port
        self._clock = clock
        self._timeout = timeout

    def forward(self, to: str, subject: str, body: str) -> bool:
        """Send one e-mail; a failure is logged and reported as False, since the outbox already has it."""
        message = self._compose(to, subject, body)
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self._timeout) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            LOG.warning("SMTP relay %s:%s did not take the e-mail to %s: %s", self.host, self.port, to, error)
            return False
        return True

    def _compose(self, to: str, subject: str, body: str) -> EmailMessage:
        """The e-mail as the gateway would send it: UTF-8 text, dated by the world's clock."""
        message = EmailMessage()
        message["From"] = SENDER
        message["To"] = to
        message["Subject"] = subject
        # The world's clock, so that the Date header agrees with the outbox's sent_at.
        message["Date"] = email.utils.format_datetime(self._clock.now())
        message["Message-ID"] = email.utils.make_msgid(domain="esante.lu")
        message.set_content(body)
        return message
