"""« Matricule & Mot de passe », « Déconnexion » and « Gérer mon compte » (patient pp. 15–17, pro pp. 12–14)."""

import re
from collections.abc import Callable

import pytest
from faker import Faker
from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona, TestSupportClient
from steps.activation import Activation, advance_clock, latest_code, strong_password, walk_to
from steps.luxtrust import PRODUCT_TYPES, authenticate
from steps.pages.account import (
    AccountMenu,
    AuthenticationMeansTab,
    PasswordSignInPage,
    PersonalInformationTab,
    SignInCodePage,
)
from steps.pages.guide import control, labelled, phone_number, press
from steps.pages.portal import HomePage, PortalHeader
from steps.pages.professional import LuxTrustProductStep, MyServicesPage
from steps.professional_activation import walk_professional_to

CHANGE_NOTICE = re.compile("modifi", re.IGNORECASE)


@pytest.fixture
def saved_session() -> dict[str, object]:
    """The browser's cookies and the services' address, kept before signing out."""
    return {}


def open_password_sign_in(page: Page) -> None:
    """« Connexion » → « Patient » → « Matricule & Mot de passe »."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_connexion()
    header.choose_space("Patient")
    press(page, "Matricule & Mot de passe")


def sign_in_with_password(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """The whole password sign-in, up to « Mes services eSanté »."""
    open_password_sign_in(page)
    PasswordSignInPage(page).sign_in(activation.persona.matricule, activation.password)
    SignInCodePage(page).enter(latest_code(test_support, activation.code_destination))
    expect(MyServicesPage(page).heading).to_be_visible()
    activation.step_urls["Mes services eSanté"] = page.url


def sign_in_with_luxtrust(page: Page, test_support: TestSupportClient, activation: Activation,
                          counters: dict[str, int]) -> None:
    """« Connexion » → « Professionnel » → « Connexion » → LuxTrust, up to « Mes services eSanté »."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_connexion()
    header.choose_space("Professionnel")
    LuxTrustProductStep(page).connect()
    authenticate(page, activation.persona.luxtrust[0], test_support, counters)
    expect(MyServicesPage(page).heading).to_be_visible()
    activation.step_urls["Mes services eSanté"] = page.url


def open_means_tab(page: Page) -> None:
    """« Mon Compte » → « Gérer mon compte » → « Moyens d'authentification »."""
    AccountMenu(page).open("Gérer mon compte")
    press(page, "Moyens d'authentification")


def messages_to(test_support: TestSupportClient, activation: Activation) -> int:
    """How many messages the account's means received so far."""
    return len(test_support.messages(activation.code_destination))


# Given ------------------------------------------------------------------------------------------


@given(parsers.parse("un patient dont le compte est activé avec le code à usage unique par « {channel} »"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient, channel: str) -> Activation:
    """A patient who went through the whole wizard, codes going to the chosen channel."""
    activation = Activation(new_persona("patient"), channel=channel)
    walk_to(page, activation, faker, test_support, "Confirmation")
    return activation


@given("un patient connecté à « Mes services eSanté »", target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> Activation:
    """A patient activated and signed in with their password."""
    activation = Activation(new_persona("patient"))
    walk_to(page, activation, faker, test_support, "Confirmation")
    sign_in_with_password(page, test_support, activation)
    return activation


def signed_in_professional(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
                           counters: dict[str, int], products: list[str], channel: str = "Mobile") -> Activation:
    """A professional activated with their first product and signed in with it."""
    persona = new_persona("professional", luxtrust=[PRODUCT_TYPES[p] for p in products])
    activation = Activation(persona, channel=channel)
    walk_professional_to(page, activation, test_support, counters, "Confirmation")
    sign_in_with_luxtrust(page, test_support, activation, counters)
    return activation


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) »$"), target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], product: str) -> Activation:
    """A professional signed in with LuxTrust."""
    return signed_in_professional(page, new_persona, test_support, token_counters, [product])


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) », sur l'onglet « Moyens d'authentification »"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], product: str) -> Activation:
    """A professional signed in, on the tab of the authentication means."""
    activation = signed_in_professional(page, new_persona, test_support, token_counters, [product])
    open_means_tab(page)
    return activation


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<first>[^»]+) » qui possède aussi une « (?P<second>[^»]+) », sur l'onglet « Moyens d'authentification »"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], first: str, second: str) -> Activation:
    """A professional with two products, signed in with the first."""
    activation = signed_in_professional(page, new_persona, test_support, token_counters, [first, second])
    open_means_tab(page)
    return activation


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) » dont le code à usage unique arrive par e-mail"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], product: str) -> Activation:
    """A professional whose account has an e-mail address, signed in with LuxTrust."""
    return signed_in_professional(page, new_persona, test_support, token_counters, [product], "E-mail")


