"""Tests of the activation code on step 1: tries left, locking, no enumeration, reuse, expiry."""

from __future__ import annotations

import datetime as dt
import itertools

from server_http import (
    WIZARD,
    Visitor,
    accept_cgu,
    activate,
    advance_clock,
    field_errors,
    new_persona,
    submit_code,
)

from reference_server.domain import matricule
from reference_server.world import World

HELPDESK_PHONE = "(+352) 27 12 50 18 33"
WRONG = "Le matricule ou le code d'activation est incorrect. Il vous reste {} essai(s)."
LOCKED = "Trop d'essais infructueux : l'activation de ce compte est bloquée."
USED = "Ce code d'activation a déjà été utilisé."
EXPIRED = "Ce code d'activation a expiré."
# A code of the right shape that no letter carries: the alphabet has no letter O.
NOT_THE_CODE = "OOOOO-OOOOO"
DAY = 24 * 3600
# Each unknown matricule is new, so attempts counted for one never affect another test.
UNKNOWN_SEQUENCES = itertools.count()


def code_errors(visitor: Visitor, persona: dict, code: str) -> list[str]:
    """Submit step 1 with a code and return the messages shown under the code field."""
    reply = submit_code(visitor, str(persona["matricule"]), code)
    assert reply.status == 422, reply.status
    return field_errors(reply, "activation_code")


def unknown_matricule() -> str:
    """A valid matricule of a birth date no persona of these tests has."""
    return matricule.make(dt.date(1906, 6, 6), next(UNKNOWN_SEQUENCES))


def test_the_right_code_opens_step_2(visitor: Visitor, persona: dict):
    accept_cgu(visitor)

    reply = submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))

    assert reply.status == 303
    assert reply.location == f"{WIZARD}/etape-2"


def test_the_code_may_be_typed_in_lower_case_without_the_dash(visitor: Visitor, persona: dict):
    accept_cgu(visitor)
    typed = str(persona["activation_code"]).lower().replace("-", " ")

    assert submit_code(visitor, str(persona["matricule"]), typed).location == f"{WIZARD}/etape-2"


def test_a_wrong_code_says_how_many_tries_are_left(visitor: Visitor, persona: dict):
    accept_cgu(visitor)

    assert code_errors(visitor, persona, NOT_THE_CODE) == [WRONG.format(4)]
    assert code_errors(visitor, persona, NOT_THE_CODE) == [WRONG.format(3)]
    assert visitor.get(f"{WIZARD}/etape-2").location == f"{WIZARD}/etape-1"


def test_five_wrong_codes_lock_the_activation(visitor: Visitor, persona: dict):
    accept_cgu(visitor)
    for left in (4, 3, 2, 1):
        assert code_errors(visitor, persona, NOT_THE_CODE) == [WRONG.format(left)]

    [message] = code_errors(visitor, persona, NOT_THE_CODE)

    assert message.startswith(LOCKED)
    assert HELPDESK_PHONE in message


def test_a_locked_activation_refuses_even_the_right_code(
    support_world: World, visitor: Visitor, persona: dict
):
    accept_cgu(visitor)
    for _ in range(5):
        code_errors(visitor, persona, NOT_THE_CODE)

    [message] = code_errors(visitor, persona, str(persona["activation_code"]))

    assert message.startswith(LOCKED)
    assert HELPDESK_PHONE in message
    assert visitor.get(f"{WIZARD}/etape-2").location == f"{WIZARD}/etape-1"
    # The lock belongs to the matricule, not to the session: a new wizard is locked too.
    assert support_world.urls is not None
    again = Visitor(support_world.urls.portal)
    accept_cgu(again)
    assert code_errors(again, persona, str(persona["activation_code"]))[0].startswith(LOCKED)


