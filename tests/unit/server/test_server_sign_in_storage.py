"""A failed sign-in stores nothing for what cannot be a matricule, and answers it like any other."""

from __future__ import annotations

import datetime as dt

from account_http import SIGN_IN
from server_http import Visitor, advance_clock, field_errors, portal_db

from reference_server.config import WorldConfig
from reference_server.domain import matricule
from reference_server.world import World

WRONG = "Matricule ou mot de passe incorrect."
THROTTLE = WorldConfig.sign_in_throttle_delay.total_seconds() + 1


def try_sign_in(world: World, typed: str, password: str = "Autre2024x"):
    """One sign-in attempt from a new browser."""
    visitor = Visitor(world.urls.portal)  # type: ignore[union-attr]
    visitor.get(SIGN_IN)
    return visitor.post(SIGN_IN, {"matricule": typed, "password": password})


def stored_keys(world: World) -> list[str]:
    """The matricules the sign-in guard keeps a count for."""
    with portal_db(world) as conn:
        return [row[0] for row in conn.execute("SELECT matricule FROM sign_in_attempts")]


def unknown_matricule(day: int) -> str:
    """A well-formed matricule that the register surely does not hold."""
    return matricule.make(dt.date(1901, 1, day), 999)


def test_a_huge_typed_matricule_is_not_stored(support_world: World):
    huge = "9" * 60_000

    reply = try_sign_in(support_world, huge)

    assert reply.status == 422 and field_errors(reply, "password") == [WRONG]
    assert all(len(key) <= 13 for key in stored_keys(support_world))
    assert huge.encode()[:1000] not in b"".join(
        p.read_bytes() for p in support_world.data_dir.glob("portal.sqlite3*"))


def test_an_impossible_matricule_gets_the_same_answer_as_an_unknown_one(support_world: World):
    impossible = try_sign_in(support_world, "pas-un-matricule")
    unknown = try_sign_in(support_world, unknown_matricule(2))

    assert impossible.status == unknown.status == 422
    assert field_errors(impossible, "password") == field_errors(unknown, "password") == [WRONG]
    assert matricule.clean("pas-un-matricule") not in stored_keys(support_world)


def test_an_unknown_but_possible_matricule_still_locks(clock_world: World):
    number = unknown_matricule(3)
    for attempt in range(5):
        reply = try_sign_in(clock_world, number)
        if attempt >= 2:
            advance_clock(clock_world, THROTTLE)

    assert "votre compte est bloqué" in " ".join(field_errors(reply, "password"))
    assert number in stored_keys(clock_world)