# Signing in and out -----------------------------------------------------------------------------


@then(parsers.parse("la page propose « {luxtrust} » avec LuxTrust et « {password} »"))
def _(page: Page, luxtrust: str, password: str) -> None:
    """Both ways to sign in (p. 16)."""
    content = page.get_by_role("main")
    expect(content.get_by_role("button", name=luxtrust, exact=True)).to_be_visible()
    expect(content.get_by_role("link", name=password).or_(content.get_by_role("button", name=password))).to_be_visible()


@when("il introduit son matricule et son mot de passe")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """The matricule and the password defined at activation."""
    activation.messages_before = messages_to(test_support, activation)
    PasswordSignInPage(page).sign_in(activation.persona.matricule, activation.password)


@when(parsers.parse("il se connecte par « Matricule & Mot de passe » avec {what}"))
def _(page: Page, test_support: TestSupportClient, new_persona: Callable[..., Persona],
      activation: Activation, what: str) -> None:
    """The password sign-in with the right or wrong credentials."""
    activation.messages_before = messages_to(test_support, activation)
    matricule, password = activation.persona.matricule, activation.password
    if what == "un mauvais mot de passe":
        password = password + "x"
    elif what == "un matricule sans compte":
        matricule = new_persona("patient").matricule
    open_password_sign_in(page)
    PasswordSignInPage(page).sign_in(matricule, password)


@when("il introduit le code reçu")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """The newest code sent to the account's means."""
    SignInCodePage(page).enter(latest_code(test_support, activation.code_destination))
    activation.step_urls["Mes services eSanté"] = page.url


@when("il introduit un code erroné")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """A code that differs from the one sent."""
    sent = latest_code(test_support, activation.code_destination)
    SignInCodePage(page).enter(f"{(int(sent) + 1) % 1_000_000:06d}")


@when(parsers.parse("il se trompe {count:d} fois de mot de passe, en laissant passer {seconds:d} secondes entre deux essais"))
def _(page: Page, test_support: TestSupportClient, activation: Activation, count: int, seconds: int) -> None:
    """Wrong passwords, spaced so that the throttle lets each one through."""
    for attempt in range(count):
        open_password_sign_in(page)
        PasswordSignInPage(page).sign_in(activation.persona.matricule, f"{activation.password}-{attempt}")
        expect(page.get_by_role("alert")).to_be_visible()
        advance_clock(test_support, seconds + 1)


@then("aucun code de connexion ne lui a été envoyé")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """The account's means received nothing new."""
    expect(SignInCodePage(page).code).to_have_count(0)
    assert messages_to(test_support, activation) == activation.messages_before, "a code was sent"


@when("il se déconnecte")
def _(page: Page, context: BrowserContext, saved_session: dict[str, object]) -> None:
    """« Mon Compte » → « Déconnexion », keeping the cookies the browser had before."""
    saved_session["cookies"] = context.cookies()
    AccountMenu(page).open("Déconnexion")
    expect(AccountMenu(page).banner.get_by_role("link", name="Connexion", exact=True)).to_be_visible()


@when("il revient sur « Mes services eSanté » avec son ancienne session")
def _(page: Page, context: BrowserContext, activation: Activation, saved_session: dict[str, object]) -> None:
    """Put back the old cookies and open the services' address again."""
    context.clear_cookies()
    context.add_cookies(saved_session["cookies"])  # type: ignore[arg-type]
    page.goto(activation.step_urls["Mes services eSanté"])


# « Gérer mon compte » ---------------------------------------------------------------------------


