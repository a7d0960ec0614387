"""Anonymous traffic leaves no session rows behind, unless a form needs one for its CSRF token."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from raw_http import send_raw
from server_http import PASSWORD, SESSION_COOKIE, Visitor, activate, advance_clock, latest_code, new_persona
from web_client import raw_request

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World

# Pages without any form for a visitor who is not signed in, and what is not a page at all.
NO_FORM = ["/", "/connexion", "/actualites", "/nulle-part", "/static/portal.css"]


@pytest.fixture(scope="module")
def world() -> Iterator[World]:
    """A world of its own, so that no other test's visitors add rows while these count them."""
    running = World(WorldConfig(test_support=True, hashing=TEST_HASHING))
    running.start()
    yield running
    running.stop()


def _rows(world: World, table: str = "sessions", database: str = "portal.sqlite3") -> int:
    conn = sqlite3.connect(f"file:{world.data_dir / database}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def _portal(world: World) -> str:
    assert world.urls is not None
    return world.urls.portal


@pytest.mark.parametrize("path", NO_FORM)
def test_a_cookieless_get_of_a_page_without_a_form_stores_nothing(world: World, path: str):
    before = _rows(world)

    reply = raw_request(_portal(world) + path.lstrip("/"))

    assert _rows(world) == before, reply.status
    assert "Set-Cookie" not in reply.headers or SESSION_COOKIE not in reply.headers["Set-Cookie"]


def test_heads_and_refused_posts_store_nothing(world: World):
    before = _rows(world)

    send_raw(_portal(world), "HEAD", "/connexion/matricule", {})
    refused = raw_request(_portal(world) + "connexion/matricule", method="POST", data=b"matricule=1",
                          headers={"Content-Type": "application/x-www-form-urlencoded"})

    assert refused.status == 403
    assert _rows(world) == before


def test_a_form_keeps_its_session_and_its_csrf_protection(world: World):
    before = _rows(world)
    visitor = Visitor(_portal(world))

    visitor.get("/connexion/matricule")

    assert _rows(world) == before + 1
    assert visitor.session_cookie is not None
    refused = visitor.post("/connexion/matricule", {"matricule": "1", "password": "x"}, with_csrf=False)
    assert refused.status == 403


def test_signing_in_still_renews_the_session(world: World):
    persona = new_persona(world)
    activate(world, Visitor(_portal(world)), persona)
    visitor = Visitor(_portal(world))
    visitor.get("/connexion/matricule")
    assert visitor.session_cookie is not None
    anonymous = visitor.session_cookie.value

    visitor.post("/connexion/matricule", {"matricule": str(persona["matricule"]), "password": PASSWORD})
    reply = visitor.post("/connexion/code", {"code": latest_code(world, str(persona["mobile"]))})

    assert reply.location == "/mes-services"
    assert visitor.session_cookie is not None and visitor.session_cookie.value != anonymous
    assert visitor.get("/mes-services").status == 200


def test_myguichet_stores_nothing_for_a_head_an_error_or_a_file(world: World):
    assert world.urls is not None
    before = _rows(world, database="myguichet.sqlite3")

    send_raw(world.urls.myguichet, "HEAD", "/", {})
    raw_request(world.urls.myguichet + "nulle-part")
    raw_request(world.urls.myguichet + "static/myguichet.css")

    assert _rows(world, database="myguichet.sqlite3") == before


def test_sessions_idle_for_too_long_are_cleared_when_new_ones_are_stored(world: World):
    for _ in range(3):
        # « Veuillez vous connecter »: a message kept for the next page needs a session.
        assert raw_request(_portal(world) + "dsp").status == 303
    assert _rows(world) >= 3

    advance_clock(world, 31 * 60)
    Visitor(_portal(world)).get("/connexion/matricule")

    assert _rows(world) == 1
