"""Tests of signing in with LuxTrust over HTTP: what works end to end, and what the portal refuses."""

from __future__ import annotations

from luxtrust_flow import (
    RETURN_PATH,
    Token,
    activate_patient_with_token,
    activate_professional,
    leave_for_luxtrust,
    portal_return_url,
    query_of,
    token_of,
    with_query,
)
from server_http import SESSION_COOKIE, Visitor, new_persona
from web_client import raw_request

from reference_server.world import World

NOT_VERIFIED = "La connexion LuxTrust n'a pas pu être vérifiée. Veuillez réessayer."
NONE_PENDING = "Aucune connexion LuxTrust n'est en cours. Veuillez recommencer."
CANCELLED = "La connexion LuxTrust a été annulée."
NOT_COMPLETED = "La connexion LuxTrust n'a pas abouti. Veuillez réessayer."
NOT_ASSOCIATED = "Ce produit LuxTrust n'est associé à aucun compte eSanté."
SIGN_IN_FIRST = "Veuillez vous connecter pour accéder à vos services eSanté."
CSRF_REFUSAL = "Votre session a expiré ou la requête n'est pas valide."
MY_SERVICES = "<h1>Mes services eSanté</h1>"


def portal(world: World) -> str:
    """The portal's base URL."""
    assert world.urls is not None
    return world.urls.portal


def cookie_value(visitor: Visitor) -> str:
    """The value of the visitor's portal session cookie."""
    cookie = visitor.session_cookie
    assert cookie is not None and cookie.value, "the portal set no session cookie"
    return cookie.value


def assert_signed_out(visitor: Visitor) -> None:
    """« Mes services eSanté » sends the visitor to the sign-in choice instead of showing."""
    reply = visitor.get("/mes-services")
    assert reply.status == 303 and reply.location == "/connexion", reply.status


def activated_patient(world: World) -> tuple[dict[str, object], Token]:
    """A patient whose account is activated with a Token associated, in a browser now closed."""
    persona = new_persona(world, kind="patient", luxtrust=["token"])
    token = activate_patient_with_token(world, Visitor(portal(world)), persona)
    return persona, token


def tampered(value: str) -> str:
    """The same text with its last character changed, as an attacker guessing a value would."""
    return value[:-1] + ("A" if value[-1] != "A" else "B")


# Signing in end to end -------------------------------------------------------------------------


def test_a_patient_signs_in_with_the_token_associated_in_the_wizard_and_signs_out(
    support_world: World,
) -> None:
    persona = new_persona(support_world, kind="patient", luxtrust=["token"])
    visitor = Visitor(portal(support_world))
    token = activate_patient_with_token(support_world, visitor, persona)
    back = portal_return_url(visitor, "connexion-patient", token)
    before = cookie_value(visitor)

    reply = visitor.get(back)

    assert reply.status == 303 and reply.location == "/mes-services", reply.text
    after = cookie_value(visitor)
    # A new session id at sign-in: a cookie planted before it (session fixation) gains nothing.
    assert after != before
    page = visitor.get("/mes-services")
    assert page.status == 200
    assert MY_SERVICES in page.body
    assert f"{persona['first_name']} {persona['last_name']}" in page.text
    assert f"Token {token.serial}" in page.text
    assert raw_request(portal(support_world) + "mes-services",
                       headers={"Cookie": f"{SESSION_COOKIE}={before}"}).location == "/connexion"

    reply = visitor.post("/deconnexion", {})

    assert reply.status == 303 and reply.location == "/"
    assert "Vous êtes déconnecté." in visitor.get("/").text
    assert_signed_out(visitor)
    old_cookie = raw_request(portal(support_world) + "mes-services",
                             headers={"Cookie": f"{SESSION_COOKIE}={after}"})
    assert old_cookie.status == 303 and old_cookie.location == "/connexion"


def test_a_professional_activated_with_a_token_signs_in_with_it(support_world: World) -> None:
    persona = new_persona(support_world, kind="professional", luxtrust=["token"])
    visitor = Visitor(portal(support_world))
    token = activate_professional(support_world, visitor, persona)
    before = cookie_value(visitor)

    reply = visitor.get(portal_return_url(visitor, "connexion-professionnel", token))

    assert reply.status == 303 and reply.location == "/mes-services", reply.text
    assert cookie_value(visitor) != before
    page = visitor.get("/mes-services")
    assert MY_SERVICES in page.body
    assert "Remboursement accéléré des mémoires d'honoraires" in page.text
    assert f"Token {token.serial}" in page.text


# Returns the portal must refuse -----------------------------------------------------------------


