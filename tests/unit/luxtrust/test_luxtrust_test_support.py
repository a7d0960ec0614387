"""Tests of the test-support interface: enrolment, device state, and its absence in production."""

from __future__ import annotations

import pytest
from luxtrust_http import LuxTrust, new_matricule
from web_client import json_request, raw_request


@pytest.mark.parametrize(
    ("kind", "secret"),
    [("token", "totp_secret"), ("smartcard", "pin"), ("signing_stick", "pin"), ("eid", "pin"),
     ("mobile", None)],
)
def test_enrolment_hands_back_the_credentials(luxtrust: LuxTrust, kind: str, secret: str | None):
    device = luxtrust.new_device(kind)

    expected = {"type", "label", "serial", "user_id", "password"} | ({secret} if secret else set())
    assert set(device) == expected
    assert len(device["user_id"]) == 8
    if secret == "pin":
        assert device["pin"].isdigit() and 4 <= len(device["pin"]) <= 6


def test_a_person_may_have_several_devices(luxtrust: LuxTrust):
    national_id = new_matricule()

    first = luxtrust.new_device("token", national_id)
    second = luxtrust.new_device("token", national_id)

    assert first["serial"] != second["serial"]
    assert first["user_id"] != second["user_id"]


@pytest.mark.parametrize(
    "body",
    [
        {"national_id": "123", "given_name": "A", "family_name": "B", "type": "token"},
        {"given_name": "A", "family_name": "B", "type": "token"},
        {"national_id": "NATIONAL", "given_name": "", "family_name": "B", "type": "token"},
        {"national_id": "NATIONAL", "given_name": "A", "family_name": "B", "type": "badge"},
        ["not", "an", "object"],
    ],
)
def test_bad_enrolments_are_refused_with_json(luxtrust: LuxTrust, body: object):
    if isinstance(body, dict) and body.get("national_id") == "NATIONAL":
        body = {**body, "national_id": new_matricule()}

    reply = json_request(luxtrust.url("_test/devices"), body)

    assert reply.status == 400
    assert reply.headers["Content-Type"] == "application/json"
    assert reply.json()["error"]


def test_a_device_state_is_readable(luxtrust: LuxTrust):
    device = luxtrust.new_device("eid")

    reply = json_request(luxtrust.url(f"_test/devices/{device['serial']}"))

    state = reply.json()
    assert {key: state[key] for key in ("serial", "type", "locked", "failures")} == {
        "serial": device["serial"], "type": "eid", "locked": False, "failures": 0}
    # Who a login with the device vouches for, as the shortcut to an associated product needs it.
    assert state["given_name"] == "Claire" and state["family_name"] == "Schmit"
    assert state["label"] and state["subject"] and state["national_id"].isdigit()
    assert json_request(luxtrust.url("_test/devices/000000000")).status == 404


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "_test/devices"), ("GET", "_test/devices/TK00000000"), ("POST", "_test/approve"),
     ("POST", "_test/refuse"), ("GET", "_test/")],
)
def test_the_interface_is_absent_in_production(bare_luxtrust: LuxTrust, method: str, path: str):
    reply = raw_request(bare_luxtrust.url(path), method=method,
                        data=b"{}" if method == "POST" else None,
                        headers={"Content-Type": "application/json"})

    assert reply.status == 404
