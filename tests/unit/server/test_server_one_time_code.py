"""Tests of the one-time code on step 3: delivery, tries left, exhaustion, expiry, single use."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from server_http import (
    WIZARD,
    Visitor,
    advance_clock,
    ask_for_sms_code,
    field_errors,
    latest_code,
    messages_to,
    new_persona,
    other_code,
    portal_db,
    reach_step_3,
    resend_code,
    submit_one_time_code,
)
from web_client import raw_request

from reference_server.domain import contact
from reference_server.domain.contact import Channel
from reference_server.world import World

WRONG = "Le code saisi est incorrect. Il vous reste {} essai(s)."
EXHAUSTED = "Trop d'essais : ce code n'est plus valable. Demandez un nouveau code."
EXPIRED = "Ce code a expiré. Demandez un nouveau code."
NO_LONGER_VALID = "Ce code n'est plus valable. Demandez un nouveau code."
USED_LETTER = "Ce code d'activation a déjà été utilisé."
TOO_MANY_CODES = (
    "Trop de codes ont été demandés. "
    "Contactez notre helpdesk au (+352) 27 12 50 18 33 ou par mail (helpdesk@esante.lu)."
)


def code_errors(visitor: Visitor, code: str) -> list[str]:
    """Type a one-time code that should be refused and return the messages shown."""
    reply = submit_one_time_code(visitor, code)
    assert reply.status == 422, reply.status
    return field_errors(reply, "code")


def accounts_of(world: World, number: object) -> int:
    """How many accounts the portal stored for a matricule."""
    with portal_db(world) as conn:
        return conn.execute(
            "SELECT COUNT(*) FROM accounts WHERE matricule = ?", (str(number),)
        ).fetchone()[0]


@pytest.fixture
def at_step_3(visitor: Visitor, persona: dict) -> Visitor:
    """A visitor on step 3 for the persona, a code just sent to the persona's mobile."""
    reach_step_3(visitor, persona)
    assert ask_for_sms_code(visitor, str(persona["mobile"])).location == f"{WIZARD}/etape-3"
    return visitor


# Delivery ------------------------------------------------------------------------------------


def test_the_code_goes_through_the_gateway_by_sms(
    support_world: World, at_step_3: Visitor, persona: dict
):
    [message] = messages_to(support_world, str(persona["mobile"]))

    assert message["channel"] == "sms"
    assert len(str(message["code"])) == 6
    assert f"votre code à usage unique est {message['code']}" in str(message["body"])


def test_the_code_is_on_the_gateway_outbox_page(
    support_world: World, at_step_3: Visitor, persona: dict
):
    assert support_world.urls is not None
    mobile = str(persona["mobile"])
    code = latest_code(support_world, mobile)

    page = raw_request(support_world.urls.messaging + "?" + urlencode({"to": mobile}))

    assert page.status == 200
    assert code in page.text
    assert mobile in page.text


def test_step_3_shows_where_the_code_went_without_the_whole_number(
    at_step_3: Visitor, persona: dict
):
    page = at_step_3.get(f"{WIZARD}/etape-3")

    assert contact.mask(Channel.SMS, str(persona["mobile"])) in page.text
    assert str(persona["mobile"]) not in page.text


def test_the_code_can_go_by_email(support_world: World, visitor: Visitor, persona: dict):
    reach_step_3(visitor, persona)
    email = str(persona["email"])

    reply = visitor.post(f"{WIZARD}/etape-3", {"channel": "email", "email": email,
                                                "action": "send"})

    assert reply.location == f"{WIZARD}/etape-3"
    [message] = messages_to(support_world, email)
    assert message["channel"] == "email"
    assert submit_one_time_code(visitor, str(message["code"])).location == f"{WIZARD}/etape-4"


def test_a_landline_is_refused_and_nothing_is_sent(support_world: World, visitor: Visitor,
                                                   persona: dict):
    reach_step_3(visitor, persona)

    reply = ask_for_sms_code(visitor, "26 12 34 56")

    assert reply.status == 422
    assert field_errors(reply, "mobile") == [
        "Ce numéro de téléphone portable n'est pas valide (ex. 691 123 456)."
    ]
    assert messages_to(support_world, "26 12 34 56") == []


def test_the_code_typed_with_spaces_is_accepted(
    support_world: World, at_step_3: Visitor, persona: dict
):
    code = latest_code(support_world, str(persona["mobile"]))

    reply = submit_one_time_code(at_step_3, f"{code[:3]} {code[3:]}")

    assert reply.location == f"{WIZARD}/etape-4"


# Wrong codes -------------------------------------------------------------------------------


def test_a_wrong_code_says_how_many_tries_are_left(
    support_world: World, at_step_3: Visitor, persona: dict
):
    wrong = other_code(latest_code(support_world, str(persona["mobile"])))

    assert code_errors(at_step_3, wrong) == [WRONG.format(4)]
    assert code_errors(at_step_3, wrong) == [WRONG.format(3)]


def test_five_wrong_codes_make_the_code_unusable(
    support_world: World, at_step_3: Visitor, persona: dict
):
    code = latest_code(support_world, str(persona["mobile"]))
    for left in (4, 3, 2, 1):
        assert code_errors(at_step_3, other_code(code)) == [WRONG.format(left)]

    assert code_errors(at_step_3, other_code(code)) == [EXHAUSTED]
    assert code_errors(at_step_3, code) == [EXHAUSTED]
    assert accounts_of(support_world, persona["matricule"]) == 0
    assert at_step_3.get(f"{WIZARD}/etape-4").location == f"{WIZARD}/etape-3"


