"""« Paramètres »: the contacts MyGuichet.lu knows, checked before they are stored."""

from __future__ import annotations

from luxtrust_flow import token_of
from myguichet_http import DSP_PAGE, PartnerApi, PartnerWorld, give_consent, sign_in, signed_in_citizen
from server_http import Visitor, input_value, new_persona

SETTINGS = "/parametres"
CONTACTS = f"{SETTINGS}/coordonnees"


def test_the_settings_show_the_contacts_myguichet_knows(partner_world: PartnerWorld) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    page = visitor.get(SETTINGS)
    assert input_value(page, "email") == persona["myguichet"]["email"]  # type: ignore[index]
    assert input_value(page, "mobile") == persona["myguichet"]["mobile"]  # type: ignore[index]


def test_new_contacts_are_stored_normalised(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    visitor.get(SETTINGS)
    assert visitor.post(CONTACTS, {"email": "nouvelle.adresse@example.lu",
                                   "mobile": "621 123 456"}).location == SETTINGS
    page = visitor.get(SETTINGS)
    assert "Vos coordonnées sont enregistrées." in page.text
    assert (input_value(page, "email"), input_value(page, "mobile")) == (
        "nouvelle.adresse@example.lu", "+352621123456")


def test_a_bad_contact_is_refused_on_the_page_with_the_other_kept_and_nothing_stored(
    partner_world: PartnerWorld,
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    visitor.get(SETTINGS)
    page = visitor.post(CONTACTS, {"email": "pas-une-adresse", "mobile": "621 999 888"})
    assert page.status == 200 and 'role="alert"' in page.body
    assert "Cette adresse e-mail n'est pas valide." in page.text
    assert 'aria-invalid="true"' in page.body
    assert (input_value(page, "email"), input_value(page, "mobile")) == ("pas-une-adresse", "621 999 888")
    stored = visitor.get(SETTINGS)
    assert input_value(stored, "mobile") == persona["myguichet"]["mobile"]  # type: ignore[index]


def test_contacts_added_in_the_settings_let_the_account_be_activated(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    # A first visit opens a private space without contacts: LuxTrust gives no e-mail or phone.
    persona = new_persona(partner_world.world, kind="patient", luxtrust=["token"])
    visitor = Visitor(partner_world.myguichet)
    assert sign_in(visitor, token_of(partner_world.world, persona)).location == "/mes-demarches"
    visitor.get(SETTINGS)
    assert visitor.post(CONTACTS, {"email": "", "mobile": "691 222 333"}).location == SETTINGS
    give_consent(visitor)
    assert visitor.post(f"{DSP_PAGE}/cgu", {"cgu": "oui"}).location == DSP_PAGE
    assert api.state(str(persona["matricule"])).json() == {"consent": True, "account": "active"}


def test_changing_contacts_needs_a_signed_in_citizen(partner_world: PartnerWorld) -> None:
    visitor = Visitor(partner_world.myguichet)
    visitor.get("/")
    assert visitor.post(CONTACTS, {"email": "x@example.lu"}).location == "/"
