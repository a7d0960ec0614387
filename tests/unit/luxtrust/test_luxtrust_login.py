"""Tests of the login pages: each product end to end, the ID token, wrong answers, locks and replays."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from joserfc import jwt
from joserfc.jwk import KeySet
from luxtrust_http import CLIENT_ID, REDIRECT_URI, AuthorizationRequest, Browser, LuxTrust
from web_client import Reply, raw_request

PRODUCTS = ["token", "smartcard", "signing_stick", "eid", "mobile"]
LABELS = {
    "token": "Token", "smartcard": "Smartcard", "signing_stick": "Signing Stick",
    "eid": "Carte d'identité électronique", "mobile": "LuxTrust Mobile",
}
BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect."
LOCKED = "Votre produit LuxTrust est bloqué. Contactez le support LuxTrust."


def verified_claims(luxtrust: LuxTrust, id_token: str) -> dict[str, object]:
    """The ID token's claims, once its signature checks out against the published keys."""
    keys = KeySet.import_key_set(raw_request(luxtrust.url("oidc/jwks")).json())  # type: ignore[arg-type]
    token = jwt.decode(id_token, keys, algorithms=["RS256"])
    assert token.header["alg"] == "RS256"
    assert token.header["kid"] == keys.keys[0].kid
    return token.claims


def to_second_step(luxtrust: LuxTrust, browser: Browser, device: dict) -> str:
    """Pass the first step with the right password; returns the second step's path."""
    path = luxtrust.open_login(browser, AuthorizationRequest())
    reply = luxtrust.submit_credentials(browser, path, device)
    assert reply.status == 303, reply.text
    return urlsplit(reply.location or "").path


def wrong(proof: str) -> str:
    """A code or PIN of the same length that is surely not the right one."""
    return f"{(int(proof) + 1) % 10 ** len(proof):0{len(proof)}d}"


def error_summary(reply: Reply) -> list[str]:
    """The messages of the page's alert, as a person reads them."""
    block = re.search(r'<div class="error-summary" role="alert">(.*?)</div>', reply.text, re.DOTALL)
    return re.findall(r"<p[^>]*>(.*?)</p>", block.group(1)) if block else []


def test_the_first_page_offers_the_five_products_and_names_the_client(luxtrust: LuxTrust):
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())

    page = browser.get(path).text

    assert "LuxTrust" in page
    assert "Connexion demandée par : Portail eSanté" in page
    assert "<legend>Choisissez votre produit LuxTrust</legend>" in page
    for key, label in LABELS.items():
        assert f'<label for="product-{key}">{label}</label>' in page
    assert '<label for="user_id">Identifiant</label>' in page
    assert '<label for="password">Mot de passe</label>' in page
    assert ">Continuer</button>" in page and ">Annuler</button>" in page


@pytest.mark.parametrize("kind", PRODUCTS)
def test_each_product_logs_in_and_gets_a_verified_id_token(luxtrust: LuxTrust, kind: str):
    device = luxtrust.new_device(kind)
    code, request = luxtrust.code_for(device)

    reply = luxtrust.exchange(code, request.verifier)

    assert reply.status == 200, reply.body
    assert reply.headers["Cache-Control"] == "no-store"
    tokens = reply.json()
    assert isinstance(tokens, dict)
    assert tokens["token_type"] == "Bearer"
    assert tokens["expires_in"] == 300
    assert tokens["access_token"]
    claims = verified_claims(luxtrust, tokens["id_token"])
    now = int(luxtrust.clock.timestamp())
    assert claims["iss"] == luxtrust.issuer
    assert claims["aud"] == CLIENT_ID
    assert claims["nonce"] == request.nonce
    assert abs(claims["iat"] - now) <= 5
    assert claims["exp"] == claims["iat"] + 300
    assert claims["auth_time"] <= claims["iat"]
    assert claims["given_name"] == "Claire" and claims["family_name"] == "Schmit"
    assert claims["luxtrust_device"] == {"type": kind, "serial": device["serial"], "label": LABELS[kind]}
    assert "mfa" in claims["amr"] and "pwd" in claims["amr"]
    assert str(claims["sub"]).startswith("LT-")
    assert claims["sub"] != device["user_id"]
    assert str(claims["national_id"]) not in str(claims["sub"])


def test_all_devices_of_a_person_share_the_subject(luxtrust: LuxTrust):
    token = _claims_of(luxtrust, luxtrust.new_device("token"))
    card = _claims_of(luxtrust, luxtrust.new_device("eid", national_id=str(token["national_id"])))
    other_person = _claims_of(luxtrust, luxtrust.new_device("eid"))

    assert token["sub"] == card["sub"] != other_person["sub"]


