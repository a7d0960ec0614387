"""Helpers for the tests of signed-in pages: accounts and sessions from the test-support shortcuts."""

from __future__ import annotations

from http.cookiejar import Cookie

from server_http import PASSWORD, SESSION_COOKIE, Visitor, latest_code, new_persona
from web_client import Reply, json_request

from reference_server.world import World

MEANS = "/mon-compte/moyens-d-authentification"
SIGN_IN = "/connexion/matricule"
SIGN_IN_CODE = "/connexion/code"


def activated(world: World, persona: dict[str, object] | None = None, **how: object) -> dict[str, object]:
    """A patient, new unless given, whose account the shortcut activated, with the tests' password."""
    assert world.urls is not None
    persona = persona or new_persona(world)
    reply = json_request(world.urls.test_support + "accounts",
                         {"matricule": persona["matricule"], "password": PASSWORD, **how})
    assert reply.status == 201, reply.body
    return persona


def signed_in(world: World, persona: dict[str, object]) -> Visitor:
    """A browser holding a session the shortcut opened for the persona."""
    assert world.urls is not None
    reply = json_request(world.urls.test_support + "sessions", {"matricule": persona["matricule"]})
    assert reply.status == 201, reply.body
    (cookie,) = reply.json()["cookies"]  # type: ignore[index]
    assert cookie["name"] == SESSION_COOKIE
    visitor = Visitor(world.urls.portal)
    visitor.jar.set_cookie(Cookie(0, cookie["name"], cookie["value"], None, False, "127.0.0.1", False,
                                  False, "/", True, False, None, True, None, None, {"HttpOnly": ""}))
    assert visitor.get(MEANS).status == 200
    return visitor


def ask_fresh_code(visitor: Visitor) -> Reply:
    """« Recevoir un code de confirmation » on « Moyens d'authentification »."""
    return visitor.post(f"{MEANS}/code", {})


def confirm_fresh_code(visitor: Visitor, code: str) -> Reply:
    """Type the confirmation code and « Confirmer »."""
    return visitor.post(f"{MEANS}/code/confirmer", {"code": code})


def fresh_session(world: World, persona: dict[str, object]) -> Visitor:
    """A signed-in browser that has just confirmed its identity with a one-time code."""
    visitor = signed_in(world, persona)
    assert ask_fresh_code(visitor).location == MEANS
    reply = confirm_fresh_code(visitor, latest_code(world, str(persona["mobile"])))
    assert reply.location == MEANS, reply.text
    return visitor


def start_password_sign_in(visitor: Visitor, persona: dict[str, object]) -> Reply:
    """« Matricule & Mot de passe » with the right password, which sends a code."""
    visitor.get(SIGN_IN)
    return visitor.post(SIGN_IN, {"matricule": str(persona["matricule"]), "password": PASSWORD})