@when("il ouvre « Mon Compte » puis « Gérer mon compte »")
def _(page: Page) -> None:
    """The menu at the top right (p. 12)."""
    AccountMenu(page).open("Gérer mon compte")


@when(parsers.parse("il clique sur l'onglet « {tab} »"))
def _(page: Page, tab: str) -> None:
    """One of the two tabs."""
    press(page, tab)


@when("il confirme son identité avec un code à usage unique")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """A fresh code, sent to the account's means, before a sensitive change."""
    means = AuthenticationMeansTab(page)
    means.ask_confirmation_code()
    means.confirm_identity(latest_code(test_support, activation.code_destination))


@when("il définit un nouveau mot de passe conforme, le confirme et clique sur « Valider »")
def _(page: Page, activation: Activation, faker: Faker) -> None:
    """A password following the policy."""
    activation.password = strong_password(faker)
    AuthenticationMeansTab(page).choose_password(activation.password, activation.password)


@when(parsers.parse("il saisit le nouveau mot de passe « {password} » et la confirmation « {confirmation} » puis clique sur « Valider »"))
def _(page: Page, password: str, confirmation: str) -> None:
    """A given password and confirmation."""
    AuthenticationMeansTab(page).choose_password(password, confirmation)


@then("le portail confirme que son mot de passe a été défini")
def _(page: Page) -> None:
    """The change is confirmed on the page."""
    expect(page.get_by_role("status").filter(has_text="mot de passe")).to_contain_text("défini")


@then("le portail ne confirme aucun changement")
def _(page: Page) -> None:
    """No status says something was changed."""
    expect(page.get_by_role("status").filter(has_text=re.compile("a été (défini|modifi)"))).to_have_count(0)


@then(parsers.parse("les rubriques « {a} », « {b} » et « {c} » s'affichent"))
def _(page: Page, a: str, b: str, c: str) -> None:
    """The sections of the tab, by their headings (p. 13)."""
    means = AuthenticationMeansTab(page)
    for title in (a, b, c):
        expect(means.section(title), f"section « {title} »").to_be_visible()


@then(parsers.parse("le formulaire du mot de passe demande « {matricule} », « {new} » et « {confirmation} »"))
def _(page: Page, matricule: str, new: str, confirmation: str) -> None:
    """The password form's fields, by the guide's labels (p. 13)."""
    for label in (matricule, new, confirmation):
        expect(labelled(page, label), f"field « {label} »").to_be_visible()


@then(parsers.parse("le pied de page indique le helpdesk « {phone} » et « {email} »"))
def _(page: Page, phone: str, email: str) -> None:
    """The footer's helpdesk contacts."""
    footer = page.get_by_role("contentinfo")
    expect(footer).to_contain_text(phone_number(phone))
    expect(footer).to_contain_text(email)


@then(parsers.parse("il propose la rubrique « {section} »"))
def _(page: Page, section: str) -> None:
    """A link of the footer, by its words."""
    expect(control(page.get_by_role("contentinfo"), section)).to_be_visible()


@then(parsers.parse("il propose de prendre rendez-vous en ligne sur « {site} »"))
def _(page: Page, site: str) -> None:
    """The online helpdesk's appointments."""
    expect(page.get_by_role("contentinfo")).to_contain_text(site)


@then(parsers.parse("il donne l'adresse postale « {address} » et le site « {site} »"))
def _(page: Page, address: str, site: str) -> None:
    """The Agency's postal address and website."""
    footer = page.get_by_role("contentinfo")
    expect(footer).to_contain_text(address)
    expect(footer).to_contain_text(site)


@then("la politique de sécurité du mot de passe est rappelée")
def _(page: Page) -> None:
    """The three rules of the « Politique de sécurité »."""
    content = page.get_by_role("main")
    for rule in ("8 caractères", "1 caractère(s) alphabétique(s)", "1 caractère(s) numérique(s)"):
        expect(content).to_contain_text(rule)


@then(parsers.parse("son produit « {product} » est listé"))
def _(page: Page, activation: Activation, product: str) -> None:
    """The product shows among those associated."""
    serial = activation.persona.device(product).serial
    expect(AuthenticationMeansTab(page).remove_button(serial)).to_be_visible()


