"""A DSP ticket opens a session only in the browser that set off « Accéder à mon DSP » (no login CSRF)."""

from __future__ import annotations

from myguichet_http import (
    DSP_PAGE,
    PartnerApi,
    PartnerWorld,
    active_patient,
    bound_browser,
    give_consent,
    open_my_dsp,
    signed_in_citizen,
)
from server_http import Visitor

from reference_server.myguichet.dsp import BASE, PORTAL_DEPARTURE
from reference_server.portal.myguichet_api import DEPARTURE, OTHER_BROWSER, TICKET_REFUSED


def _no_session(visitor: Visitor) -> bool:
    """Whether the browser holds no signed-in session at the portal."""
    return visitor.get("/mes-services").status == 303


def test_a_ticket_link_opened_in_another_browser_signs_in_no_one(partner_world: PartnerWorld) -> None:
    # The attacker walks MyGuichet.lu's « Accéder à mon DSP » in their own browser…
    _, attacker = signed_in_citizen(partner_world)
    _activate(attacker)
    link = open_my_dsp(partner_world, attacker)

    # …and sends the link to someone else, whose browser must not be signed in to their account.
    victim = Visitor(partner_world.portal)
    reply = victim.get(link)

    assert reply.status == 303 and reply.location == "/patient"
    assert OTHER_BROWSER in victim.get("/patient").text
    assert _no_session(victim)
    # The ticket was not used up by the refusal: the browser that asked for it still opens the DSP.
    assert attacker.get(link).location == "/dsp"


def test_a_ticket_bound_to_another_browser_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    number = str(active_patient(partner_world)["matricule"])
    asking, binding = bound_browser(partner_world)
    url = api.ticket_url(number, binding)
    # A browser that set off its own departure holds a binding, but not this one.
    other, _ = bound_browser(partner_world)

    reply = other.get(url)

    assert reply.location == "/patient" and TICKET_REFUSED in other.get("/patient").text
    assert _no_session(other)
    assert asking.get(url).location == "/dsp"


def test_a_ticket_without_a_binding_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    number = str(active_patient(partner_world)["matricule"])

    reply = api.call("POST", "tickets", {"national_id": number})

    assert reply.status == 400


def test_both_sides_agree_on_the_way_back(partner_world: PartnerWorld) -> None:
    # The portal's registered return is MyGuichet.lu's route; MyGuichet.lu's departure, the portal's.
    assert "/" + partner_world.link.ticket_return == f"{BASE}/acces" == f"{DSP_PAGE}/acces"
    assert "/" + PORTAL_DEPARTURE == DEPARTURE


def _activate(visitor: Visitor) -> None:
    """Consent and accept the CGU on MyGuichet.lu's DSP page."""
    assert give_consent(visitor).location == DSP_PAGE
    assert visitor.post(f"{DSP_PAGE}/cgu", {"cgu": "oui"}).location == DSP_PAGE
