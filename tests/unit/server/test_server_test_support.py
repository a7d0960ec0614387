"""Tests of the /_test/ interface: personas, the messages sent, and the world's clock."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from server_http import WIZARD, Visitor, ask_for_sms_code, messages_to, new_persona, reach_step_3, resend_code
from web_client import json_request, raw_request

from reference_server.domain import contact, matricule
from reference_server.world import World

ACTIVATION_CODE = re.compile(r"^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$")
MESSAGE_FIELDS = {"to", "channel", "subject", "body", "code", "sent_at"}


def support_url(world: World, path: str) -> str:
    """A URL of the world's test-support interface."""
    assert world.urls is not None
    return world.urls.test_support + path


# Personas ----------------------------------------------------------------------------------------


def test_a_persona_has_every_field_a_scenario_needs(support_world: World):
    persona = new_persona(support_world)

    assert {"kind", "matricule", "activation_code", "first_name", "last_name", "birth_date",
            "email", "mobile"} <= persona.keys()
    assert persona["kind"] == "patient"
    assert isinstance(persona["first_name"], str) and persona["first_name"]
    assert isinstance(persona["last_name"], str) and persona["last_name"]


def test_a_persona_matricule_is_valid_and_carries_its_birth_date(support_world: World):
    persona = new_persona(support_world)
    number = str(persona["matricule"])

    assert matricule.check(number).valid
    assert matricule.birth_date(number) == dt.date.fromisoformat(str(persona["birth_date"]))


def test_a_persona_has_a_printable_activation_code(support_world: World):
    persona = new_persona(support_world)

    assert ACTIVATION_CODE.fullmatch(str(persona["activation_code"]))


def test_a_persona_has_a_valid_email_and_a_luxembourg_mobile(support_world: World):
    persona = new_persona(support_world)

    assert contact.check_email(str(persona["email"])) == contact.ContactCheck(persona["email"])
    assert contact.check_mobile(str(persona["mobile"])) == contact.ContactCheck(persona["mobile"])
    assert str(persona["mobile"]).startswith("+352")


def test_a_persona_keeps_what_the_caller_fixed(support_world: World):
    persona = new_persona(
        support_world, kind="professional", first_name="Léa", last_name="Muller",
        birth_date="1985-03-07", email="Lea.Muller@Example.LU", mobile="691 123 456",
    )

    assert persona["kind"] == "professional"
    assert (persona["first_name"], persona["last_name"]) == ("Léa", "Muller")
    assert persona["birth_date"] == "1985-03-07"
    assert str(persona["matricule"]).startswith("19850307")
    # Given contacts come back in the same normal form the portal uses.
    assert persona["email"] == "Lea.Muller@example.lu"
    assert persona["mobile"] == "+352691123456"


def test_personas_born_the_same_day_get_different_matricules(support_world: World):
    numbers = {new_persona(support_world, birth_date="1970-01-01")["matricule"] for _ in range(5)}

    assert len(numbers) == 5


def test_every_persona_gets_its_own_activation_code(support_world: World):
    codes = {new_persona(support_world)["activation_code"] for _ in range(5)}

    assert len(codes) == 5


IMPOSSIBLE_PERSONAS = [
    {"kind": "robot"},
    {"birth_date": "07/03/1985"},
    {"birth_date": "2999-01-01"},
    {"email": "not an address"},
    {"mobile": "26 12 34 56"},
]

@pytest.mark.parametrize("fields", IMPOSSIBLE_PERSONAS)
def test_an_impossible_persona_is_refused_with_a_400(support_world: World, fields: dict):
    reply = json_request(support_url(support_world, "personas"), fields)

    assert reply.status == 400


@pytest.mark.parametrize("fields", IMPOSSIBLE_PERSONAS[:1])
def test_an_impossible_persona_is_refused_in_json(support_world: World, fields: dict):
    reply = json_request(support_url(support_world, "personas"), fields)

    assert reply.headers.get_content_type() == "application/json"
    assert reply.json() == {"error": "kind must be one of patient, professional", "status": 400}