def test_an_unknown_matricule_gets_the_same_answer_as_a_wrong_code(
    support_world: World, visitor: Visitor, persona: dict
):
    assert support_world.urls is not None
    accept_cgu(visitor)
    known = submit_code(visitor, str(persona["matricule"]), NOT_THE_CODE)
    stranger = Visitor(support_world.urls.portal)
    accept_cgu(stranger)

    unknown = submit_code(stranger, unknown_matricule(), NOT_THE_CODE)

    assert unknown.status == known.status == 422
    assert field_errors(unknown, "activation_code") == field_errors(known, "activation_code")
    assert field_errors(unknown, "activation_code") == [WRONG.format(4)]


def test_an_unknown_matricule_is_locked_like_a_known_one(visitor: Visitor):
    accept_cgu(visitor)
    stranger = {"matricule": unknown_matricule()}
    for left in (4, 3, 2, 1):
        assert code_errors(visitor, stranger, NOT_THE_CODE) == [WRONG.format(left)]

    assert code_errors(visitor, stranger, NOT_THE_CODE)[0].startswith(LOCKED)


def test_an_invalid_matricule_is_refused_before_any_code_is_checked(
    visitor: Visitor, persona: dict
):
    accept_cgu(visitor)
    wrong_digit = str(persona["matricule"])[:12] + str((int(str(persona["matricule"])[12]) + 1) % 10)

    reply = submit_code(visitor, wrong_digit, str(persona["activation_code"]))

    assert reply.status == 422
    assert field_errors(reply, "matricule") == [
        "Le matricule n'est pas valide : vérifiez les chiffres saisis."
    ]
    # It cost no try on the real matricule.
    assert code_errors(visitor, persona, NOT_THE_CODE) == [WRONG.format(4)]


def test_a_code_used_for_a_full_activation_is_refused_afterwards(
    support_world: World, visitor: Visitor, persona: dict
):
    activate(support_world, visitor, persona)
    assert support_world.urls is not None
    again = Visitor(support_world.urls.portal)
    accept_cgu(again)

    [message] = code_errors(again, persona, str(persona["activation_code"]))

    assert message.startswith(USED)
    assert HELPDESK_PHONE in message


def test_the_code_is_asked_for_when_left_empty(visitor: Visitor, persona: dict):
    accept_cgu(visitor)

    assert code_errors(visitor, persona, "") == ["Veuillez saisir votre code d'activation."]


def test_a_matricule_in_full_width_digits_gets_an_error_message(visitor: Visitor):
    accept_cgu(visitor)
    full_width = "".join(chr(ord(d) + 0xFEE0) for d in "1918090138700")

    reply = visitor.post(f"{WIZARD}/etape-1", {"matricule": full_width, "action": "matricule"})

    assert reply.status in (200, 422)


# Expiry: these tests move the clock of their own world --------------------------------------


def test_a_code_still_works_on_its_89th_day(clock_world: World):
    assert clock_world.urls is not None
    persona = new_persona(clock_world)
    advance_clock(clock_world, 89 * DAY)
    # The session of any earlier wizard has timed out: a new visit starts from the CGU.
    visitor = Visitor(clock_world.urls.portal)
    accept_cgu(visitor)

    reply = submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))

    assert reply.location == f"{WIZARD}/etape-2"


def test_a_code_has_expired_after_91_days(clock_world: World):
    assert clock_world.urls is not None
    persona = new_persona(clock_world)
    advance_clock(clock_world, 91 * DAY)
    visitor = Visitor(clock_world.urls.portal)
    accept_cgu(visitor)

    [message] = code_errors(visitor, persona, str(persona["activation_code"]))

    assert message.startswith(EXPIRED)
    assert HELPDESK_PHONE in message
    assert visitor.get(f"{WIZARD}/etape-2").location == f"{WIZARD}/etape-1"


def test_a_wizard_idle_for_more_than_30_minutes_starts_again_from_the_cgu(clock_world: World):
    assert clock_world.urls is not None
    persona = new_persona(clock_world)
    visitor = Visitor(clock_world.urls.portal)
    accept_cgu(visitor)
    submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))
    assert visitor.get(f"{WIZARD}/etape-2").status == 200

    advance_clock(clock_world, 31 * 60)

    assert visitor.get(f"{WIZARD}/etape-2").location == WIZARD
