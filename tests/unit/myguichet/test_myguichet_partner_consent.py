"""The partner API acts for a person only while the national register knows them and they consent."""

from __future__ import annotations

import datetime as dt

import pytest
from myguichet_http import PartnerApi, PartnerWorld, activation, active_patient, consenting_patient
from server_http import new_persona

from reference_server.domain import matricule


def _unregistered_matricule() -> str:
    """A well-formed national identifier that no persona of the tests' worlds carries."""
    return matricule.make(dt.date(1902, 2, 2), 1)


def test_activation_without_consent_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = new_persona(partner_world.world, kind="patient")
    assert api.activate(activation(persona)).status == 409


def test_a_ticket_without_consent_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = new_persona(partner_world.world, kind="patient")
    assert api.ticket(str(persona["matricule"])).status == 409


def test_a_ticket_without_an_account_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = consenting_patient(partner_world)
    assert api.ticket(str(persona["matricule"])).status == 409


def test_an_unknown_national_id_is_refused(api: PartnerApi) -> None:
    number = _unregistered_matricule()
    assert api.grant(number).status == 409
    assert api.state(number).status == 409
    assert api.ticket(number).status == 409


@pytest.mark.parametrize("route", ["grant", "state", "revoke", "ticket"])
@pytest.mark.parametrize("number", ["12345", "1980010112345", "abcdefghijklm"])
def test_a_malformed_national_id_is_refused(api: PartnerApi, route: str, number: str) -> None:
    assert getattr(api, route)(number).status == 400


def test_an_activation_for_a_malformed_national_id_is_refused(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona, national_id="12345")).status == 400


def test_an_activation_for_an_unknown_national_id_is_refused(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona, national_id=_unregistered_matricule())).status == 409


def test_the_state_is_refused_before_consent_and_told_after(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    number = str(new_persona(partner_world.world, kind="patient")["matricule"])
    assert api.state(number).status == 409
    granted = api.grant(number)
    assert (granted.status, granted.json()) == (200, {"consent": True, "account": "none"})
    state = api.state(number)
    assert (state.status, state.json()) == (200, {"consent": True, "account": "none"})


def test_consent_to_an_active_account_says_it_is_active(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    number = str(active_patient(partner_world)["matricule"])
    assert api.revoke(number).status == 204
    assert api.grant(number).json() == {"consent": True, "account": "active"}


def test_revocation_is_idempotent(partner_world: PartnerWorld, api: PartnerApi) -> None:
    number = str(consenting_patient(partner_world)["matricule"])
    first, second = api.revoke(number), api.revoke(number)
    assert (first.status, second.status) == (204, 204)
    assert api.state(number).status == 409


def test_revoking_a_consent_never_given_is_accepted(api: PartnerApi) -> None:
    assert api.revoke(_unregistered_matricule()).status == 204


def test_after_revocation_nothing_is_done_for_the_person(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    assert api.revoke(str(persona["matricule"])).status == 204
    assert api.activate(activation(persona)).status == 409
