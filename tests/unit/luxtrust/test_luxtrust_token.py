"""Tests of the token endpoint: client authentication, single-use codes, PKCE and redirect URIs."""

from __future__ import annotations

from luxtrust_http import OTHER_REDIRECT_URI, LuxTrust
from web_client import raw_request


def assert_error(reply: object, error: str, status: int = 400) -> None:
    """An RFC 6749 JSON error that no cache keeps."""
    assert reply.status == status, reply.body
    assert reply.headers["Cache-Control"] == "no-store"
    body = reply.json()
    assert body["error"] == error
    assert body["error_description"]


def test_client_secret_post_is_accepted(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("smartcard"))

    assert luxtrust.exchange(code, request.verifier, basic=False).status == 200


def test_a_code_is_exchanged_once(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("smartcard"))
    assert luxtrust.exchange(code, request.verifier).status == 200

    assert_error(luxtrust.exchange(code, request.verifier), "invalid_grant")


def test_a_wrong_code_verifier_is_refused(luxtrust: LuxTrust):
    code, _ = luxtrust.code_for(luxtrust.new_device("eid"))

    assert_error(luxtrust.exchange(code, "x" * 64), "invalid_grant")


def test_a_redirect_uri_other_than_the_requests_is_refused(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("eid"))

    # Registered for the client, but not the one of the authorization request.
    assert_error(luxtrust.exchange(code, request.verifier, redirect_uri=OTHER_REDIRECT_URI), "invalid_grant")


def test_a_wrong_client_secret_is_invalid_client(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("signing_stick"))

    for basic in (True, False):
        reply = luxtrust.exchange(code, request.verifier, secret="mauvais-secret", basic=basic)
        assert_error(reply, "invalid_client", 401)
        assert reply.headers["WWW-Authenticate"].startswith("Basic")
    # The code is still good for its client.
    assert luxtrust.exchange(code, request.verifier).status == 200


def test_an_expired_code_is_refused(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("smartcard"))

    luxtrust.clock.advance(61)

    assert_error(luxtrust.exchange(code, request.verifier), "invalid_grant")


def test_an_unknown_code_is_refused(luxtrust: LuxTrust):
    assert_error(luxtrust.exchange("inconnu", "v" * 43), "invalid_grant")


def test_other_grant_types_are_unsupported(luxtrust: LuxTrust):
    reply = luxtrust.exchange("c", "v" * 43, grant_type="client_credentials")

    assert_error(reply, "unsupported_grant_type")


def test_missing_parameters_are_an_invalid_request(luxtrust: LuxTrust):
    assert_error(luxtrust.exchange("", "v" * 43), "invalid_request")


def test_no_client_authentication_is_invalid_client(luxtrust: LuxTrust):
    reply = raw_request(luxtrust.url("oidc/token"), method="POST",
                        data=b"grant_type=authorization_code&code=c&redirect_uri=x&code_verifier=v",
                        headers={"Content-Type": "application/x-www-form-urlencoded"})

    assert_error(reply, "invalid_client", 401)


def test_two_authentication_methods_at_once_are_an_invalid_request(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("eid"))

    reply = luxtrust.exchange(code, request.verifier, client_secret="secret-du-portail-esante")

    assert_error(reply, "invalid_request")


def test_a_body_client_id_other_than_the_authenticated_one_is_an_invalid_request(luxtrust: LuxTrust):
    code, request = luxtrust.code_for(luxtrust.new_device("eid"))

    assert_error(luxtrust.exchange(code, request.verifier, client_id="autre"), "invalid_request")
