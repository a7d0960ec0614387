"""MailDevSource against real MailDev servers (2.x and 3.x), and ImapSource against a real Dovecot."""

from __future__ import annotations

import datetime as dt
import itertools
import smtplib
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from imap_tools import MailBoxUnencrypted
from real_servers import Dovecot, MailDev, free_port

from harness.messages import ImapSource, MailDevSource, MessageSourceError, wait_for_messages

SENDER = "ne-pas-repondre@esante.lu"
SUBJECT = "Votre code à usage unique eSanté"
SIGNATURE = "Agence eSanté Luxembourg"
# Each test writes to addresses of its own, so that the servers shared by the session need no cleaning.
NUMBERS = itertools.count(1)


def new_address(name: str = "lea") -> str:
    """An address no other test of the session uses."""
    return f"{name}.{next(NUMBERS)}@example.lu"


def code_email(to: str, code: str, *, cc: str | None = None, html: bool = False,
               date: dt.datetime | None = None) -> EmailMessage:
    """An e-mail worded as the portal words its one-time codes."""
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = f"Agence eSanté <{SENDER}>", to, SUBJECT
    if cc:
        message["Cc"] = cc
    if date:
        message["Date"] = format_datetime(date)
    text = f"Bonjour,\n\nVotre code à usage unique pour vous connecter est : {code}\n\n{SIGNATURE}"
    if html:
        message.set_content(
            f"<html><head><style>b {{ color: #654321 }}</style></head><body><p>Bonjour,</p>"
            f"<p>Votre code &agrave; usage unique est&nbsp;: <b>{code}</b></p></body></html>", subtype="html",
        )
    else:
        message.set_content(text)
    return message


# MailDev ----------------------------------------------------------------------------------------


def send_smtp(server: MailDev, message: EmailMessage) -> None:
    """Hand an e-mail to MailDev's SMTP port, as a portal's mailer would."""
    with smtplib.SMTP(server.host, server.smtp_port, timeout=10) as smtp:
        smtp.send_message(message)


def test_maildev_returns_an_email_sent_over_smtp_with_its_code(maildev_server: MailDev):
    to = new_address()
    send_smtp(maildev_server, code_email(to, "402913"))

    [message] = wait_for_messages(MailDevSource(maildev_server.url), to)

    assert (message.to, message.channel, message.subject, message.code) == (to, "email", SUBJECT, "402913")
    assert message.body.startswith("Bonjour,\n\nVotre code à usage unique")
    assert message.sent_at


def test_maildev_lists_newest_first_and_only_the_recipients(maildev_server: MailDev):
    to = new_address()
    send_smtp(maildev_server, code_email(to, "111111"))
    send_smtp(maildev_server, code_email(new_address(f"marie-{to.split('@')[0]}"), "999999"))
    send_smtp(maildev_server, code_email(to.upper(), "222222", html=True))
    source = MailDevSource(maildev_server.url)

    found = wait_for_messages(source, to, at_least=2)

    assert [m.code for m in found] == ["222222", "111111"]
    # MailDev 3 derives a text part from the HTML itself, with its own line breaks.
    assert " ".join(found[0].body.split()) == "Bonjour, Votre code à usage unique est : 222222"


def test_maildev_puts_a_resent_code_first_even_within_the_same_second(maildev_server: MailDev):
    to = new_address()
    # The Date header counts whole seconds: a code and its resend often share it.
    same_second = dt.datetime(2025, 1, 31, 9, 30, tzinfo=dt.UTC)
    for code in ("500001", "500002"):
        send_smtp(maildev_server, code_email(to, code, date=same_second))

    found = wait_for_messages(MailDevSource(maildev_server.url), to, at_least=2)

    assert [m.code for m in found] == ["500002", "500001"]


def test_maildev_finds_a_copy_sent_in_cc(maildev_server: MailDev):
    to, copied = new_address(), new_address("secretariat")
    send_smtp(maildev_server, code_email(to, "314159", cc=copied))

    [message] = wait_for_messages(MailDevSource(maildev_server.url), copied)

    assert (message.to, message.code) == (copied, "314159")


