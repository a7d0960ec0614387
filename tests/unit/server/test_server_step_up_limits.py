"""Wrong one-time codes count per account, across codes: a new code buys no new guesses."""

from __future__ import annotations

from account_http import (
    MEANS,
    SIGN_IN_CODE,
    activated,
    ask_fresh_code,
    confirm_fresh_code,
    signed_in,
    start_password_sign_in,
)
from server_http import Visitor, advance_clock, field_errors, latest_code, other_code

from reference_server.config import WorldConfig
from reference_server.world import World

THROTTLE = WorldConfig.sign_in_throttle_delay.total_seconds() + 1
LOCK = WorldConfig.sign_in_lock.total_seconds()
LOCKED = "votre compte est bloqué"
WAIT = "Veuillez patienter"


def guess(visitor: Visitor, code: str) -> str:
    """Type a confirmation code; the messages shown under the field."""
    reply = confirm_fresh_code(visitor, code)
    assert reply.status == 422, (reply.status, reply.location)
    return " ".join(field_errors(reply, "code"))


def test_step_up_failures_count_across_new_codes(clock_world: World):
    persona = activated(clock_world)
    mobile = str(persona["mobile"])
    visitor = signed_in(clock_world, persona)
    assert ask_fresh_code(visitor).location == MEANS
    first = latest_code(clock_world, mobile)
    for _ in range(3):
        assert "incorrect" in guess(visitor, other_code(first))

    # A new code, in the same session, does not reset the account's count.
    assert ask_fresh_code(visitor).location == MEANS
    second = latest_code(clock_world, mobile)

    assert WAIT in guess(visitor, other_code(second))


def test_step_up_locks_the_account_and_a_right_code_waits_for_the_end(clock_world: World):
    persona = activated(clock_world)
    mobile = str(persona["mobile"])
    visitor = signed_in(clock_world, persona)
    for _ in range(5):
        # Each guess on a new code, after the throttle's wait: the count still reaches the limit.
        assert ask_fresh_code(visitor).location == MEANS
        shown = guess(visitor, other_code(latest_code(clock_world, mobile)))
        advance_clock(clock_world, THROTTLE)
    assert LOCKED in shown

    right = latest_code(clock_world, mobile)
    assert LOCKED in guess(visitor, right)
    assert LOCKED in ask_fresh_code(visitor).text

    # Another session gets no new guesses either: the count is the account's.
    other = signed_in(clock_world, persona)
    assert LOCKED in ask_fresh_code(other).text

    advance_clock(clock_world, LOCK)
    assert ask_fresh_code(visitor).location == MEANS
    assert confirm_fresh_code(visitor, latest_code(clock_world, mobile)).location == MEANS


def test_a_right_step_up_code_resets_the_count(clock_world: World):
    persona = activated(clock_world)
    mobile = str(persona["mobile"])
    visitor = signed_in(clock_world, persona)
    assert ask_fresh_code(visitor).location == MEANS
    for _ in range(2):
        guess(visitor, other_code(latest_code(clock_world, mobile)))
    assert confirm_fresh_code(visitor, latest_code(clock_world, mobile)).location == MEANS

    visitor2 = signed_in(clock_world, persona)
    assert ask_fresh_code(visitor2).location == MEANS
    code = latest_code(clock_world, mobile)
    for _ in range(3):
        assert "incorrect" in guess(visitor2, other_code(code))


def test_sign_in_code_failures_count_across_resent_codes(clock_world: World):
    persona = activated(clock_world)
    mobile = str(persona["mobile"])
    visitor = Visitor(clock_world.urls.portal)  # type: ignore[union-attr]
    assert start_password_sign_in(visitor, persona).location == SIGN_IN_CODE
    for _ in range(3):
        visitor.post(SIGN_IN_CODE, {"code": other_code(latest_code(clock_world, mobile)), "action": "verify"})
    assert visitor.post(SIGN_IN_CODE, {"action": "resend"}).location == SIGN_IN_CODE

    reply = visitor.post(SIGN_IN_CODE, {"code": other_code(latest_code(clock_world, mobile)),
                                        "action": "verify"})

    assert WAIT in " ".join(field_errors(reply, "code"))
    assert reply.status == 422
