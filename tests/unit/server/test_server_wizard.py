"""Tests of the activation wizard's path: the CGU first, no skipping by URL, nothing half-stored."""

from __future__ import annotations

import pytest
from server_http import (
    PASSWORD,
    WIZARD,
    Visitor,
    accept_cgu,
    activate,
    ask_for_sms_code,
    field_errors,
    latest_code,
    messages_to,
    new_persona,
    portal_db,
    reach_step_3,
    stored_bytes,
    submit_code,
    submit_one_time_code,
    submit_password,
)

from reference_server.world import World

CGU_REFUSED = "Veuillez accepter les Conditions Générales d'Utilisation pour activer votre compte."
CGU_FIRST = "Pour activer votre compte, acceptez d'abord les Conditions Générales d'Utilisation."


def account(world: World, number: object) -> dict[str, object] | None:
    """The stored account of a matricule, if there is one."""
    with portal_db(world) as conn:
        row = conn.execute("SELECT * FROM accounts WHERE matricule = ?", (str(number),)).fetchone()
    return dict(row) if row else None


# The CGU ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("fields", [{}, {"cgu_accepted": ""}, {"cgu_accepted": "on"}])
def test_the_cgu_must_be_ticked(visitor: Visitor, fields: dict):
    visitor.get(WIZARD)

    reply = visitor.post(WIZARD, fields)

    assert reply.status == 422
    assert CGU_REFUSED in reply.text
    assert visitor.get(f"{WIZARD}/etape-1").location == WIZARD


def test_a_step_opened_before_the_cgu_sends_back_to_them_with_a_reason(visitor: Visitor):
    reply = visitor.get(f"{WIZARD}/etape-1")

    assert reply.status == 303 and reply.location == WIZARD
    assert CGU_FIRST in visitor.get(WIZARD).text


def test_accepting_the_cgu_opens_step_1(visitor: Visitor):
    accept_cgu(visitor)

    reply = visitor.get(f"{WIZARD}/etape-1")

    assert reply.status == 200
    assert "Code d'activation" in reply.text


def test_the_cgu_pdf_can_be_downloaded(visitor: Visitor):
    reply = visitor.get("/activation/cgu.pdf")

    assert reply.status == 200
    assert reply.headers.get_content_type() == "application/pdf"
    assert reply.content.startswith(b"%PDF-")


# No skipping by URL --------------------------------------------------------------------------


@pytest.mark.parametrize("step", [2, 3, 4, 5, 6, 0])
def test_a_step_not_reached_redirects_to_step_1(visitor: Visitor, step: int):
    accept_cgu(visitor)

    reply = visitor.get(f"{WIZARD}/etape-{step}")

    assert reply.status == 303
    assert reply.location == f"{WIZARD}/etape-1"


def test_posting_to_a_step_not_reached_redirects_and_sends_nothing(
    support_world: World, visitor: Visitor, persona: dict
):
    accept_cgu(visitor)
    mobile = str(persona["mobile"])

    reply = ask_for_sms_code(visitor, mobile)

    assert reply.status == 303
    assert reply.location == f"{WIZARD}/etape-1"
    assert messages_to(support_world, mobile) == []


def test_a_password_cannot_be_posted_before_the_code(visitor: Visitor):
    accept_cgu(visitor)

    assert submit_password(visitor).location == f"{WIZARD}/etape-1"
    assert visitor.get(f"{WIZARD}/etape-3").location == f"{WIZARD}/etape-1"


def test_steps_passed_may_be_revisited_before_the_account_exists(visitor: Visitor, persona: dict):
    reach_step_3(visitor, persona)

    assert visitor.get(f"{WIZARD}/etape-1").status == 200
    assert visitor.get(f"{WIZARD}/etape-2").status == 200
    assert visitor.get(f"{WIZARD}/etape-3").status == 200
    assert visitor.get(f"{WIZARD}/etape-4").location == f"{WIZARD}/etape-3"


