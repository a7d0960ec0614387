"""The reference world relays its e-mails to a real mail catcher; its outbox keeps them whatever happens."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator

import pytest
from real_servers import MailDev, free_port
from server_http import WIZARD, Visitor, new_persona, reach_step_3

from harness.messages import MailDevSource, TestSupportSource, wait_for_messages
from harness.messages.base import instant
from harness.targets import TestSupportClient
from reference_server.__main__ import parse_args, smtp_address
from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World


def start_world(relay: tuple[str, int]) -> World:
    """A world with test support whose gateway relays e-mails to the given SMTP server."""
    world = World(WorldConfig(test_support=True, hashing=TEST_HASHING, smtp_relay=relay))
    world.start()
    return world


@pytest.fixture
def relaying_world(maildev_server: MailDev) -> Iterator[World]:
    """A world relaying its e-mails to MailDev."""
    world = start_world((maildev_server.host, maildev_server.smtp_port))
    yield world
    world.stop()


@pytest.fixture
def world_without_catcher() -> Iterator[World]:
    """A world relaying to a loopback port where nothing listens."""
    world = start_world(("127.0.0.1", free_port()))
    yield world
    world.stop()


def email_a_code(world: World) -> str:
    """Play the activation wizard to step 3 and choose the e-mail channel; return the address it sent to."""
    assert world.urls is not None
    persona = new_persona(world)
    visitor = Visitor(world.urls.portal)
    reach_step_3(visitor, persona)
    address = str(persona["email"])
    reply = visitor.post(f"{WIZARD}/etape-3", {"channel": "email", "email": address, "action": "send"})
    assert reply.location == f"{WIZARD}/etape-3", reply.status
    return address


def outbox(world: World) -> TestSupportSource:
    """The world's own record of what it sent, through its test-support interface."""
    assert world.urls is not None
    return TestSupportSource(TestSupportClient(world.urls.portal))


def test_a_portal_email_reaches_maildev_with_the_code_the_outbox_holds(
    relaying_world: World, maildev_server: MailDev
):
    address = email_a_code(relaying_world)

    [caught] = wait_for_messages(MailDevSource(maildev_server.url), address)
    [kept] = outbox(relaying_world).messages(address)

    assert caught.code is not None and caught.code == kept.code
    assert (caught.subject, caught.body) == (kept.subject, kept.body)
    # The Date header comes from the world's clock, like the outbox's sent_at.
    assert abs(instant(caught.sent_at) - instant(kept.sent_at)) < 5


def test_the_outbox_answers_as_a_message_source(world_without_catcher: World):
    line = outbox(world_without_catcher).check()

    assert line.startswith(f"test support at {world_without_catcher.urls.portal}_test/messages answers")  # type: ignore[union-attr]


def test_a_relay_that_refuses_loses_nothing_from_the_outbox_and_is_logged(
    world_without_catcher: World, caplog: pytest.LogCaptureFixture
):
    with caplog.at_level(logging.WARNING, logger="reference_server.messaging.relay"):
        address = email_a_code(world_without_catcher)

    [kept] = outbox(world_without_catcher).messages(address)
    assert kept.code is not None
    [warning] = [r for r in caplog.records if r.name == "reference_server.messaging.relay"]
    assert address in warning.getMessage() and "did not take" in warning.getMessage()


def test_the_command_line_takes_an_smtp_relay():
    assert parse_args(["--smtp", "127.0.0.1:1025"]).smtp == ("127.0.0.1", 1025)
    assert parse_args([]).smtp is None


@pytest.mark.parametrize("given", ["127.0.0.1", "127.0.0.1:smtp", ":1025", "127.0.0.1:70000"])
def test_the_command_line_refuses_a_relay_that_is_not_host_and_port(given: str):
    with pytest.raises(SystemExit):
        parse_args(["--smtp", given])


def test_smtp_address_says_what_it_expected():
    with pytest.raises(argparse.ArgumentTypeError, match="HOST:PORT"):
        smtp_address("localhost")
