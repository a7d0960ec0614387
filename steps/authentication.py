"""Signing in, with LuxTrust or « Matricule & Mot de passe », reaching « Mes services eSanté », and signing out."""

import re
from collections.abc import Callable

import pytest
from faker import Faker
from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona
from steps.journeys.account import (
    SERVICES,
    activate_and_sign_in,
    open_password_sign_in,
    reopen_password_sign_in,
    sign_out,
)
from steps.journeys.activation import activated_patient
from steps.journeys.actors import Actor
from steps.journeys.inputs import wrong_code
from steps.journeys.target import advance_clock, latest_code
from steps.pages.account import PasswordSignInPage, SignInCodePage
from steps.pages.guide import main_content
from steps.pages.professional import MyServicesPage


@pytest.fixture
def saved_session() -> dict[str, object]:
    """The browser's cookies and the services' address, kept before signing out."""
    return {}


def messages_to(actor: Actor) -> int:
    """How many messages the account's means received so far."""
    return len(actor.target.messages(actor.code_destination))


# Given ------------------------------------------------------------------------------------------


@given(parsers.parse("un patient dont le compte est activé avec le code à usage unique par « {channel} »"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker, channel: str) -> Actor:
    """A patient who went through the whole wizard, codes going to the chosen channel."""
    actor = new_actor("patient", channel=channel)
    activated_patient(actor, faker)
    return actor


@given("un patient connecté à « Mes services eSanté »", target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker) -> Actor:
    """A patient activated and signed in with their password."""
    actor = new_actor("patient")
    activate_and_sign_in(actor, faker)
    return actor


# « Mes services eSanté » ------------------------------------------------------------------------


@then("l'espace « Mes services eSanté » s'affiche")
def _(page: Page) -> None:
    """The signed-in space is shown."""
    expect(MyServicesPage(page).heading).to_be_visible()


@then("l'espace « Mes services eSanté » ne s'affiche pas")
def _(page: Page) -> None:
    """No signed-in space: the sign-in was refused."""
    expect(MyServicesPage(page).heading).to_have_count(0)


@then("il propose les services")
def _(page: Page, datatable: list[list[str]]) -> None:
    """Every service the guide names is offered."""
    services = MyServicesPage(page)
    for (name,) in datatable[1:]:
        expect(services.service(name), f"service « {name} »").to_be_visible()


@then("le portail indique que ce produit LuxTrust n'est associé à aucun compte et renvoie vers l'activation")
def _(page: Page) -> None:
    """The refusal explains the product is unknown and points to activating the account."""
    status = page.get_by_role("status")
    expect(status).to_contain_text(re.compile("aucun compte", re.IGNORECASE))
    expect(status).to_contain_text(re.compile("activ", re.IGNORECASE))


# « Matricule & Mot de passe » -------------------------------------------------------------------


@then(parsers.parse("la page propose « {luxtrust} » avec LuxTrust et « {password} »"))
def _(page: Page, luxtrust: str, password: str) -> None:
    """Both ways to sign in (p. 16)."""
    content = main_content(page)
    expect(content.get_by_role("button", name=luxtrust, exact=True)).to_be_visible()
    expect(content.get_by_role("link", name=password).or_(content.get_by_role("button", name=password))).to_be_visible()


@when("il introduit son matricule et son mot de passe")
def _(actor: Actor) -> None:
    """The matricule and the password defined at activation."""
    actor.messages_before = messages_to(actor)
    PasswordSignInPage(actor.page).sign_in(actor.persona.matricule, actor.password)


@when(parsers.parse("il se connecte par « Matricule & Mot de passe » avec {what}"))
def _(actor: Actor, new_persona: Callable[..., Persona], what: str) -> None:
    """The password sign-in with the right or wrong credentials."""
    actor.messages_before = messages_to(actor)
    matricule, password = actor.persona.matricule, actor.password
    if what == "un mauvais mot de passe":
        password = password + "x"
    elif what == "un matricule sans compte":
        matricule = new_persona("patient").matricule
    open_password_sign_in(actor.page)
    PasswordSignInPage(actor.page).sign_in(matricule, password)


@when("il introduit le code reçu")
def _(actor: Actor) -> None:
    """The newest code sent to the account's means."""
    SignInCodePage(actor.page).enter(latest_code(actor))
    actor.step_urls[SERVICES] = actor.page.url


@when("il introduit un code erroné")
def _(actor: Actor) -> None:
    """A code that differs from the one sent."""
    SignInCodePage(actor.page).enter(wrong_code(latest_code(actor)))


@when(parsers.parse("il se trompe {count:d} fois de mot de passe, en laissant passer {seconds:d} secondes entre deux essais"))
def _(actor: Actor, count: int, seconds: int) -> None:
    """Wrong passwords, spaced so that the throttle lets each one through."""
    for attempt in range(count):
        reopen_password_sign_in(actor)
        PasswordSignInPage(actor.page).sign_in(actor.persona.matricule, f"{actor.password}-{attempt}")
        expect(actor.page.get_by_role("alert")).to_be_visible()
        advance_clock(actor.target, seconds + 1)


@then("aucun code de connexion ne lui a été envoyé")
def _(actor: Actor) -> None:
    """The account's means received nothing new."""
    expect(SignInCodePage(actor.page).code).to_have_count(0)
    assert messages_to(actor) == actor.messages_before, "a code was sent"


# « Déconnexion » --------------------------------------------------------------------------------


@when("il se déconnecte")
def _(page: Page, context: BrowserContext, saved_session: dict[str, object]) -> None:
    """« Mon Compte » → « Déconnexion », keeping the cookies the browser had before."""
    saved_session["cookies"] = context.cookies()
    sign_out(page)


@when("il revient sur « Mes services eSanté » avec son ancienne session")
def _(actor: Actor, context: BrowserContext, saved_session: dict[str, object]) -> None:
    """Put back the old cookies and open the services' address again."""
    context.clear_cookies()
    context.add_cookies(saved_session["cookies"])  # type: ignore[arg-type]
    actor.page.goto(actor.step_urls[SERVICES])
