"""LuxTrust down before its discovery document was first read: « Connexion » says so, in French."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from outage import Outage
from server_http import Visitor

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.portal.luxtrust_login import LUXTRUST_UNAVAILABLE
from reference_server.world import World


@pytest.fixture(scope="module")
def fresh_world() -> Iterator[World]:
    """A world of its own, whose portal has not yet read LuxTrust's discovery document."""
    world = World(WorldConfig(test_support=True, hashing=TEST_HASHING))
    world.start()
    yield world
    world.stop()


@pytest.mark.parametrize("purpose, page", [("connexion-patient", "/patient"),
                                           ("connexion-professionnel", "/professionnel")])
def test_connexion_shows_a_french_message_while_luxtrust_is_down(fresh_world: World, purpose: str,
                                                                  page: str):
    luxtrust = Outage(fresh_world, "luxtrust")
    visitor = Visitor(fresh_world.urls.portal)  # type: ignore[union-attr]
    assert visitor.get(page).status == 200
    luxtrust.down()
    try:
        reply = visitor.post("/luxtrust/connexion", {"purpose": purpose})
        shown = visitor.get(page)
    finally:
        luxtrust.up()

    assert reply.status == 303 and reply.location == page
    assert shown.status == 200 and LUXTRUST_UNAVAILABLE in shown.text


def test_connexion_works_once_luxtrust_is_back(fresh_world: World):
    luxtrust = Outage(fresh_world, "luxtrust")
    visitor = Visitor(fresh_world.urls.portal)  # type: ignore[union-attr]
    visitor.get("/patient")
    luxtrust.down()
    try:
        assert visitor.post("/luxtrust/connexion", {"purpose": "connexion-patient"}).location == "/patient"
    finally:
        luxtrust.up()

    reply = visitor.post("/luxtrust/connexion", {"purpose": "connexion-patient"})

    assert reply.status == 303 and str(reply.target).startswith(fresh_world.urls.luxtrust)  # type: ignore[union-attr]
