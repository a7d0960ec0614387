"""MyGuichet.lu's test-support interface: valid citizens only, once each, and only in test mode."""

from __future__ import annotations

import pytest
from myguichet_http import PartnerWorld
from server_http import new_persona
from web_client import Reply, json_request


def _enrol(world: PartnerWorld, **fields: object) -> Reply:
    """POST /_test/citizens on MyGuichet.lu."""
    return json_request(world.myguichet + "_test/citizens", fields)


def _citizen(world: PartnerWorld, **changes: object) -> dict[str, object]:
    """A valid citizen request for a new persona, with some fields changed."""
    persona = new_persona(world.world, kind="patient")
    return {"national_id": persona["matricule"], "given_name": persona["first_name"],
            "family_name": persona["last_name"], "email": persona["email"],
            "mobile": persona["mobile"], **changes}


def test_a_valid_citizen_is_enrolled_with_normalised_contacts(partner_world: PartnerWorld) -> None:
    request = _citizen(partner_world, mobile="621 123 456")
    reply = _enrol(partner_world, **request)
    assert reply.status == 201
    assert reply.json() == {"national_id": request["national_id"], "email": request["email"],
                            "mobile": "+352621123456"}


def test_a_citizen_without_contacts_is_enrolled(partner_world: PartnerWorld) -> None:
    reply = _enrol(partner_world, **_citizen(partner_world, email=None, mobile=None))
    assert reply.status == 201
    assert (reply.json()["email"], reply.json()["mobile"]) == (None, None)  # type: ignore[index]


@pytest.mark.parametrize("change", [
    {"national_id": "12345"}, {"national_id": ""}, {"email": "pas-une-adresse"}, {"mobile": "12"},
    {"given_name": " "}, {"family_name": None},
])
def test_an_invalid_citizen_is_refused(partner_world: PartnerWorld, change: dict[str, object]) -> None:
    assert _enrol(partner_world, **_citizen(partner_world, **change)).status == 400


def test_a_body_that_is_not_a_json_object_is_refused(partner_world: PartnerWorld) -> None:
    assert json_request(partner_world.myguichet + "_test/citizens", ["liste"]).status == 400


def test_a_duplicate_citizen_is_refused(partner_world: PartnerWorld) -> None:
    request = _citizen(partner_world)
    assert _enrol(partner_world, **request).status == 201
    assert _enrol(partner_world, **{**request, "given_name": "Autre"}).status == 409


def test_the_portal_persona_gets_a_private_space(partner_world: PartnerWorld) -> None:
    persona = new_persona(partner_world.world, kind="patient", myguichet=True)
    assert persona["myguichet"] == {"url": partner_world.myguichet, "email": persona["email"],
                                    "mobile": persona["mobile"]}
    again = {"national_id": persona["matricule"], "given_name": "X", "family_name": "Y"}
    assert _enrol(partner_world, **again).status == 409


@pytest.mark.parametrize(("method", "path"), [("GET", "_test/"), ("POST", "_test/citizens")])
def test_without_test_mode_there_is_no_test_support(
    bare_world: PartnerWorld, method: str, path: str
) -> None:
    payload = {"national_id": "1980010112345"} if method == "POST" else None
    assert json_request(bare_world.myguichet + path, payload).status == 404
