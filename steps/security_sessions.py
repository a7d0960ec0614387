"""Security of sessions: a new one at sign-in, none left after sign-out, a code that works once (ASVS V6–V7)."""

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import then, when

from steps.journeys.account import SERVICES, open_password_sign_in, sign_in_with_password
from steps.journeys.actors import Actor
from steps.journeys.dsp import DSP
from steps.journeys.security import Evidence, SentForm, browser_with_cookies, is_form_sent, portal_cookies
from steps.journeys.target import latest_code
from steps.pages.account import SignInCodePage
from steps.pages.dsp import DspPage
from steps.pages.professional import MyServicesPage


@pytest.fixture
def evidence() -> Evidence:
    """What the scenario's attacker noted, for the steps that use it later."""
    return Evidence()


def other_page(evidence: Evidence) -> Page:
    """The other browser the attacker opened."""
    assert evidence.other_page is not None, "no other browser was opened"
    return evidence.other_page


# Noting and replaying ---------------------------------------------------------------------------


@when("quelqu'un relève les cookies de son navigateur")
def _(actor: Actor, evidence: Evidence) -> None:
    """Every cookie the browser holds for the portal's pages, as they are now."""
    evidence.cookies = portal_cookies(actor.page.context, actor.page.url)


@when("il introduit le code reçu, pendant que quelqu'un enregistre cet envoi")
def _(actor: Actor, evidence: Evidence) -> None:
    """The newest code, its form's request kept whole."""
    with actor.page.expect_request(is_form_sent) as sent:
        SignInCodePage(actor.page).enter(latest_code(actor))
    evidence.sent = SentForm.of(sent.value)
    actor.step_urls[SERVICES] = actor.page.url


@when("quelqu'un renvoie ce même code depuis un autre navigateur avec les cookies relevés")
def _(new_context: Callable[..., BrowserContext], actor: Actor, evidence: Evidence) -> None:
    """The recorded request sent again, with the cookies of before, then « Mes services eSanté » asked for."""
    assert evidence.sent is not None, "no code was recorded"
    evidence.other_page = browser_with_cookies(new_context(), evidence.cookies)
    evidence.sent.replay(evidence.other_page.context)
    evidence.other_page.goto(actor.step_urls[SERVICES])


@when("quelqu'un ouvre « Mes services eSanté » depuis un autre navigateur avec les cookies relevés")
def _(new_context: Callable[..., BrowserContext], actor: Actor, evidence: Evidence) -> None:
    """Another browser, holding only the cookies noted, at the address of the signed-in space."""
    evidence.other_page = browser_with_cookies(new_context(), evidence.cookies)
    evidence.other_page.goto(actor.step_urls[SERVICES])


@when("quelqu'un ouvre l'adresse de son DSP dans cet autre navigateur")
def _(actor: Actor, evidence: Evidence) -> None:
    """The record's address, in the browser holding the old cookies."""
    other_page(evidence).goto(actor.step_urls[DSP])


# Signing in -------------------------------------------------------------------------------------


@when("il ouvre la page « Matricule & Mot de passe »")
def _(page: Page) -> None:
    """« Connexion » → « Patient » → « Matricule & Mot de passe », where a visitor's session starts."""
    open_password_sign_in(page)


@when("il se connecte avec son matricule, son mot de passe et le code reçu")
def _(actor: Actor) -> None:
    """The whole password sign-in, walked."""
    sign_in_with_password(actor)


# Then -------------------------------------------------------------------------------------------


@then("la session est portée par un nouveau cookie")
def _(actor: Actor, evidence: Evidence) -> None:
    """At least one cookie the browser now sends was not there, with that value, before signing in."""
    before = {(cookie["name"], cookie["value"]) for cookie in evidence.cookies}
    after = {(cookie["name"], cookie["value"]) for cookie in portal_cookies(actor.page.context, actor.page.url)}
    assert after - before, f"signing in changed no cookie: the session is still carried by {sorted(before)}"


@then("« Mes services eSanté » ne s'affiche pas dans cet autre navigateur")
def _(evidence: Evidence) -> None:
    """The old cookies open no signed-in space."""
    expect(MyServicesPage(other_page(evidence)).heading).to_have_count(0)


@then("son DSP ne s'affiche pas dans cet autre navigateur")
def _(actor: Actor, evidence: Evidence) -> None:
    """No heading names the record's holder in the other browser."""
    page = other_page(evidence)
    expect(page.get_by_role("heading").filter(has_text=actor.persona.full_name)).to_have_count(0)
    expect(DspPage(page).section("Mes derniers documents")).to_have_count(0)