def test_the_steps_that_created_the_account_are_closed(
    support_world: World, visitor: Visitor, persona: dict
):
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    submit_one_time_code(visitor, latest_code(support_world, str(persona["mobile"])))

    for step in (1, 2, 3):
        assert visitor.get(f"{WIZARD}/etape-{step}").location == f"{WIZARD}/etape-4"
    assert submit_password(visitor).location == f"{WIZARD}/etape-4"


@pytest.mark.parametrize("step", [1, 2, 3, 4, 5])
def test_after_the_confirmation_every_step_leads_back_to_the_cgu(
    support_world: World, visitor: Visitor, persona: dict, step: int
):
    activate(support_world, visitor, persona)

    reply = visitor.get(f"{WIZARD}/etape-{step}")

    assert reply.status == 303
    assert reply.location == WIZARD


def test_after_the_confirmation_a_post_leads_back_to_the_cgu(
    support_world: World, visitor: Visitor, persona: dict
):
    activate(support_world, visitor, persona)

    assert submit_password(visitor).location == WIZARD


# What is stored ------------------------------------------------------------------------------


def test_an_activated_account_is_stored_with_its_channel(
    support_world: World, visitor: Visitor, persona: dict
):
    activate(support_world, visitor, persona)

    stored = account(support_world, persona["matricule"])

    assert stored is not None
    assert stored["otp_channel"] == "sms"
    assert stored["mobile"] == persona["mobile"]
    assert stored["email"] is None


def test_the_password_is_stored_as_an_argon2id_hash_only(
    support_world: World, visitor: Visitor, persona: dict
):
    activate(support_world, visitor, persona)

    stored = account(support_world, persona["matricule"])

    assert stored is not None
    assert str(stored["password_hash"]).startswith("$argon2id$")
    assert PASSWORD not in str(stored["password_hash"])
    # Nowhere in the files either: not in the session data, not in the write-ahead log.
    assert PASSWORD.encode() not in stored_bytes(support_world)


def test_a_wizard_abandoned_after_step_2_stores_no_account(
    support_world: World, visitor: Visitor, persona: dict
):
    reach_step_3(visitor, persona)

    assert account(support_world, persona["matricule"]) is None
    assert PASSWORD.encode() not in stored_bytes(support_world)


def test_a_wizard_abandoned_with_a_code_sent_stores_no_account(
    support_world: World, visitor: Visitor, persona: dict
):
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))

    assert account(support_world, persona["matricule"]) is None


def test_a_weak_password_is_refused_and_not_shown_again(visitor: Visitor, persona: dict):
    accept_cgu(visitor)
    submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))

    reply = visitor.post(f"{WIZARD}/etape-2",
                         {"password": "abc", "password_confirmation": "abd"})

    assert reply.status == 422
    assert field_errors(reply, "password") == [
        "Le mot de passe doit faire au minimum 8 caractères.",
        "Le mot de passe doit comprendre au moins un caractère numérique.",
    ]
    assert field_errors(reply, "password_confirmation") == [
        "La confirmation ne correspond pas au mot de passe saisi."
    ]
    assert 'value="abc"' not in reply.body
    assert visitor.get(f"{WIZARD}/etape-3").location == f"{WIZARD}/etape-2"


def test_changing_the_matricule_does_not_activate_someone_else_without_their_code(
    support_world: World, visitor: Visitor, persona: dict
):
    victim = new_persona(support_world)
    mobile = str(new_persona(support_world)["mobile"])
    reach_step_3(visitor, persona)

    # Back on step 1 with someone else's matricule, but without their activation code.
    visitor.post(f"{WIZARD}/etape-1", {"matricule": str(victim["matricule"]), "action": "matricule"})
    submit_password(visitor)
    ask_for_sms_code(visitor, mobile)
    for message in messages_to(support_world, mobile)[:1]:
        submit_one_time_code(visitor, str(message["code"]))

    assert account(support_world, victim["matricule"]) is None
