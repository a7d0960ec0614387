"""Tests of LuxTrust Mobile: the waiting page, the simulated phone, approvals and refusals."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from luxtrust_http import PHONE_REQUEST, AuthorizationRequest, Browser, LuxTrust
from web_client import json_request

NOT_YET = "La connexion n'a pas encore été confirmée sur votre téléphone."


def to_waiting_page(luxtrust: LuxTrust, browser: Browser, device: dict, request: AuthorizationRequest) -> str:
    """Pass the first step with a mobile device; returns the waiting page's path."""
    path = luxtrust.open_login(browser, request)
    reply = luxtrust.submit_credentials(browser, path, device)
    assert reply.status == 303, reply.text
    waiting = urlsplit(reply.location or "").path
    assert browser.get(waiting).status == 200
    return waiting


def test_the_waiting_page_names_the_phone_and_works_without_script(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    path = to_waiting_page(luxtrust, browser, device, AuthorizationRequest())

    page = browser.get(path).text
    assert "<h1>Confirmez la connexion dans l'application LuxTrust Mobile</h1>" in page
    assert device["serial"][-4:] in page
    assert ">Continuer</button>" in page and ">Annuler</button>" in page
    assert '<script src="/static/luxtrust.js" defer></script>' in page

    reply = browser.post(path, {"action": "continuer"})
    assert reply.status == 200
    assert NOT_YET in reply.text


def test_the_status_endpoint_follows_the_phone(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    path = to_waiting_page(luxtrust, browser, device, AuthorizationRequest())
    status_url = re.search(r'data-poll="([^"]+)"', browser.get(path).body).group(1)

    assert browser.get(status_url).json() == {"status": "pending"}
    luxtrust.approve(device["serial"])
    assert browser.get(status_url).json() == {"status": "approved"}
    # Another browser learns nothing about this login.
    assert Browser(luxtrust.issuer).get(status_url).json() == {"status": "expired"}


def test_an_approval_completes_the_login_on_continuer(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    request = AuthorizationRequest()
    path = to_waiting_page(luxtrust, browser, device, request)

    approval = luxtrust.approve(device["serial"])
    reply = browser.post(path, {"action": "continuer"})

    assert approval.status == 200 and approval.json() == {"serial": device["serial"], "status": "approved"}
    assert reply.status == 303
    query = reply.query()
    assert query["state"] == request.state
    assert luxtrust.exchange(query["code"], request.verifier).status == 200


def test_the_phone_shows_the_request_and_its_approval_completes_the_login(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    path = to_waiting_page(luxtrust, browser, device, AuthorizationRequest())
    phone = Browser(luxtrust.issuer)

    page = phone.get(f"/telephone/{device['serial']}")
    assert "Connexion demandée par : Portail eSanté" in page.text
    assert ">Approuver</button>" in page.text and ">Refuser</button>" in page.text
    request_id = PHONE_REQUEST.search(page.body).group(1)
    answered = phone.post(f"/telephone/{device['serial']}", {"demande": request_id, "action": "approuver"})

    assert answered.status == 303
    assert "Connexion approuvée." in phone.get(answered.target or "").text
    assert "Aucune demande en attente." in phone.get(f"/telephone/{device['serial']}").text
    assert "code" in browser.post(path, {"action": "continuer"}).query()


def test_refusing_on_the_phone_denies_access(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    request = AuthorizationRequest()
    path = to_waiting_page(luxtrust, browser, device, request)
    phone = Browser(luxtrust.issuer)
    request_id = PHONE_REQUEST.search(phone.get(f"/telephone/{device['serial']}").body).group(1)

    phone.post(f"/telephone/{device['serial']}", {"demande": request_id, "action": "refuser"})
    reply = browser.post(path, {"action": "continuer"})

    assert reply.status == 303
    query = reply.query()
    assert query["error"] == "access_denied"
    assert "refused" in query["error_description"]
    assert query["state"] == request.state


def test_the_phones_form_needs_its_csrf_token(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    to_waiting_page(luxtrust, Browser(luxtrust.issuer), device, AuthorizationRequest())
    phone = Browser(luxtrust.issuer)
    request_id = PHONE_REQUEST.search(phone.get(f"/telephone/{device['serial']}").body).group(1)

    reply = phone.post(f"/telephone/{device['serial']}", {"demande": request_id, "action": "approuver"},
                       with_csrf=False)

    assert reply.status == 403
    assert ">Approuver</button>" in phone.get(f"/telephone/{device['serial']}").text


def test_refusing_through_test_support_denies_access(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")
    browser = Browser(luxtrust.issuer)
    path = to_waiting_page(luxtrust, browser, device, AuthorizationRequest())

    assert luxtrust.approve(device["serial"], "refuse").status == 200

    assert browser.post(path, {"action": "continuer"}).query()["error"] == "access_denied"


def test_a_phone_without_request_says_so(luxtrust: LuxTrust):
    device = luxtrust.new_device("mobile")

    page = Browser(luxtrust.issuer).get(f"/telephone/{device['serial']}")

    assert page.status == 200
    assert "Aucune demande en attente." in page.text
    assert luxtrust.approve(device["serial"]).status == 404


def test_only_mobile_devices_have_a_phone(luxtrust: LuxTrust):
    device = luxtrust.new_device("token")

    assert Browser(luxtrust.issuer).get(f"/telephone/{device['serial']}").status == 404
    assert luxtrust.approve(device["serial"]).status == 404
    assert json_request(luxtrust.url("_test/approve"), {"serial": "MB00000000"}).status == 404
