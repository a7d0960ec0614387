"""Tests of what every message source shares: the code in a body, recipients, bodies, order, waiting."""

from __future__ import annotations

import pytest

from harness.messages import (
    ImapSource,
    MailDevSource,
    MailpitSource,
    MessageSource,
    MessageSourceError,
    SmsSandboxSource,
    TestSupportSource,
    find_code,
    same_recipient,
    wait_for_messages,
)
from harness.messages.base import body_text, html_to_text, make_message, newest_first
from harness.targets import Message, TestSupportClient

# The code ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("body", "code"), [
    ("eSanté : votre code à usage unique est 482913. Il est valable 10 minutes.", "482913"),
    ("Bonjour,\n\nVotre code à usage unique pour vous connecter est : 007001\n\nAgence eSanté", "007001"),
    # The last one: a reference number may come first.
    ("Dossier 123456 : votre code est 654321.", "654321"),
    ("Code:135790", "135790"),
    ("(135790)", "135790"),
])
def test_the_code_is_the_last_standalone_six_digit_number(body: str, code: str):
    assert find_code(body) == code


@pytest.mark.parametrize("body", [
    "",
    "Votre numéro de téléphone portable a été modifié.",
    # Longer or shorter runs of digits are not codes: a phone, a matricule, a year.
    "Contactez le helpdesk au (+352) 27 12 50 18 33 ou au 24 12 345.",
    "Matricule 1918090138700, le 31/01/2025.",
    "Appelez le 691123456.",
    # Digits stuck to letters are a reference, not a code.
    "Référence ref123456 ou 123456abc.",
])
def test_a_body_without_a_standalone_six_digit_number_has_no_code(body: str):
    assert find_code(body) is None


def test_a_message_carries_the_code_of_its_body():
    message = make_message("+352691123456", "sms", "", "Votre code : 246810.", "2025-01-31T09:30:00+00:00")

    assert message == Message("+352691123456", "sms", "", "Votre code : 246810.", "246810",
                              "2025-01-31T09:30:00+00:00")


# Recipients -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "listed"), [
    ("+352691123456", "691 123 456"),
    ("691 123 456", "+352 691 123 456"),
    ("00352 691 123 456", "+352691123456"),
    ("+352 691-123-456", "(+352) 691.123.456"),
    ("+33 6 12 34 56 78", "0033612345678"),
    ("lea@example.lu", "Lea@Example.LU"),
    ("lea@example.lu", "Léa Muller <lea@example.lu>"),
    (" lea@example.lu ", "lea@example.lu"),
])
def test_recipients_written_differently_are_the_same(given: str, listed: str):
    assert same_recipient(given, listed)


@pytest.mark.parametrize(("given", "listed"), [
    ("+352691123456", "+352691123457"),
    ("+352691123456", "+33691123456"),
    ("lea@example.lu", "marie-lea@example.lu"),
    ("lea@example.lu", "lea@example.lu.evil"),
    ("lea@example.lu", ""),
    ("", ""),
    ("691123456", "lea@example.lu"),
])
def test_different_recipients_are_not_the_same(given: str, listed: str):
    assert not same_recipient(given, listed)


# Bodies -----------------------------------------------------------------------------------------


def test_html_is_read_as_a_person_reads_it():
    html = (
        "<html><head><title>Code 000000</title><style>p { color: #123456 }</style>"
        "<script>var code = '999999';</script></head><body><p>Bonjour,</p>"
        "<p>Votre code &agrave; usage unique est&nbsp;: <b>314159</b></p>"
        "<table><tr><td>Agence</td><td>eSant&eacute;</td></tr><tr><td>123</td><td>456</td></tr></table>"
        "</body></html>"
    )

    assert html_to_text(html) == "Bonjour,\nVotre code à usage unique est : 314159\nAgence eSanté\n123 456"
    assert find_code(body_text(None, html)) == "314159"


def test_the_text_part_is_preferred_and_its_crlf_line_ends_become_newlines():
    text = body_text("Bonjour,\r\n\r\nCode : 123456\r\n", "<p>autre 654321</p>")

    assert text == "Bonjour,\n\nCode : 123456"
    assert body_text("  \r\n", "<p>Code : 654321</p>") == "Code : 654321"
    assert body_text(None, None) == ""


# Order ------------------------------------------------------------------------------------------


def sent(at: str, body: str = "") -> Message:
    """A message sent at a time, its body naming it."""
    return make_message("lea@example.lu", "email", "", body or at, at)


def test_messages_are_sorted_newest_first_whatever_the_time_format():
    times = [
        "2025-01-31T09:30:00+00:00",
        "Fri, 31 Jan 2025 10:45:00 +0100",  # 09:45 UTC
        "2025-01-31T09:40:00.123Z",
        "2025-01-31T09:35:00",  # no zone: taken as UTC
    ]

    ordered = [m.sent_at for m in newest_first(sent(at) for at in times)]

    assert ordered == [times[1], times[2], times[3], times[0]]


def test_messages_without_a_readable_time_keep_their_order_after_dated_ones():
    listed = [sent("", "first"), sent("hier", "second"), sent("2025-01-31T09:30:00+00:00")]

    assert [m.body for m in newest_first(listed)] == ["2025-01-31T09:30:00+00:00", "first", "second"]


# Waiting ----------------------------------------------------------------------------------------


class Arriving:
    """A source whose message arrives at its third reading, as e-mail reaches a catcher late."""

    def __init__(self) -> None:
        self.readings = 0

    def messages(self, to: str) -> list[Message]:
        """Nothing twice, then one message."""
        self.readings += 1
        return [sent("2025-01-31T09:30:00+00:00", "Code : 112233")] if self.readings >= 3 else []

    def check(self) -> str:
        """Always reachable."""
        return "arriving"


def test_waiting_reads_again_until_the_message_arrives():
    source = Arriving()

    [message] = wait_for_messages(source, "lea@example.lu", timeout=5)

    assert (message.code, source.readings) == ("112233", 3)


def test_waiting_past_the_deadline_says_what_was_found():
    with pytest.raises(MessageSourceError, match=r"0 message\(s\) to lea@example.lu .* 1 expected"):
        wait_for_messages(Arriving(), "lea@example.lu", timeout=0)


# The sources ------------------------------------------------------------------------------------


@pytest.mark.parametrize("source", [
    MailDevSource("http://127.0.0.1:1080"),
    MailpitSource("http://127.0.0.1:8025"),
    ImapSource("127.0.0.1", 143, "qa", "secret"),
    SmsSandboxSource("http://127.0.0.1:9000/messages"),
    TestSupportSource(TestSupportClient("http://127.0.0.1:8000/")),
], ids=type)
def test_every_source_offers_the_interface(source: object):
    assert isinstance(source, MessageSource)


def test_imap_shows_no_password_in_its_description():
    assert repr(ImapSource("imap.staging.example", 993, "qa", "s3cret", ssl=True)) == (
        "ImapSource(qa@imap.staging.example:993/INBOX)"
    )
