"""Tests of the authorization request: unknown clients get a page, other mistakes go back to the client."""

from __future__ import annotations

import pytest
from luxtrust_http import REDIRECT_URI, AuthorizationRequest, Browser, LuxTrust


@pytest.mark.parametrize(
    "overrides",
    [
        {"client_id": "inconnu"},
        {"client_id": None},
        {"redirect_uri": "https://attaquant.example/vol"},
        # Exact matching: neither a longer path, a query nor a trailing slash is accepted.
        {"redirect_uri": REDIRECT_URI + "/plus"},
        {"redirect_uri": REDIRECT_URI + "?x=1"},
        {"redirect_uri": None},
    ],
)
def test_an_unknown_client_or_return_address_gets_a_page_and_no_redirect(luxtrust: LuxTrust, overrides: dict):
    reply = luxtrust.authorize(Browser(luxtrust.issuer), AuthorizationRequest(), **overrides)

    assert reply.status == 400
    assert reply.location is None
    assert "n'est pas reconnu" in reply.text
    assert '<html lang="fr">' in reply.body


@pytest.mark.parametrize(
    ("overrides", "error"),
    [
        ({"nonce": None}, "invalid_request"),
        ({"scope": "profile"}, "invalid_request"),
        ({"code_challenge": None}, "invalid_request"),
        ({"code_challenge_method": "plain"}, "invalid_request"),
        ({"code_challenge_method": None}, "invalid_request"),
        ({"response_type": "token"}, "unsupported_response_type"),
    ],
)
def test_other_mistakes_go_back_to_the_client_with_the_state(
    luxtrust: LuxTrust, overrides: dict, error: str
):
    request = AuthorizationRequest()

    reply = luxtrust.authorize(Browser(luxtrust.issuer), request, **overrides)

    assert reply.status == 303
    assert reply.target is not None and reply.target.startswith(REDIRECT_URI + "?")
    query = reply.query()
    assert query["error"] == error
    assert query["error_description"]
    assert query["state"] == request.state
    assert "code" not in query


def test_a_missing_state_goes_back_to_the_client_without_one(luxtrust: LuxTrust):
    reply = luxtrust.authorize(Browser(luxtrust.issuer), AuthorizationRequest(), state=None)

    assert reply.status == 303
    query = reply.query()
    assert query["error"] == "invalid_request"
    assert "state" not in query


def test_the_state_is_echoed_untouched(luxtrust: LuxTrust):
    device = luxtrust.new_device("smartcard")
    request = AuthorizationRequest(state="é&=?/ +%25<x>")

    code, returned = luxtrust.code_for(device, request)

    assert code
    assert returned.state == "é&=?/ +%25<x>"


def test_a_good_request_starts_a_login_bound_to_the_browser(luxtrust: LuxTrust):
    browser = Browser(luxtrust.issuer)

    reply = luxtrust.authorize(browser, AuthorizationRequest())

    assert reply.status == 303
    [cookie] = [h for h in reply.headers.get_all("Set-Cookie") or [] if h.startswith("luxtrust_session=")]
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")}
    assert "httponly" in attributes
    assert attributes["samesite"].lower() == "samesite=lax"
    path = reply.location or ""
    assert browser.get(path).status == 200
    # Another browser cannot take over the login.
    assert Browser(luxtrust.issuer).get(path).status == 400


def test_a_login_expires_after_ten_minutes(luxtrust: LuxTrust):
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())

    luxtrust.clock.advance(10 * 60 + 1)

    reply = browser.get(path)
    assert reply.status == 400
    assert "a expiré" in reply.text
