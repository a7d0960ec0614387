"""« Recevoir un nouveau code » at sign-in and in the account settings is capped per account."""

from __future__ import annotations

from account_http import (
    MEANS,
    SIGN_IN,
    SIGN_IN_CODE,
    activated,
    ask_fresh_code,
    signed_in,
    start_password_sign_in,
)
from server_http import Visitor, advance_clock, messages_to

from reference_server.config import WorldConfig
from reference_server.world import World

CAP = WorldConfig.max_codes_per_account
WINDOW = WorldConfig.codes_per_account_window.total_seconds()
TOO_MANY = "Trop de codes ont été demandés"


def resend(visitor: Visitor):
    """« Recevoir un nouveau code » on the sign-in's code page."""
    return visitor.post(SIGN_IN_CODE, {"action": "resend"})


def test_sign_in_resends_stop_at_the_cap_whatever_the_session(clock_world: World):
    persona = activated(clock_world)
    mobile = str(persona["mobile"])
    visitor = Visitor(clock_world.urls.portal)  # type: ignore[union-attr]
    assert start_password_sign_in(visitor, persona).location == SIGN_IN_CODE
    for _ in range(CAP - 1):
        assert resend(visitor).location == SIGN_IN_CODE

    refused = resend(visitor)

    assert refused.status == 422 and TOO_MANY in refused.text
    assert len(messages_to(clock_world, mobile)) == CAP
    # A new session, with the right password, gets no new code either.
    again = start_password_sign_in(Visitor(clock_world.urls.portal), persona)  # type: ignore[union-attr]
    assert again.status == 422 and TOO_MANY in again.text
    assert len(messages_to(clock_world, mobile)) == CAP

    # The window over (and the idle session with it), codes may be sent again.
    advance_clock(clock_world, WINDOW)
    later = Visitor(clock_world.urls.portal)  # type: ignore[union-attr]
    assert start_password_sign_in(later, persona).location == SIGN_IN_CODE
    assert len(messages_to(clock_world, mobile)) == CAP + 1


def test_step_up_codes_stop_at_the_cap_whatever_the_session(support_world: World):
    persona = activated(support_world)
    mobile = str(persona["mobile"])
    visitor = signed_in(support_world, persona)
    for _ in range(CAP):
        assert ask_fresh_code(visitor).location == MEANS

    refused = ask_fresh_code(visitor)
    other = ask_fresh_code(signed_in(support_world, persona))

    assert refused.status == 422 and TOO_MANY in refused.text
    assert other.status == 422 and TOO_MANY in other.text
    assert len(messages_to(support_world, mobile)) == CAP


def test_sign_in_and_step_up_share_the_account_cap(support_world: World):
    persona = activated(support_world)
    visitor = signed_in(support_world, persona)
    for _ in range(CAP):
        assert ask_fresh_code(visitor).location == MEANS

    refused = start_password_sign_in(Visitor(support_world.urls.portal), persona)  # type: ignore[union-attr]

    assert refused.status == 422 and TOO_MANY in refused.text


def test_a_wrong_password_says_nothing_of_the_cap(support_world: World):
    persona = activated(support_world)
    visitor = signed_in(support_world, persona)
    for _ in range(CAP):
        ask_fresh_code(visitor)
    browser = Visitor(support_world.urls.portal)  # type: ignore[union-attr]
    browser.get(SIGN_IN)

    reply = browser.post(SIGN_IN, {"matricule": str(persona["matricule"]), "password": "Autre2024x"})

    assert reply.status == 422 and TOO_MANY not in reply.text
    assert "Matricule ou mot de passe incorrect." in reply.text
