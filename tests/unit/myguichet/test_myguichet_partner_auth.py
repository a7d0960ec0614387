"""The partner API answers only MyGuichet.lu's HTTP Basic credentials."""

from __future__ import annotations

import base64

import pytest
from myguichet_http import API, PartnerApi, PartnerWorld, activation, consenting_patient
from web_client import Reply, raw_request

# Every route of the API; the body, where the route reads one, is made for the persona.
ROUTES = ("grant", "state", "revoke", "activate", "ticket")


def _call(api: PartnerApi, route: str, persona: dict[str, object]) -> Reply:
    """Call one route of the API for a persona."""
    number = str(persona["matricule"])
    if route == "activate":
        return api.activate(activation(persona))
    return getattr(api, route)(number)


@pytest.mark.parametrize("route", ROUTES)
def test_a_call_without_credentials_is_asked_for_basic_ones(
    partner_world: PartnerWorld, route: str
) -> None:
    reply = _call(partner_world.anonymous_api(), route, consenting_patient(partner_world))
    assert reply.status == 401
    assert reply.headers["WWW-Authenticate"].startswith("Basic ")


@pytest.mark.parametrize("route", ROUTES)
def test_a_wrong_secret_is_refused(partner_world: PartnerWorld, route: str) -> None:
    impostor = partner_world.api(client_secret=partner_world.link.client_secret + "x")
    reply = _call(impostor, route, consenting_patient(partner_world))
    assert reply.status == 401
    assert reply.headers["WWW-Authenticate"].startswith("Basic ")


@pytest.mark.parametrize("route", ROUTES)
def test_a_wrong_client_id_is_refused(partner_world: PartnerWorld, route: str) -> None:
    impostor = partner_world.api(client_id="esante-portal")
    assert _call(impostor, route, consenting_patient(partner_world)).status == 401


def test_the_secret_as_a_bearer_token_is_refused(partner_world: PartnerWorld) -> None:
    persona = consenting_patient(partner_world)
    reply = raw_request(
        f"{partner_world.portal}{API}consentements/{persona['matricule']}",
        headers={"Authorization": f"Bearer {partner_world.link.client_secret}"},
    )
    assert reply.status == 401


@pytest.mark.parametrize("credentials", [
    "Basic !!!", "Basic " + base64.b64encode(b"myguichet-lu").decode(),
    "Basic " + base64.b64encode(b"\xff\xfe:\xff").decode(), "Basic", "",
])
def test_malformed_basic_credentials_are_refused(partner_world: PartnerWorld, credentials: str) -> None:
    persona = consenting_patient(partner_world)
    reply = raw_request(
        f"{partner_world.portal}{API}consentements/{persona['matricule']}",
        headers={"Authorization": credentials},
    )
    assert reply.status == 401


def test_the_right_credentials_are_let_through(partner_world: PartnerWorld) -> None:
    persona = consenting_patient(partner_world)
    reply = partner_world.api().state(str(persona["matricule"]))
    assert reply.status == 200, reply.body


def test_a_refused_caller_changes_nothing(partner_world: PartnerWorld) -> None:
    persona = consenting_patient(partner_world)
    impostor = partner_world.api(client_secret="devine")
    assert impostor.activate(activation(persona)).status == 401
    assert impostor.revoke(str(persona["matricule"])).status == 401
    state = partner_world.api().state(str(persona["matricule"]))
    assert state.json() == {"consent": True, "account": "none"}
