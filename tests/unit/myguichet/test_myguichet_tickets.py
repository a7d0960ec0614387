"""Tickets to the DSP: single-use, short-lived, dead with the consent, and never stored in clear."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import Cookie

from luxtrust_flow import query_of
from myguichet_http import PartnerApi, PartnerWorld, active_patient, bound_browser, opened_ticket
from server_http import Visitor, advance_clock, portal_db, stored_bytes

THREADS = 4
REFUSED = "Ce lien d'accès au DSP n'est plus valable."


def _open(world: PartnerWorld, url: str) -> tuple[Visitor, str | None]:
    """Present a ticket in a new browser; return it and where the portal sent it."""
    visitor = Visitor(world.portal)
    return visitor, visitor.get(url).location


def _bound(world: PartnerWorld, api: PartnerApi, number: str) -> tuple[Visitor, str]:
    """A bound browser and the URL of a ticket asked for it."""
    visitor, binding = bound_browser(world)
    return visitor, api.ticket_url(number, binding)


def _same_session(world: PartnerWorld, visitor: Visitor) -> Visitor:
    """Another connection of the same browser: a new client holding the same session cookie."""
    twin = Visitor(world.portal)
    cookie: Cookie
    for cookie in visitor.jar:
        twin.jar.set_cookie(cookie)
    return twin


def _refused(visitor: Visitor, where: str | None) -> bool:
    """Whether the portal sent the browser to « Patient », saying the link is no longer valid."""
    return where == "/patient" and REFUSED in visitor.get("/patient").text


def test_a_ticket_opens_the_dsp_with_a_session(partner_world: PartnerWorld, api: PartnerApi) -> None:
    visitor, where = opened_ticket(partner_world, str(active_patient(partner_world)["matricule"]))
    assert where == "/dsp"
    assert visitor.session_cookie is not None
    own_record = visitor.get("/dsp").location
    assert own_record is not None and own_record.startswith("/dsp/")
    assert visitor.get(own_record).status == 200


def test_a_ticket_opens_a_new_session(partner_world: PartnerWorld, api: PartnerApi) -> None:
    visitor, url = _bound(partner_world, api, str(active_patient(partner_world)["matricule"]))
    before = visitor.session_cookie
    assert before is not None
    assert visitor.get(url).location == "/dsp"
    after = visitor.session_cookie
    assert after is not None and after.value != before.value


def test_a_ticket_is_used_once(partner_world: PartnerWorld, api: PartnerApi) -> None:
    visitor, url = _bound(partner_world, api, str(active_patient(partner_world)["matricule"]))
    twin = _same_session(partner_world, visitor)
    assert visitor.get(url).location == "/dsp"
    # The twin's session was the one the redemption replaced: it holds neither account nor binding.
    assert twin.get(url).location == "/patient"
    assert twin.get("/mes-services").status == 303
    assert visitor.get("/mes-services").status == 200


def test_a_ticket_presented_at_once_by_several_browsers_opens_one_dsp(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    visitor, url = _bound(partner_world, api, str(active_patient(partner_world)["matricule"]))
    # The same browser's session on several connections at once: still only one DSP opens.
    twins = [_same_session(partner_world, visitor) for _ in range(THREADS)]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        places = sorted(str(where) for where in pool.map(lambda twin: twin.get(url).location, twins))
    assert places == ["/dsp"] + ["/patient"] * (THREADS - 1)


def test_an_unknown_ticket_is_refused(partner_world: PartnerWorld, api: PartnerApi) -> None:
    visitor, url = _bound(partner_world, api, str(active_patient(partner_world)["matricule"]))
    forged = url.replace(query_of(url)["ticket"], "x" * 43)
    assert _refused(visitor, visitor.get(forged).location)
    other, _ = bound_browser(partner_world)
    assert _refused(other, other.get(partner_world.portal + "myguichet/dsp").location)


def test_each_ticket_is_different(partner_world: PartnerWorld, api: PartnerApi) -> None:
    number = str(active_patient(partner_world)["matricule"])
    assert api.ticket_url(number, "liaison") != api.ticket_url(number, "liaison")


def test_a_ticket_just_within_its_lifetime_opens_the_dsp(clock_world: PartnerWorld) -> None:
    visitor, url = _bound(clock_world, clock_world.api(), str(active_patient(clock_world)["matricule"]))
    advance_clock(clock_world.world, clock_world.world.config.myguichet_ticket_ttl.total_seconds() - 1)
    assert visitor.get(url).location == "/dsp"


def test_an_expired_ticket_is_refused(clock_world: PartnerWorld) -> None:
    visitor, url = _bound(clock_world, clock_world.api(), str(active_patient(clock_world)["matricule"]))
    advance_clock(clock_world.world, clock_world.world.config.myguichet_ticket_ttl.total_seconds() + 1)
    assert _refused(visitor, visitor.get(url).location)


def test_a_ticket_issued_before_revocation_is_refused(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    number = str(active_patient(partner_world)["matricule"])
    visitor, url = _bound(partner_world, api, number)
    assert api.revoke(number).status == 204
    assert _refused(visitor, visitor.get(url).location)


def test_consenting_again_does_not_revive_an_old_ticket(
    partner_world: PartnerWorld, api: PartnerApi
) -> None:
    number = str(active_patient(partner_world)["matricule"])
    visitor, url = _bound(partner_world, api, number)
    assert api.revoke(number).status == 204
    assert api.grant(number).status == 200
    assert _refused(visitor, visitor.get(url).location)
    assert opened_ticket(partner_world, number)[1] == "/dsp"


def test_a_ticket_is_not_stored_in_clear(partner_world: PartnerWorld, api: PartnerApi) -> None:
    number = str(active_patient(partner_world)["matricule"])
    ticket = query_of(api.ticket_url(number, "liaison"))["ticket"]
    with portal_db(partner_world.world) as conn:
        rows = conn.execute("SELECT * FROM myguichet_tickets WHERE matricule = ?", (number,)).fetchall()
    assert len(rows) == 1
    assert ticket not in [str(value) for value in rows[0]]
    assert ticket.encode() not in stored_bytes(partner_world.world)


def test_a_ticket_is_a_path_whatever_host_the_request_names(partner_world: PartnerWorld) -> None:
    api = partner_world.api()
    number = str(active_patient(partner_world)["matricule"])
    forged = api.call("POST", "tickets", {"national_id": number, "binding": "liaison"},
                      extra_headers={"X-Forwarded-Host": "evil.example"})
    assert forged.status == 201
    assert "evil.example" not in forged.body
    assert forged.headers.get("Cache-Control") == "no-store"
