"""The DSP page of « Mes données »: consent, CGU, activation, « Accéder à mon DSP » and revocation."""

from __future__ import annotations

from luxtrust_flow import portal_return_url, token_of
from myguichet_http import (
    DSP_PAGE,
    MEANS,
    PartnerApi,
    PartnerWorld,
    give_consent,
    new_citizen,
    open_my_dsp,
    sign_in,
    signed_in_citizen,
)
from server_http import Visitor, activate, input_value, new_persona
from web_client import Reply

CGU_STEP = "Conditions Générales d'Utilisation (CGU)"
CONSENT_BOX = "Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté."
ACTIVATED = "Votre compte eSanté est activé! Vous pouvez maintenant accéder à votre DSP"
UNAVAILABLE = "Le service de l'Agence eSanté est momentanément indisponible."
REVOKE = "/parametres/consentement-esante/revocation"


def _state(api: PartnerApi, persona: dict[str, object]) -> Reply:
    """What the portal tells MyGuichet.lu about the person."""
    return api.state(str(persona["matricule"]))


def _activate_from_myguichet(visitor: Visitor) -> None:
    """Consent, accept the CGU, and read that the account is activated."""
    assert give_consent(visitor).location == DSP_PAGE
    assert visitor.post(f"{DSP_PAGE}/cgu", {"cgu": "oui"}).location == DSP_PAGE
    assert ACTIVATED in visitor.get(DSP_PAGE).text


def test_consenting_leads_to_the_cgu(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    assert give_consent(visitor).location == DSP_PAGE
    assert CGU_STEP in visitor.get(DSP_PAGE).text
    assert _state(api, persona).json() == {"consent": True, "account": "none"}


def test_the_consent_without_the_box_ticked_records_nothing(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    visitor.get(DSP_PAGE)
    page = visitor.post(f"{DSP_PAGE}/consentement", {})
    assert page.status == 200 and 'role="alert"' in page.body
    assert "Veuillez cocher la case pour donner votre consentement" in page.text
    assert CONSENT_BOX in page.text
    assert _state(api, persona).status == 409
    assert "MyGuichet.lu ne partage pas votre identifiant national" in visitor.get("/parametres").text


def test_the_cgu_not_ticked_activates_nothing(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    give_consent(visitor)
    page = visitor.post(f"{DSP_PAGE}/cgu", {})
    assert page.status == 200 and "Veuillez accepter les Conditions Générales d'Utilisation" in page.text
    assert _state(api, persona).json() == {"consent": True, "account": "none"}


def test_the_cgu_cannot_be_accepted_before_the_consent(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    visitor.get(DSP_PAGE)
    assert visitor.post(f"{DSP_PAGE}/cgu", {"cgu": "oui"}).location == DSP_PAGE
    assert _state(api, persona).status == 409


def test_activation_gives_the_account_myguichets_contacts_and_token(
    partner_world: PartnerWorld,
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    _activate_from_myguichet(visitor)
    assert visitor.get(open_my_dsp(partner_world, visitor)).location == "/dsp"
    means = visitor.get(partner_world.portal + MEANS.lstrip("/"))
    assert (input_value(means, "mobile"), input_value(means, "email")) == (
        persona["mobile"], persona["email"],
    )
    serial = persona["luxtrust"][0]["serial"]  # type: ignore[index]
    assert serial in means.text


def test_the_token_used_on_myguichet_signs_in_at_the_portal(partner_world: PartnerWorld) -> None:
    _, token = new_citizen(partner_world)
    visitor = Visitor(partner_world.myguichet)
    sign_in(visitor, token)
    _activate_from_myguichet(visitor)
    portal = Visitor(partner_world.portal)
    back = portal_return_url(portal, "connexion-patient", token)
    assert portal.get(back).location == "/mes-services"


def test_an_account_already_active_is_neither_reactivated_nor_asked_the_cgu(
    partner_world: PartnerWorld,
) -> None:
    persona = new_persona(partner_world.world, kind="patient", myguichet=True, luxtrust=["token"])
    activate(partner_world.world, Visitor(partner_world.portal), persona)
    visitor = Visitor(partner_world.myguichet)
    sign_in(visitor, token_of(partner_world.world, persona))
    give_consent(visitor)
    page = visitor.get(DSP_PAGE).text
    assert "Votre compte eSanté est déjà actif" in page and CGU_STEP not in page


def test_a_citizen_without_contacts_cannot_activate_here(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    # Signed in without a prepared private space: LuxTrust's identity opens one with no contacts.
    persona = new_persona(partner_world.world, kind="patient", luxtrust=["token"])
    visitor = Visitor(partner_world.myguichet)
    assert sign_in(visitor, token_of(partner_world.world, persona)).location == "/mes-demarches"
    give_consent(visitor)
    page = visitor.post(f"{DSP_PAGE}/cgu", {"cgu": "oui"})
    assert "ne contient ni adresse e-mail ni numéro de téléphone" in page.text
    assert _state(api, persona).json() == {"consent": True, "account": "none"}


def test_revoking_stops_the_sharing_on_both_sides(partner_world: PartnerWorld, api: PartnerApi) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    _activate_from_myguichet(visitor)
    assert visitor.post(REVOKE, {}).location == "/parametres"
    assert "Votre consentement est révoqué" in visitor.get("/parametres").text
    assert _state(api, persona).status == 409
    page = visitor.get(DSP_PAGE).text
    assert "Vous avez révoqué votre consentement le" in page and "Accéder à mon DSP" not in page


def test_revoking_while_the_portal_is_down_changes_nothing(
    partner_world: PartnerWorld, api: PartnerApi, cut_off_myguichet: str
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    give_consent(visitor)
    visitor.get("/parametres")
    assert visitor.post(cut_off_myguichet + REVOKE.lstrip("/"), {}).location == "/parametres"
    page = visitor.get("/parametres").text
    assert UNAVAILABLE in page and "Révoquer mon consentement" in page
    assert _state(api, persona).status == 200


def test_consenting_while_the_portal_is_down_records_nothing(
    partner_world: PartnerWorld, api: PartnerApi, cut_off_myguichet: str
) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    visitor.get(DSP_PAGE)
    page = visitor.post(cut_off_myguichet + DSP_PAGE.lstrip("/") + "/consentement", {"consentement": "oui"})
    assert page.status == 200 and UNAVAILABLE in page.text
    assert CONSENT_BOX in visitor.get(DSP_PAGE).text
    assert _state(api, persona).status == 409


def test_the_dsp_cannot_be_opened_while_the_portal_is_down(
    partner_world: PartnerWorld, cut_off_myguichet: str
) -> None:
    _, visitor = signed_in_citizen(partner_world)
    _activate_from_myguichet(visitor)
    page = visitor.post(cut_off_myguichet + DSP_PAGE.lstrip("/") + "/acces", {})
    assert page.status == 200 and UNAVAILABLE in page.text