def test_a_new_code_can_be_asked_for_after_too_many_tries(
    support_world: World, at_step_3: Visitor, persona: dict
):
    code = latest_code(support_world, str(persona["mobile"]))
    for _ in range(5):
        code_errors(at_step_3, other_code(code))

    resend_code(at_step_3)

    fresh = latest_code(support_world, str(persona["mobile"]))
    assert submit_one_time_code(at_step_3, fresh).location == f"{WIZARD}/etape-4"


def test_the_number_of_codes_sent_by_one_wizard_is_limited(
    support_world: World, at_step_3: Visitor, persona: dict
):
    for _ in range(9):  # ten codes in all, counting the first one
        assert resend_code(at_step_3).location == f"{WIZARD}/etape-3"

    reply = resend_code(at_step_3)

    assert reply.status == 422
    [message] = field_errors(reply, "code")
    assert message.startswith("Trop de codes ont été demandés.")
    assert len(messages_to(support_world, str(persona["mobile"]))) == 10


def test_a_new_wizard_for_the_same_letter_gets_no_more_codes(
    support_world: World, at_step_3: Visitor, persona: dict
):
    for _ in range(9):  # ten codes in all, counting the first one
        assert resend_code(at_step_3).location == f"{WIZARD}/etape-3"
    another_mobile = str(new_persona(support_world)["mobile"])

    # Whoever holds the letter starts a new wizard, in a new session, towards another number.
    assert support_world.urls is not None
    again = Visitor(support_world.urls.portal)
    reach_step_3(again, persona)
    reply = ask_for_sms_code(again, another_mobile)

    assert reply.status == 422
    assert field_errors(reply, "channel") == [TOO_MANY_CODES]
    assert messages_to(support_world, another_mobile) == []
    assert len(messages_to(support_world, str(persona["mobile"]))) == 10


# Single use --------------------------------------------------------------------------------


def test_an_accepted_code_cannot_be_replayed(
    support_world: World, at_step_3: Visitor, persona: dict
):
    code = latest_code(support_world, str(persona["mobile"]))
    assert submit_one_time_code(at_step_3, code).location == f"{WIZARD}/etape-4"

    # The step that accepted it is closed now.
    assert submit_one_time_code(at_step_3, code).location == f"{WIZARD}/etape-4"
    assert accounts_of(support_world, persona["matricule"]) == 1


def test_a_code_accepted_once_is_refused_the_second_time(support_world: World, persona: dict):
    # Two wizards for the same letter: the second code is accepted, but the account exists
    # already, so that wizard stays on step 3 where its code can be typed again.
    assert support_world.urls is not None
    first, second = Visitor(support_world.urls.portal), Visitor(support_world.urls.portal)
    reach_step_3(first, persona)
    reach_step_3(second, persona)
    second_mobile = new_persona(support_world)["mobile"]
    ask_for_sms_code(first, str(persona["mobile"]))
    ask_for_sms_code(second, str(second_mobile))
    assert submit_one_time_code(
        first, latest_code(support_world, str(persona["mobile"]))
    ).location == f"{WIZARD}/etape-4"
    code = latest_code(support_world, str(second_mobile))

    assert code_errors(second, code)[0].startswith(USED_LETTER)
    assert code_errors(second, code) == [NO_LONGER_VALID]
    assert accounts_of(support_world, persona["matricule"]) == 1


def test_a_code_belongs_to_the_session_that_asked_for_it(
    support_world: World, at_step_3: Visitor, persona: dict
):
    assert support_world.urls is not None
    code = latest_code(support_world, str(persona["mobile"]))
    intruder = Visitor(support_world.urls.portal)
    reach_step_3(intruder, persona)
    ask_for_sms_code(intruder, str(new_persona(support_world)["mobile"]))

    assert code_errors(intruder, code) == [WRONG.format(4)]


# Expiry: these tests move the clock of their own world --------------------------------------


def test_a_code_has_expired_after_11_minutes(clock_world: World):
    assert clock_world.urls is not None
    persona = new_persona(clock_world)
    visitor = Visitor(clock_world.urls.portal)
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    code = latest_code(clock_world, str(persona["mobile"]))

    advance_clock(clock_world, 11 * 60)

    assert code_errors(visitor, code) == [EXPIRED]


def test_a_new_code_works_after_expiry_and_the_old_one_does_not(clock_world: World):
    assert clock_world.urls is not None
    persona = new_persona(clock_world)
    mobile = str(persona["mobile"])
    visitor = Visitor(clock_world.urls.portal)
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, mobile)
    old = latest_code(clock_world, mobile)
    advance_clock(clock_world, 11 * 60)
    assert code_errors(visitor, old) == [EXPIRED]

    # Two codes out of a million are rarely equal; when they are, ask once more.
    for _ in range(3):
        assert resend_code(visitor).location == f"{WIZARD}/etape-3"
        fresh = latest_code(clock_world, mobile)
        if fresh != old:
            break

    assert "Un nouveau code vous a été envoyé." in visitor.get(f"{WIZARD}/etape-3").text
    assert code_errors(visitor, old) == [WRONG.format(4)]
    assert submit_one_time_code(visitor, fresh).location == f"{WIZARD}/etape-4"
    assert accounts_of(clock_world, persona["matricule"]) == 1
