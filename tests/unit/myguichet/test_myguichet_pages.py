"""MyGuichet.lu's pages: the private space behind LuxTrust, the catalogue, errors and headers."""

from __future__ import annotations

import re

import pytest
from myguichet_http import DSP_PAGE, PartnerWorld, new_citizen, session_cookie, sign_in, signed_in_citizen
from server_http import Visitor, advance_clock
from web_client import raw_request

PRIVATE_PAGES = (
    "/mes-demarches", "/mes-donnees", "/mes-communications", "/parametres", DSP_PAGE,
    "/mes-donnees/cadastre", "/mes-donnees/source-inconnue",
)
NOT_SIMULATED = "Cette source authentique ne fait pas partie de cette simulation"
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@pytest.mark.parametrize("path", PRIVATE_PAGES)
def test_a_private_page_sends_a_stranger_to_the_home_page(partner_world: PartnerWorld, path: str) -> None:
    reply = raw_request(partner_world.myguichet + path.lstrip("/"))
    assert (reply.status, reply.location) == (303, "/")


def test_the_home_page_asks_a_stranger_to_sign_in(partner_world: PartnerWorld) -> None:
    visitor = Visitor(partner_world.myguichet)
    visitor.get("/mes-donnees")
    page = visitor.get("/")
    assert "Veuillez vous connecter à votre espace privé." in page.text
    assert "Se connecter avec LuxTrust" in page.text


def test_the_private_space_offers_its_four_sections(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    page = visitor.get("/mes-demarches")
    for label in ("Mes démarches", "Mes données", "Mes communications", "Paramètres"):
        assert f">{label}</a>" in page.text


def test_every_source_but_the_dsp_is_outside_the_simulation(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    linked = re.findall(r'href="(/mes-donnees/[^"]+)"', visitor.get("/mes-donnees").body)
    others = [path for path in linked if path != DSP_PAGE]
    assert DSP_PAGE in linked and len(others) == len(set(others)) > 20
    for path in others:
        page = visitor.get(path)
        assert page.status == 200 and NOT_SIMULATED in page.text, path


def test_an_unknown_source_is_a_french_404(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    page = visitor.get("/mes-donnees/source-inconnue")
    assert page.status == 404
    assert '<html lang="fr">' in page.body and "Page introuvable" in page.text


def test_a_wrong_method_is_a_french_405(partner_world: PartnerWorld) -> None:
    page = raw_request(partner_world.myguichet + "luxtrust/connexion")
    assert page.status == 405 and "Action non autorisée" in page.text


def test_an_unknown_address_is_a_french_404(partner_world: PartnerWorld) -> None:
    page = raw_request(partner_world.myguichet + "nulle-part")
    assert page.status == 404 and "Page introuvable" in page.text


@pytest.mark.parametrize("path", ["", "mes-demarches", "nulle-part"])
def test_every_answer_carries_the_security_headers(partner_world: PartnerWorld, path: str) -> None:
    reply = raw_request(partner_world.myguichet + path)
    for name, value in SECURITY_HEADERS.items():
        assert reply.headers[name] == value, name
    assert "frame-ancestors 'none'" in reply.headers["Content-Security-Policy"]


def test_a_private_page_carries_the_security_headers_and_no_store(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    reply = visitor.get("/parametres")
    assert reply.status == 200
    assert all(reply.headers[name] == value for name, value in SECURITY_HEADERS.items())
    assert reply.headers["Cache-Control"] == "no-store"


def test_a_post_without_the_csrf_token_is_refused(partner_world: PartnerWorld) -> None:
    visitor = Visitor(partner_world.myguichet)
    visitor.get("/")
    reply = visitor.post("/luxtrust/connexion", {}, with_csrf=False)
    assert reply.status == 403 and "Accès refusé" in reply.text


def test_a_post_with_another_sessions_token_is_refused(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    stranger = Visitor(partner_world.myguichet)
    stranger.get("/")
    reply = visitor.post("/deconnexion", {"csrf_token": stranger.csrf_token})
    assert reply.status == 403
    assert visitor.get("/mes-demarches").status == 200


def test_signing_in_starts_a_new_session(partner_world: PartnerWorld) -> None:
    _, token = new_citizen(partner_world)
    visitor = Visitor(partner_world.myguichet)
    visitor.get("/")
    before = session_cookie(visitor)
    assert sign_in(visitor, token).location == "/mes-demarches"
    after = session_cookie(visitor)
    assert before and after and after != before
    old = raw_request(partner_world.myguichet + "mes-demarches",
                      headers={"Cookie": f"myguichet_session={before}"})
    assert (old.status, old.location) == (303, "/")


def test_the_private_space_greets_the_citizen_by_name(partner_world: PartnerWorld) -> None:
    persona, visitor = signed_in_citizen(partner_world)
    page = visitor.get("/mes-demarches")
    assert f"{persona['first_name']} {persona['last_name']}" in page.text


def test_signing_out_ends_the_session(partner_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(partner_world)
    visitor.get("/mes-demarches")
    signed_in = session_cookie(visitor)
    assert visitor.post("/deconnexion", {}).location == "/"
    old = raw_request(partner_world.myguichet + "mes-demarches",
                      headers={"Cookie": f"myguichet_session={signed_in}"})
    assert (old.status, old.location) == (303, "/")


def test_a_luxtrust_return_without_a_pending_login_is_refused(partner_world: PartnerWorld) -> None:
    visitor = Visitor(partner_world.myguichet)
    reply = visitor.get("/luxtrust/retour?code=abc&state=def")
    assert reply.location == "/"
    assert "La connexion avec LuxTrust n'a pas abouti." in visitor.get("/").text
    assert visitor.get("/mes-demarches").location == "/"


def test_an_idle_session_expires_after_thirty_minutes(clock_world: PartnerWorld) -> None:
    _, visitor = signed_in_citizen(clock_world)
    advance_clock(clock_world.world, 30 * 60 + 1)
    assert visitor.get("/mes-demarches").location == "/"
