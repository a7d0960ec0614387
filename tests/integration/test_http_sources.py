"""Mailpit and SMS-sandbox sources against fakes serving their documented JSON (see recorded_apis)."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from real_servers import free_port
from recorded_apis import FakeApi, mailpit_route, recording, sms_sandbox_route

from harness.messages import (
    MailpitSource,
    MessageSource,
    MessageSourceError,
    SmsSandboxSource,
    TestSupportSource,
)
from harness.targets import TargetCapabilityMissing, TestSupportClient

# Mailpit ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mailpit() -> Iterator[FakeApi]:
    """A fake Mailpit holding three recorded e-mails: two to lea@example.lu, one to marie-lea@."""
    with FakeApi(mailpit_route(recording("mailpit.json"))).running() as fake:
        yield fake


def test_mailpit_returns_the_recipients_emails_newest_first_with_their_codes(mailpit: FakeApi):
    source = MailpitSource(mailpit.url)

    found = source.messages("lea@example.lu")

    assert [m.code for m in found] == ["724031", "481516"]
    assert [m.to for m in found] == ["lea@example.lu", "Lea@Example.LU"]
    assert {m.channel for m in found} == {"email"}
    assert found[0].subject == "Votre code à usage unique eSanté"
    assert found[0].sent_at == "2025-01-31T09:32:10+01:00"
    assert "\r" not in found[0].body


def test_mailpit_asks_its_search_for_the_address_then_reads_each_match(mailpit: FakeApi):
    mailpit.requests.clear()

    MailpitSource(mailpit.url).messages("lea@example.lu")

    search = urlsplit(mailpit.requests[0])
    assert search.path == "/api/v1/search"
    assert parse_qs(search.query)["query"] == ['to:"lea@example.lu"']
    # marie-lea@ matched Mailpit's substring search but is not read: it is someone else.
    assert sorted(mailpit.requests[1:]) == [
        "/api/v1/message/A1b2C3d4E5f6G7h8I9j0Kl", "/api/v1/message/Kb7N3uQh2WfRzPq9VxY4aT",
    ]


def test_mailpit_reads_an_html_only_email_as_its_text_without_style_colours(mailpit: FakeApi):
    html_only = MailpitSource(mailpit.url).messages("LEA@example.lu")[1]

    assert html_only.body == (
        "Bonjour,\nVotre code à usage unique pour vous connecter est : 481516\nAgence eSanté Luxembourg"
    )
    assert html_only.code == "481516"


def test_mailpit_check_reports_its_version_and_count(mailpit: FakeApi):
    assert MailpitSource(mailpit.url).check() == f"Mailpit v1.21.8 at {mailpit.url}: 3 message(s) caught"


# SMS sandbox ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sms_sandbox() -> Iterator[FakeApi]:
    """A fake SMS sandbox at /messages holding four recorded texts to two numbers, in no order."""
    with FakeApi(sms_sandbox_route(recording("sms_sandbox.json"))).running() as fake:
        yield fake


def test_sms_sandbox_matches_the_number_however_written_and_sorts_newest_first(sms_sandbox: FakeApi):
    source = SmsSandboxSource(sms_sandbox.url + "messages")

    found = source.messages("691 123 456")

    assert [m.code for m in found] == ["333333", None, "111111"]
    assert [m.to for m in found] == ["00352691123456", "691123456", "+352 691 123 456"]
    assert {(m.channel, m.subject) for m in found} == {("sms", "")}


def test_sms_sandbox_is_asked_for_the_number_given(sms_sandbox: FakeApi):
    sms_sandbox.requests.clear()

    SmsSandboxSource(sms_sandbox.url + "messages?project=esante").messages("+352691123456")

    [asked] = sms_sandbox.requests
    assert parse_qs(urlsplit(asked).query) == {"project": ["esante"], "to": ["+352691123456"]}


def test_sms_sandbox_check_proves_the_endpoint_answers(sms_sandbox: FakeApi):
    line = SmsSandboxSource(sms_sandbox.url + "messages").check()

    assert line.startswith(f"SMS sandbox at {sms_sandbox.url}messages answers")


def test_a_wrong_sandbox_path_is_a_message_source_error(sms_sandbox: FakeApi):
    with pytest.raises(MessageSourceError, match="HTTP 404"):
        SmsSandboxSource(sms_sandbox.url + "texts").check()


# A portal without /_test/messages ------------------------------------------------------------

def test_a_portal_without_test_support_messages_is_a_missing_capability_and_fails_check():
    with FakeApi(lambda path, query: (404, {"error": "not found"})).running() as portal:
        source = TestSupportSource(TestSupportClient(portal.url))

        # Scenarios are then reported as not run; a preflight reports the source as unusable.
        with pytest.raises(TargetCapabilityMissing):
            source.messages("lea@example.lu")
        with pytest.raises(MessageSourceError, match="no GET messages"):
            source.check()


# Whatever the source ----------------------------------------------------------------------------


@pytest.mark.parametrize("source_class", [MailpitSource, SmsSandboxSource])
def test_an_unreachable_server_fails_check_with_its_address(source_class: type[MessageSource]):
    url = f"http://127.0.0.1:{free_port()}/"

    with pytest.raises(MessageSourceError, match=r"127\.0\.0\.1"):
        source_class(url).check()  # type: ignore[call-arg]
