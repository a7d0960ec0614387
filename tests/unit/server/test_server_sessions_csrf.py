"""Tests of sessions and CSRF protection: tokens on every POST, cookie flags, hashed storage."""

from __future__ import annotations

import hashlib

import pytest
from server_http import (
    SESSION_COOKIE,
    WIZARD,
    Visitor,
    accept_cgu,
    field_errors,
    portal_db,
    stored_bytes,
    submit_code,
)
from web_client import raw_request

from reference_server.world import World

CSRF_REFUSAL = "Votre session a expiré ou la requête n'est pas valide."


def set_cookie_headers(visitor: Visitor, path: str = WIZARD) -> list[str]:
    """The Set-Cookie headers of a page, as the portal sends them."""
    return visitor.get(path).headers.get_all("Set-Cookie") or []


@pytest.mark.parametrize("token", [None, "", "forged-token"])
def test_a_post_without_the_right_token_is_refused(visitor: Visitor, token: str | None):
    visitor.get(WIZARD)
    fields = {"cgu_accepted": "oui"}
    if token is not None:
        fields["csrf_token"] = token

    reply = visitor.post(WIZARD, fields, with_csrf=token is not None)

    assert reply.status == 403
    assert CSRF_REFUSAL in reply.text
    # The wizard was not started: its first step still sends the visitor to the CGU.
    assert visitor.get(f"{WIZARD}/etape-1").location == WIZARD


def test_the_token_of_another_session_is_refused(support_world: World, visitor: Visitor):
    assert support_world.urls is not None
    other = Visitor(support_world.urls.portal)
    other.get(WIZARD)
    visitor.get(WIZARD)
    assert other.csrf_token != visitor.csrf_token

    reply = visitor.post(WIZARD, {"cgu_accepted": "oui", "csrf_token": other.csrf_token})

    assert reply.status == 403


def test_a_refused_post_changes_nothing(visitor: Visitor, persona: dict):
    accept_cgu(visitor)
    form = {"matricule": str(persona["matricule"]), "received": "oui", "action": "next"}

    # Wrong activation codes and the right one, all without a valid token.
    for code in ["AAAAA-AAAAA", "BBBBB-BBBBB", str(persona["activation_code"])]:
        reply = visitor.post(f"{WIZARD}/etape-1",
                             {**form, "activation_code": code, "csrf_token": "forged"})
        assert reply.status == 403

    # Neither the right code was accepted nor the wrong ones counted as attempts.
    assert visitor.get(f"{WIZARD}/etape-2").location == f"{WIZARD}/etape-1"
    reply = submit_code(visitor, str(persona["matricule"]), "CCCCC-CCCCC")
    assert field_errors(reply, "activation_code") == [
        "Le matricule ou le code d'activation est incorrect. Il vous reste 4 essai(s)."
    ]


def test_the_session_cookie_is_http_only_and_same_site_lax(visitor: Visitor):
    [header] = [h for h in set_cookie_headers(visitor) if h.startswith(f"{SESSION_COOKIE}=")]
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in header.split(";")}

    assert "httponly" in attributes
    assert attributes["samesite"].lower() == "samesite=lax"
    assert attributes["path"] == "Path=/"


def test_pages_with_a_session_are_not_cached(visitor: Visitor):
    assert visitor.get(WIZARD).headers.get("Cache-Control") == "no-store"


def test_the_session_cookie_keeps_its_value_across_requests(visitor: Visitor):
    visitor.get(WIZARD)
    cookie = visitor.session_cookie
    assert cookie is not None and cookie.value

    accept_cgu(visitor)
    visitor.get(f"{WIZARD}/etape-1")

    assert visitor.session_cookie is not None
    assert visitor.session_cookie.value == cookie.value


def test_a_session_token_chosen_by_the_visitor_is_not_adopted(support_world: World):
    assert support_world.urls is not None
    chosen = "attacker-chosen-session-token"

    reply = raw_request(support_world.urls.portal + WIZARD.lstrip("/"),
                        headers={"Cookie": f"{SESSION_COOKIE}={chosen}"})

    [header] = reply.headers.get_all("Set-Cookie") or []
    assert header.startswith(f"{SESSION_COOKIE}=")
    assert not header.startswith(f"{SESSION_COOKIE}={chosen}")


def test_the_session_token_is_stored_only_as_a_hash(support_world: World, visitor: Visitor):
    # The only test of this module reading the database: it checks the storage itself.
    accept_cgu(visitor)
    cookie = visitor.session_cookie
    assert cookie is not None and cookie.value
    token = cookie.value

    with portal_db(support_world) as conn:
        rows = conn.execute("SELECT id, data FROM sessions").fetchall()

    ids = {row["id"] for row in rows}
    assert hashlib.sha256(token.encode()).hexdigest() in ids
    assert all(len(i) == 64 and set(i) <= set("0123456789abcdef") for i in ids)
    assert not any(token in row["id"] or token in row["data"] for row in rows)
    assert token.encode() not in stored_bytes(support_world)