def test_a_return_with_another_state_signs_no_one_in_and_uses_up_the_login(
    support_world: World,
) -> None:
    _persona, token = activated_patient(support_world)
    visitor = Visitor(portal(support_world))
    back = portal_return_url(visitor, "connexion-patient", token)

    reply = visitor.get(with_query(back, state=tampered(query_of(back)["state"])))

    assert reply.status == 303 and reply.location == "/patient", reply.text
    assert NOT_VERIFIED in visitor.get("/patient").text
    assert_signed_out(visitor)
    # The right state comes too late: the attempt it belonged to is over.
    reply = visitor.get(back)
    assert reply.status == 303 and reply.location == "/", reply.text
    assert NONE_PENDING in visitor.get("/").text
    assert_signed_out(visitor)


def test_the_same_return_url_signs_in_only_once(support_world: World) -> None:
    _persona, token = activated_patient(support_world)
    visitor = Visitor(portal(support_world))
    back = portal_return_url(visitor, "connexion-patient", token)
    assert visitor.get(back).location == "/mes-services"
    signed_in = cookie_value(visitor)

    reply = visitor.get(back)

    assert reply.status == 303 and reply.location == "/", reply.text
    assert NONE_PENDING in visitor.get("/").text
    # Refused, not signed in anew: the session is the one the first return opened.
    assert cookie_value(visitor) == signed_in


def test_a_return_url_replayed_in_another_browser_signs_no_one_in(support_world: World) -> None:
    _persona, token = activated_patient(support_world)
    victim = Visitor(portal(support_world))
    back = portal_return_url(victim, "connexion-patient", token)
    assert victim.get(back).location == "/mes-services"
    # Someone who read the URL afterwards (browser history, a proxy's log) replays it.
    intruder = Visitor(portal(support_world))
    intruder.get("/patient")

    reply = intruder.get(back)

    assert reply.status == 303 and reply.location == "/", reply.text
    assert NONE_PENDING in intruder.get("/").text
    assert_signed_out(intruder)


def test_a_code_of_another_browsers_login_is_refused_with_this_browsers_own_state(
    support_world: World,
) -> None:
    _persona, token = activated_patient(support_world)
    victim = Visitor(portal(support_world))
    stolen = query_of(portal_return_url(victim, "connexion-patient", token))["code"]
    intruder = Visitor(portal(support_world))
    # The intruder's own login gives a state the portal expects from the intruder's browser.
    own_state = query_of(leave_for_luxtrust(intruder, "connexion-patient"))["state"]

    reply = intruder.get(f"{RETURN_PATH}?code={stolen}&state={own_state}")

    # The code was bound to the victim's PKCE verifier and nonce, which the intruder lacks.
    assert reply.status == 303 and reply.location == "/patient", reply.text
    assert NOT_VERIFIED in intruder.get("/patient").text
    assert_signed_out(intruder)


def test_a_token_associated_with_no_account_does_not_sign_in(support_world: World) -> None:
    persona = new_persona(support_world, kind="patient", luxtrust=["token"])
    visitor = Visitor(portal(support_world))
    back = portal_return_url(visitor, "connexion-patient", token_of(support_world, persona))

    reply = visitor.get(back)

    assert reply.status == 303 and reply.location == "/patient", reply.text
    assert NOT_ASSOCIATED in visitor.get("/patient").text
    assert_signed_out(visitor)


def test_cancelling_at_luxtrust_brings_the_person_back_with_a_notice(support_world: World) -> None:
    visitor = Visitor(portal(support_world))
    back = portal_return_url(visitor, "connexion-patient", None, cancel=True)
    answer = query_of(back)
    assert answer["error"] == "access_denied" and "code" not in answer

    reply = visitor.get(back)

    assert reply.status == 303 and reply.location == "/patient", reply.text
    page = visitor.get("/patient").text
    assert CANCELLED in page and NOT_COMPLETED not in page
    assert_signed_out(visitor)


def test_an_error_answer_with_another_state_is_not_taken_for_a_cancellation(
    support_world: World,
) -> None:
    visitor = Visitor(portal(support_world))
    back = portal_return_url(visitor, "connexion-patient", None, cancel=True)

    reply = visitor.get(with_query(back, state=tampered(query_of(back)["state"])))

    assert reply.status == 303 and reply.location == "/patient", reply.text
    page = visitor.get("/patient").text
    assert NOT_COMPLETED in page and CANCELLED not in page
    assert_signed_out(visitor)


def test_leaving_for_luxtrust_without_the_csrf_token_is_refused(support_world: World) -> None:
    visitor = Visitor(portal(support_world))
    visitor.get("/patient")

    reply = visitor.post("/luxtrust/connexion", {"purpose": "connexion-patient"}, with_csrf=False)

    assert reply.status == 403
    assert CSRF_REFUSAL in reply.text
    assert reply.headers.get("Location") is None
    # Nothing was started: a return now finds no login under way.
    assert visitor.get(f"{RETURN_PATH}?code=x&state=y").location == "/"
    assert NONE_PENDING in visitor.get("/").text