@pytest.mark.parametrize("data", [b"{not json", b"[1, 2]", b'"text"'])
def test_a_persona_request_that_is_not_a_json_object_is_refused(support_world: World, data: bytes):
    reply = raw_request(support_url(support_world, "personas"), method="POST", data=data,
                        headers={"Content-Type": "application/json"})

    assert reply.status == 400


# Messages ----------------------------------------------------------------------------------------


def test_messages_are_listed_newest_first_with_their_code(
    support_world: World, visitor: Visitor, persona: dict
):
    mobile = str(persona["mobile"])
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, mobile)
    [first] = messages_to(support_world, mobile)

    assert resend_code(visitor).location == f"{WIZARD}/etape-3"
    listed = messages_to(support_world, mobile)

    assert len(listed) == 2
    assert listed[1] == first
    for message in listed:
        assert set(message) == MESSAGE_FIELDS
        assert message["to"] == mobile
        assert message["channel"] == "sms"
        assert re.fullmatch(r"\d{6}", str(message["code"]))
        assert str(message["code"]) in str(message["body"])
        dt.datetime.fromisoformat(str(message["sent_at"]))


def test_messages_are_found_however_the_number_is_written(
    support_world: World, visitor: Visitor, persona: dict
):
    mobile = str(persona["mobile"])
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, mobile)

    other_writing = "00352 " + mobile[4:7] + " " + mobile[7:10] + " " + mobile[10:]

    assert messages_to(support_world, other_writing) == messages_to(support_world, mobile)


def test_no_message_is_listed_for_a_recipient_nobody_wrote_to(support_world: World):
    assert messages_to(support_world, "nobody.ever@example.org") == []


# The clock ---------------------------------------------------------------------------------------


BAD_CLOCK_REQUESTS = [
    {"advance_seconds": -1},
    {"advance_seconds": -0.5},
    {"advance_seconds": "60"},
    {"advance_seconds": None},
    {},
    {"advance_seconds": 11 * 365 * 24 * 3600},
]


@pytest.mark.parametrize("payload", BAD_CLOCK_REQUESTS)
def test_a_bad_clock_request_is_refused_with_a_400(support_world: World, payload: dict):
    assert json_request(support_url(support_world, "clock"), payload).status == 400


def test_a_negative_clock_request_is_refused_in_json(support_world: World):
    reply = json_request(support_url(support_world, "clock"), {"advance_seconds": -1})

    assert reply.headers.get_content_type() == "application/json"
    assert reply.json() == {
        "error": "advance_seconds must be a number of seconds, 0 or more", "status": 400,
    }


def test_a_refused_clock_request_leaves_the_clock_alone(support_world: World):
    before = support_world.clock.now()

    json_request(support_url(support_world, "clock"), {"advance_seconds": -3600})

    assert support_world.clock.now() - before < dt.timedelta(minutes=1)


def test_advancing_the_clock_moves_the_world_forward(clock_world: World):
    before = clock_world.clock.now()

    reply = json_request(support_url(clock_world, "clock"), {"advance_seconds": 3600})

    assert reply.status == 200
    now = dt.datetime.fromisoformat(str(reply.json()["now"]))  # type: ignore[index]
    # The answer has whole seconds; the real time went on a little meanwhile.
    assert dt.timedelta(minutes=59) < now - before < dt.timedelta(minutes=61)


def test_advancing_by_zero_is_allowed(support_world: World):
    assert json_request(support_url(support_world, "clock"), {"advance_seconds": 0}).status == 200


# Without test support ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["_test/personas", "_test/messages?to=x", "_test/clock", "_test/"])
def test_the_interface_does_not_exist_without_test_support(bare_world: World, path: str):
    assert bare_world.urls is not None
    url = bare_world.urls.portal + path

    assert raw_request(url).status == 404
    assert json_request(url, {"kind": "patient", "advance_seconds": 60}).status == 404


def test_the_portal_itself_works_without_test_support(bare_world: World):
    assert bare_world.urls is not None

    assert raw_request(bare_world.urls.portal).status == 200
    assert raw_request(bare_world.urls.portal + "activation/patient").status == 200