def _claims_of(luxtrust: LuxTrust, device: dict) -> dict[str, object]:
    """Log in with a device and return the claims of its ID token."""
    code, request = luxtrust.code_for(device)
    tokens = luxtrust.exchange(code, request.verifier).json()
    assert isinstance(tokens, dict)
    return verified_claims(luxtrust, tokens["id_token"])


@pytest.mark.parametrize(
    ("kind", "amr"),
    [("token", "otp"), ("smartcard", "sc"), ("signing_stick", "hwk"), ("eid", "sc"), ("mobile", "mca")],
)
def test_the_amr_names_the_products_factor(luxtrust: LuxTrust, kind: str, amr: str):
    assert amr in _claims_of(luxtrust, luxtrust.new_device(kind))["amr"]


@pytest.mark.parametrize(
    "mistake", ["password", "user_id", "product"], ids=["wrong-password", "unknown-user-id", "other-product"]
)
def test_wrong_credentials_get_one_generic_message(luxtrust: LuxTrust, mistake: str):
    device = luxtrust.new_device("token")
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())
    fields = {"product": "token", "user_id": device["user_id"], "password": device["password"],
              "action": "continuer"}
    wrong_values = {"password": "Faux-mot-de-passe1", "user_id": "LTZZZZZZ", "product": "smartcard"}
    fields[mistake] = wrong_values[mistake]

    reply = browser.post(path, fields)

    assert reply.status == 200
    assert error_summary(reply) == [BAD_CREDENTIALS]
    assert 'id="password" name="password" type="password" value=""' in reply.body
    assert 'aria-invalid="true" aria-describedby="password-error"' in reply.body
    expected_failures = 0 if mistake == "user_id" else 1
    assert luxtrust.device_state(device["serial"])["failures"] == expected_failures


def test_the_token_step_asks_for_the_code(luxtrust: LuxTrust):
    browser = Browser(luxtrust.issuer)
    path = to_second_step(luxtrust, browser, luxtrust.new_device("token"))

    page = browser.get(path).text

    assert '<label for="code">Code affiché sur votre Token</label>' in page
    assert ">Valider</button>" in page and ">Annuler</button>" in page


@pytest.mark.parametrize("kind", ["smartcard", "signing_stick", "eid"])
def test_the_card_steps_ask_for_the_pin(luxtrust: LuxTrust, kind: str):
    browser = Browser(luxtrust.issuer)
    path = to_second_step(luxtrust, browser, luxtrust.new_device(kind))

    page = browser.get(path).text

    assert '<label for="pin">Code PIN</label>' in page
    assert 'name="pin" type="password"' in page
    assert ">Valider</button>" in page and ">Annuler</button>" in page


@pytest.mark.parametrize("kind", ["token", "smartcard"])
def test_a_wrong_code_or_pin_says_how_many_tries_are_left(luxtrust: LuxTrust, kind: str):
    device = luxtrust.new_device(kind)
    browser = Browser(luxtrust.issuer)
    path = to_second_step(luxtrust, browser, device)

    first = luxtrust.submit_proof(browser, path, device, wrong(luxtrust.proof_of(device)))
    second = luxtrust.submit_proof(browser, path, device, wrong(luxtrust.proof_of(device)))

    assert error_summary(first) == ["Code incorrect. Il vous reste 4 essai(s)."]
    assert error_summary(second) == ["Code incorrect. Il vous reste 3 essai(s)."]
    state = luxtrust.device_state(device["serial"])
    assert (state["serial"], state["type"], state["locked"], state["failures"]) == (
        device["serial"], kind, False, 2)


def test_five_failures_lock_the_device_for_good(luxtrust: LuxTrust):
    device = luxtrust.new_device("smartcard")
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())
    for _ in range(2):
        assert error_summary(luxtrust.submit_credentials(browser, path, device, "Faux1234")) == [
            BAD_CREDENTIALS
        ]
    second_step = urlsplit(luxtrust.submit_credentials(browser, path, device).location or "").path
    for left in (2, 1):
        reply = luxtrust.submit_proof(browser, second_step, device, wrong(device["pin"]))
        assert error_summary(reply) == [f"Code incorrect. Il vous reste {left} essai(s)."]

    # The fifth failure locks the device and sends the login back to the first page.
    reply = luxtrust.submit_proof(browser, second_step, device, wrong(device["pin"]))
    assert reply.status == 303 and urlsplit(reply.location or "").path == path
    assert error_summary(browser.get(path)) == [LOCKED]
    assert luxtrust.device_state(device["serial"])["locked"] is True

    # The right credentials are refused from now on, in this login and in a new one.
    assert error_summary(luxtrust.submit_credentials(browser, path, device)) == [LOCKED]
    other = Browser(luxtrust.issuer)
    new_path = luxtrust.open_login(other, AuthorizationRequest())
    assert error_summary(luxtrust.submit_credentials(other, new_path, device)) == [LOCKED]


