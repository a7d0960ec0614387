"""Using an active account: signing in (password and code, or LuxTrust), signing out, opening its tabs."""

from faker import Faker
from playwright.sync_api import Page, expect

from harness.targets import TargetCapabilityMissing
from steps.journeys.activation import activated_patient
from steps.journeys.actors import Actor
from steps.journeys.luxtrust import authenticate
from steps.journeys.professional import activated_professional
from steps.journeys.shortcuts import give_session
from steps.journeys.target import latest_code
from steps.pages.account import AccountMenu, PasswordSignInPage, SignInCodePage
from steps.pages.guide import press
from steps.pages.portal import HomePage, PatientSpacePage, PortalHeader
from steps.pages.professional import LuxTrustProductStep, MyServicesPage

SERVICES = "Mes services eSanté"
PASSWORD_SIGN_IN = "Matricule & Mot de passe"


def open_password_sign_in(page: Page) -> None:
    """« Connexion » → « Patient » → « Matricule & Mot de passe »."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_connexion()
    header.choose_space("Patient")
    press(page, PASSWORD_SIGN_IN)


def reopen_password_sign_in(actor: Actor) -> None:
    """« Matricule & Mot de passe » once more in a scenario: at the form's address, walked to the first time."""
    address = actor.step_urls.get(PASSWORD_SIGN_IN)
    if address is not None:
        # Someone trying again goes back to the form, not through the home page each time.
        actor.page.goto(address)
        # A form that is no page of its own (shown after a POST, say) is walked to again.
        if PasswordSignInPage(actor.page).password.count():
            return
    open_password_sign_in(actor.page)
    actor.step_urls[PASSWORD_SIGN_IN] = actor.page.url


def sign_in_with_password(actor: Actor) -> None:
    """The whole password sign-in with the newest code received, up to « Mes services eSanté »."""
    open_password_sign_in(actor.page)
    PasswordSignInPage(actor.page).sign_in(actor.persona.matricule, actor.password)
    SignInCodePage(actor.page).enter(latest_code(actor))
    expect(MyServicesPage(actor.page).heading).to_be_visible()
    actor.step_urls[SERVICES] = actor.page.url


def sign_in_with_luxtrust(actor: Actor) -> None:
    """« Connexion » → « Professionnel » → « Connexion » → LuxTrust, up to « Mes services eSanté »."""
    HomePage(actor.page).open()
    header = PortalHeader(actor.page)
    header.open_connexion()
    header.choose_space("Professionnel")
    LuxTrustProductStep(actor.page).connect()
    authenticate(actor, actor.persona.luxtrust[0])
    expect(MyServicesPage(actor.page).heading).to_be_visible()
    actor.step_urls[SERVICES] = actor.page.url


def sign_in_as_patient_with_luxtrust(actor: Actor, product: str) -> None:
    """« Connexion » → « Patient » → « Connexion » with one of the person's LuxTrust products (pp. 15–16)."""
    PatientSpacePage(actor.page).open()
    LuxTrustProductStep(actor.page).connect()
    authenticate(actor, actor.persona.device(product))


def signed_in(actor: Actor) -> None:
    """At « Mes services eSanté », signed in: in a session the target opens, else by signing in."""
    method = "luxtrust" if actor.persona.kind == "professional" else "password"
    try:
        session = actor.target.open_session(actor.persona, method)
    except TargetCapabilityMissing:
        (sign_in_with_luxtrust if method == "luxtrust" else sign_in_with_password)(actor)
        return
    give_session(actor.page.context, session)
    actor.page.goto(session.url)
    expect(MyServicesPage(actor.page).heading).to_be_visible()
    actor.step_urls[SERVICES] = actor.page.url


def activate_and_sign_in(actor: Actor, faker: Faker) -> None:
    """A patient with an active account, signed in with their password."""
    activated_patient(actor, faker, at_home=False)
    signed_in(actor)


def activate_and_sign_in_professional(actor: Actor) -> None:
    """A professional with an account active with their first product, signed in with it."""
    activated_professional(actor, at_home=False)
    signed_in(actor)


def sign_out(page: Page) -> None:
    """« Mon Compte » → « Déconnexion », done once « Connexion » is offered again."""
    menu = AccountMenu(page)
    menu.open("Déconnexion")
    # Opening the next page before the sign-out's own page has come could abort it.
    expect(menu.banner.get_by_role("link", name="Connexion", exact=True)).to_be_visible()


def open_means_tab(page: Page) -> None:
    """« Mon Compte » → « Gérer mon compte » → « Moyens d'authentification »."""
    AccountMenu(page).open("Gérer mon compte")
    press(page, "Moyens d'authentification")