@then(parsers.parse("son produit « {product} » n'est plus listé"))
def _(page: Page, activation: Activation, product: str) -> None:
    """The product is gone from the list."""
    serial = activation.persona.device(product).serial
    expect(AuthenticationMeansTab(page).remove_button(serial)).to_have_count(0)


@when(parsers.parse("il supprime son produit « {product} »"))
def _(page: Page, activation: Activation, product: str) -> None:
    """« Supprimer » next to the product."""
    AuthenticationMeansTab(page).remove(activation.persona.device(product).serial)


@when("il remplace son téléphone portable par un nouveau numéro et clique sur « Valider »")
def _(page: Page, activation: Activation, faker: Faker) -> None:
    """A new Luxembourg mobile number."""
    number = f"+352 691 {faker.numerify('### ###')}"
    activation.new_contact = number
    means = AuthenticationMeansTab(page)
    means.change_contact(means.mobile, "Téléphone portable", number)


@when("il remplace son e-mail par une nouvelle adresse et clique sur « Valider »")
def _(page: Page, activation: Activation, faker: Faker) -> None:
    """A new e-mail address on a reserved example domain."""
    address = f"{faker.user_name()}.{faker.numerify('####')}@example.org"
    activation.new_contact = address
    means = AuthenticationMeansTab(page)
    means.change_contact(means.email, "E-mail", address)


@when("il introduit le code envoyé au nouveau numéro")
@when("il introduit le code envoyé à la nouvelle adresse")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """The code the new number or address received."""
    AuthenticationMeansTab(page).confirm_change(latest_code(test_support, activation.new_contact))


@then("le portail confirme que son numéro de téléphone portable a été modifié")
def _(page: Page) -> None:
    """The change of number is confirmed."""
    expect(page.get_by_role("status").filter(has_text="téléphone portable")).to_contain_text(CHANGE_NOTICE)


@then("le portail confirme que son adresse e-mail a été modifiée")
def _(page: Page) -> None:
    """The change of address is confirmed."""
    expect(page.get_by_role("status").filter(has_text="adresse e-mail")).to_contain_text(CHANGE_NOTICE)


@then("un avis de modification lui est envoyé")
def _(test_support: TestSupportClient, activation: Activation) -> None:
    """The holder is told of the change on the means they had."""
    newest = test_support.messages(activation.code_destination)[0]
    assert CHANGE_NOTICE.search(newest.body), f"no notice of the change, newest message: {newest.body}"


# Notifications (p. 14) --------------------------------------------------------------------------


@then(parsers.parse("les cases « {first} » et « {second} » sont cochées"))
def _(page: Page, first: str, second: str) -> None:
    """Both notifications are on by default."""
    tab = PersonalInformationTab(page)
    expect(tab.box(first)).to_be_checked()
    expect(tab.box(second)).to_be_checked()


@when(parsers.parse("il décoche « {label} » et clique sur « Valider »"))
def _(page: Page, label: str) -> None:
    """Turn one notification off."""
    PersonalInformationTab(page).untick_and_save(label)


@then(parsers.parse("la case « {label} » reste décochée en revenant sur la page"))
def _(page: Page, label: str) -> None:
    """The choice was stored on the server, not just in the form."""
    page.reload()
    expect(PersonalInformationTab(page).box(label)).not_to_be_checked()


@pytest.fixture
def published() -> dict[str, str]:
    """The titles of what the portal published during the scenario."""
    return {}


@when("le portail publie un événement et un sondage")
def _(test_support: TestSupportClient, faker: Faker, published: dict[str, str]) -> None:
    """One of each, through the target's test-support interface."""
    for kind in ("event", "survey"):
        published[kind] = f"{faker.catch_phrase()} {faker.numerify('####')}"
        test_support.publish(kind, published[kind])


@then("il reçoit par e-mail l'annonce du sondage mais pas celle de l'événement")
def _(test_support: TestSupportClient, activation: Activation, published: dict[str, str]) -> None:
    """Only the subscribed kind reached the account's address."""
    bodies = [m.subject + m.body for m in test_support.messages(activation.persona.email)]
    assert any(published["survey"] in body for body in bodies), "no e-mail about the survey"
    assert not any(published["event"] in body for body in bodies), "an e-mail about the event came"