def test_a_success_resets_the_failures(luxtrust: LuxTrust):
    device = luxtrust.new_device("eid")
    browser = Browser(luxtrust.issuer)
    path = to_second_step(luxtrust, browser, device)
    luxtrust.submit_proof(browser, path, device, wrong(device["pin"]))
    assert luxtrust.device_state(device["serial"])["failures"] == 1

    reply = luxtrust.submit_proof(browser, path, device, device["pin"])

    assert reply.status == 303 and "code" in reply.query()
    assert luxtrust.device_state(device["serial"])["failures"] == 0


def test_a_token_code_is_accepted_once_but_the_next_one_is_accepted(luxtrust: LuxTrust):
    device = luxtrust.new_device("token")
    code = luxtrust.proof_of(device)
    first = Browser(luxtrust.issuer)
    reply = luxtrust.submit_proof(first, to_second_step(luxtrust, first, device), device, code)
    assert reply.status == 303 and "code" in reply.query()

    second = Browser(luxtrust.issuer)
    path = to_second_step(luxtrust, second, device)
    replayed = luxtrust.submit_proof(second, path, device, code)
    assert error_summary(replayed) == ["Code incorrect. Il vous reste 4 essai(s)."]

    following = luxtrust.submit_proof(second, path, device, luxtrust.proof_of(device, counter_offset=1))
    assert following.status == 303 and "code" in following.query()


@pytest.mark.parametrize("step", ["product", "proof", "mobile"])
def test_cancelling_sends_access_denied_with_the_state(luxtrust: LuxTrust, step: str):
    device = luxtrust.new_device("mobile" if step == "mobile" else "token")
    browser = Browser(luxtrust.issuer)
    request = AuthorizationRequest()
    path = luxtrust.open_login(browser, request)
    if step != "product":
        path = urlsplit(luxtrust.submit_credentials(browser, path, device).location or "").path
        browser.get(path)

    reply = browser.post(path, {"action": "annuler"})

    assert reply.status == 303
    assert (reply.target or "").startswith(REDIRECT_URI + "?")
    query = reply.query()
    assert query["error"] == "access_denied"
    assert query["error_description"]
    assert query["state"] == request.state
    assert "code" not in query
    # The login is over.
    assert browser.get(path).status == 400


@pytest.mark.parametrize("token", [None, "", "forge"])
def test_a_post_without_the_right_csrf_token_is_refused(luxtrust: LuxTrust, token: str | None):
    device = luxtrust.new_device("smartcard")
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())
    fields = {"product": "smartcard", "user_id": device["user_id"], "password": device["password"],
              "action": "continuer"}
    if token is not None:
        fields["csrf_token"] = token

    reply = browser.post(path, fields, with_csrf=token is not None)

    assert reply.status == 403
    assert "Votre session a expiré ou la requête n'est pas valide." in reply.text
    # Nothing happened: the page is still the first step and the device has no failure.
    assert luxtrust.submit_credentials(browser, path, device).status == 303


def test_missing_fields_are_asked_for_without_counting_a_failure(luxtrust: LuxTrust):
    device = luxtrust.new_device("token")
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())

    reply = browser.post(path, {"user_id": device["user_id"], "action": "continuer"})

    assert error_summary(reply) == ["Choisissez votre produit LuxTrust.", "Saisissez votre mot de passe."]
    assert f'value="{device["user_id"]}"' in reply.body
    assert luxtrust.device_state(device["serial"])["failures"] == 0


def test_text_is_escaped_in_the_pages(luxtrust: LuxTrust):
    browser = Browser(luxtrust.issuer)
    path = luxtrust.open_login(browser, AuthorizationRequest())

    reply = browser.post(path, {"product": "token", "user_id": "<script>x</script>", "password": "p",
                                "action": "continuer"})

    assert "<script>x</script>" not in reply.body
    assert "&lt;script&gt;x&lt;/script&gt;" in reply.body