def test_maildev_check_names_the_api_path_of_its_version(maildev_server: MailDev):
    line = MailDevSource(maildev_server.url).check()

    path = "/api/email" if maildev_server.major >= 3 else "/email"
    assert line.startswith(f"MailDev at {maildev_server.url} answers on {path}: ")


def test_a_stopped_maildev_fails_check():
    with pytest.raises(MessageSourceError, match=r"127\.0\.0\.1"):
        MailDevSource(f"http://127.0.0.1:{free_port()}/").check()


# IMAP (Dovecot) ---------------------------------------------------------------------------------


def append(server: Dovecot, *messages: EmailMessage) -> None:
    """Deliver e-mails into the user's INBOX by IMAP APPEND, in the order given."""
    with MailBoxUnencrypted(server.host, server.port).login(server.user, server.password) as mailbox:
        for message in messages:
            mailbox.append(message.as_bytes(), "INBOX")


def imap_source(server: Dovecot, password: str | None = None) -> ImapSource:
    """The IMAP source of the throwaway Dovecot's test user."""
    return ImapSource(server.host, server.port, server.user, password or server.password)


def test_imap_returns_the_recipients_emails_latest_delivered_first(dovecot_server: Dovecot):
    to = new_address()
    # Dated the other way round: « newest » is the latest delivered, whatever the Date header says.
    later, earlier = dt.datetime(2025, 1, 31, 10, tzinfo=dt.UTC), dt.datetime(2025, 1, 31, 9, tzinfo=dt.UTC)
    append(dovecot_server, code_email(to, "100001", date=later), code_email(to, "100002", date=earlier))

    found = imap_source(dovecot_server).messages(to)

    assert [m.code for m in found] == ["100002", "100001"]
    assert [m.to for m in found] == [to, to]
    assert found[0].sent_at == "Fri, 31 Jan 2025 09:00:00 +0000"
    assert found[0].subject == SUBJECT and found[0].channel == "email"
    assert found[0].body.endswith(f"est : 100002\n\n{SIGNATURE}")


def test_imap_matches_the_whole_address_in_any_case(dovecot_server: Dovecot):
    to = new_address()
    # Dovecot's TO search is a substring match: marie-lea.N@ is found, then left out.
    append(dovecot_server, code_email(f"Léa Muller <{to.upper()}>", "200001"),
           code_email(f"marie-{to}", "200002"))

    [message] = imap_source(dovecot_server).messages(to)

    assert (message.to, message.code) == (to.upper(), "200001")


def test_imap_reads_an_html_only_email_as_text(dovecot_server: Dovecot):
    to = new_address()
    append(dovecot_server, code_email(to, "300003", html=True))

    [message] = imap_source(dovecot_server).messages(to)

    assert message.body == "Bonjour,\nVotre code à usage unique est : 300003"
    assert message.code == "300003"


def test_imap_leaves_messages_unseen(dovecot_server: Dovecot):
    to = new_address()
    append(dovecot_server, code_email(to, "400004"))

    imap_source(dovecot_server).messages(to)

    with MailBoxUnencrypted(dovecot_server.host, dovecot_server.port).login(
        dovecot_server.user, dovecot_server.password
    ) as mailbox:
        [flags] = [m.flags for m in mailbox.fetch(f'TO "{to}"', mark_seen=False)]
    assert "\\Seen" not in flags


def test_imap_check_logs_in_and_counts_the_folder(dovecot_server: Dovecot):
    line = imap_source(dovecot_server).check()

    assert line.startswith(f"IMAP qa@127.0.0.1:{dovecot_server.port} INBOX: ")
    assert line.endswith(" message(s)")


def test_imap_check_with_a_wrong_password_is_a_message_source_error(dovecot_server: Dovecot):
    with pytest.raises(MessageSourceError, match="AUTHENTICATIONFAILED") as failure:
        imap_source(dovecot_server, password="pas-le-bon").check()

    assert "pas-le-bon" not in str(failure.value)
