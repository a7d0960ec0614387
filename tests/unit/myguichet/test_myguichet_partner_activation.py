"""Activation through the partner API: the CGU, MyGuichet.lu's contacts, once and only for patients."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from myguichet_http import MEANS, PartnerApi, PartnerWorld, activation, consenting_patient, opened_ticket
from server_http import Visitor, activate, input_value, new_persona, portal_db

THREADS = 4


def _account_state(api: PartnerApi, persona: dict[str, object]) -> object:
    """What the portal tells MyGuichet.lu about the person's account."""
    return api.state(str(persona["matricule"])).json()


def _contacts_on_the_portal(world: PartnerWorld, persona: dict[str, object]) -> tuple[str | None, ...]:
    """The mobile and e-mail the account's « Moyens d'authentification » show, opened by a ticket."""
    visitor, where = opened_ticket(world, str(persona["matricule"]))
    assert where == "/dsp"
    page = visitor.get(MEANS)
    assert page.status == 200, page.status
    return input_value(page, "mobile"), input_value(page, "email")


def _active_on_the_portal(world: PartnerWorld) -> dict[str, object]:
    """A patient who activated their account with the portal's own wizard."""
    persona = new_persona(world.world, kind="patient")
    activate(world.world, Visitor(world.portal), persona)
    return persona


@pytest.mark.parametrize("cgu", [False, "true", None, 1])
def test_activation_needs_the_cgu_accepted(
    partner_world: PartnerWorld, api: PartnerApi, cgu: object
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona, cgu_accepted=cgu)).status == 400
    assert _account_state(api, persona) == {"consent": True, "account": "none"}


@pytest.mark.parametrize("empty", [None, ""])
def test_activation_needs_an_email_or_a_mobile(
    partner_world: PartnerWorld, api: PartnerApi, empty: str | None
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona, email=empty, mobile=empty)).status == 400
    assert _account_state(api, persona) == {"consent": True, "account": "none"}


@pytest.mark.parametrize(
    "change", [{"email": "pas-une-adresse"}, {"mobile": "12"}, {"mobile": "+352 12 34"}]
)
def test_a_malformed_contact_is_refused_not_dropped(
    partner_world: PartnerWorld, api: PartnerApi, change: dict[str, str]
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona, **change)).status == 400
    assert _account_state(api, persona) == {"consent": True, "account": "none"}


def test_a_luxtrust_product_of_another_person_is_refused(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona, other = consenting_patient(partner_world), new_persona(partner_world.world, kind="patient")
    product = {"subject": "sujet-autre", "national_id": other["matricule"], "type": "token",
               "serial": "TK00000001", "label": "Token"}
    assert api.activate(activation(persona, luxtrust=product)).status == 400
    assert _account_state(api, persona) == {"consent": True, "account": "none"}


def test_an_incomplete_luxtrust_product_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = consenting_patient(partner_world)
    product = {"national_id": persona["matricule"], "type": "token"}
    assert api.activate(activation(persona, luxtrust=product)).status == 400


def test_the_first_activation_creates_and_the_second_is_already_active(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    first, second = api.activate(activation(persona)), api.activate(activation(persona))
    assert (first.status, first.json()) == (201, {"status": "activated"})
    assert (second.status, second.json()) == (200, {"status": "already_active"})
    assert _account_state(api, persona) == {"consent": True, "account": "active"}


def test_the_account_takes_the_contacts_myguichet_sends(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona)).status == 201
    assert _contacts_on_the_portal(partner_world, persona) == (persona["mobile"], persona["email"])


def test_a_second_activation_changes_nothing(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona)).status == 201
    other = activation(persona, email="autre.adresse@example.org", mobile="+352621000000")
    assert api.activate(other).json() == {"status": "already_active"}
    assert _contacts_on_the_portal(partner_world, persona) == (persona["mobile"], persona["email"])


def test_an_account_activated_on_the_portal_is_already_active(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = _active_on_the_portal(partner_world)
    assert api.grant(str(persona["matricule"])).json() == {"consent": True, "account": "active"}
    reply = api.activate(activation(persona, email="autre.adresse@example.org"))
    assert (reply.status, reply.json()) == (200, {"status": "already_active"})


def test_a_professional_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = new_persona(partner_world.world, kind="professional")
    assert api.grant(str(persona["matricule"])).status == 200
    assert api.activate(activation(persona)).status == 409
    assert _account_state(api, persona) == {"consent": True, "account": "none"}


def test_concurrent_activations_create_one_account(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona = consenting_patient(partner_world)
    body = activation(persona)
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        statuses = sorted(pool.map(lambda _: api.activate(body).status, range(THREADS)))
    assert statuses == [200] * (THREADS - 1) + [201]
    with portal_db(partner_world.world) as conn:
        rows = conn.execute("SELECT COUNT(*) FROM accounts WHERE matricule = ?",
                            (persona["matricule"],)).fetchone()
    assert rows[0] == 1


def test_the_postal_letter_can_no_longer_start_an_activation(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona = consenting_patient(partner_world)
    assert api.activate(activation(persona)).status == 201
    with portal_db(partner_world.world) as conn:
        unused = conn.execute("SELECT COUNT(*) FROM activation_letters WHERE matricule = ?"
                              " AND used_at IS NULL", (persona["matricule"],)).fetchone()
    assert unused[0] == 0
