"""With the gateway down, a change and its notice both happen or neither does, and the page says so."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from account_http import MEANS, activated, fresh_session
from outage import Outage
from server_http import field_errors, latest_code, messages_to, portal_db

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.portal.account import NOTICE_NOT_SENT
from reference_server.world import World

NEW_PASSWORD = "Nouveau2026pw"


@pytest.fixture(scope="module")
def gateway_world() -> Iterator[World]:
    """A world of its own, since its gateway goes down and comes back."""
    world = World(WorldConfig(test_support=True, hashing=TEST_HASHING))
    world.start()
    yield world
    world.stop()


@pytest.fixture
def gateway(gateway_world: World) -> Iterator[Outage]:
    """The gateway of the module's world, up again after each test whatever happened."""
    switch = Outage(gateway_world, "messaging")
    yield switch
    switch.up()


def account_row(world: World, matricule: object) -> dict:
    """The account's stored contact details and password hash."""
    with portal_db(world) as conn:
        row = conn.execute("SELECT email, mobile, password_hash FROM accounts WHERE matricule = ?",
                           (str(matricule),)).fetchone()
    return dict(row)


def test_a_new_email_is_not_changed_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = activated(gateway_world)
    mobile = str(persona["mobile"])
    visitor = fresh_session(gateway_world, persona)
    new_email = f"nouveau.{persona['matricule']}@example.lu"
    assert visitor.post(f"{MEANS}/email", {"email": new_email}).location == MEANS
    code = latest_code(gateway_world, new_email)
    before = account_row(gateway_world, persona["matricule"])
    notices_before = len(messages_to(gateway_world, mobile))

    gateway.down()
    refused = visitor.post(f"{MEANS}/confirmer", {"code": code})

    assert refused.status == 503
    assert field_errors(refused, "code") == [NOTICE_NOT_SENT]
    assert account_row(gateway_world, persona["matricule"]) == before

    # Back up: the same confirmation goes through without a new code, with its notice.
    gateway.up()
    assert len(messages_to(gateway_world, mobile)) == notices_before
    assert visitor.post(f"{MEANS}/confirmer", {"code": code}).location == MEANS
    assert account_row(gateway_world, persona["matricule"])["email"] == new_email
    assert len(messages_to(gateway_world, mobile)) == notices_before + 1


def test_a_password_is_not_changed_when_its_notice_cannot_leave(gateway_world: World, gateway: Outage):
    persona = activated(gateway_world)
    visitor = fresh_session(gateway_world, persona)
    before = account_row(gateway_world, persona["matricule"])
    form = {"new_password": NEW_PASSWORD, "new_password_confirmation": NEW_PASSWORD}

    gateway.down()
    refused = visitor.post(f"{MEANS}/mot-de-passe", form)

    assert refused.status == 503
    assert NOTICE_NOT_SENT in refused.text
    assert account_row(gateway_world, persona["matricule"]) == before

    gateway.up()
    assert visitor.post(f"{MEANS}/mot-de-passe", form).location == MEANS
    assert account_row(gateway_world, persona["matricule"])["password_hash"] != before["password_hash"]
