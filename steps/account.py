"""« Gérer mon compte » (pro guide pp. 12–14, shared by patients): means, password, contacts, notifications, helpdesk."""

import re
from collections.abc import Callable

import pytest
from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Target
from steps.journeys.account import (
    activate_and_sign_in_professional,
    open_means_tab,
    open_password_sign_in,
    sign_out,
)
from steps.journeys.actors import Actor
from steps.journeys.inputs import new_mobile, strong_password
from steps.journeys.luxtrust import PRODUCT_TYPES
from steps.journeys.target import latest_code
from steps.pages.account import (
    AccountMenu,
    AuthenticationMeansTab,
    PasswordSignInPage,
    PersonalInformationTab,
    SignInCodePage,
)
from steps.pages.activation import Feedback
from steps.pages.guide import control, labelled, main_content, phone_number, press

CHANGE_NOTICE = re.compile("modifi", re.IGNORECASE)


def signed_in_professional(new_actor: Callable[..., Actor], products: list[str], channel: str = "Mobile") -> Actor:
    """A professional activated with their first product and signed in with it."""
    actor = new_actor("professional", channel=channel, luxtrust=[PRODUCT_TYPES[p] for p in products])
    activate_and_sign_in_professional(actor)
    return actor


# Given ------------------------------------------------------------------------------------------


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) »$"), target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A professional signed in with LuxTrust."""
    return signed_in_professional(new_actor, [product])


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) », sur l'onglet « Moyens d'authentification »"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A professional signed in, on the tab of the authentication means."""
    actor = signed_in_professional(new_actor, [product])
    open_means_tab(actor.page)
    return actor


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<first>[^»]+) » qui possède aussi une « (?P<second>[^»]+) », sur l'onglet « Moyens d'authentification »"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], first: str, second: str) -> Actor:
    """A professional with two products, signed in with the first."""
    actor = signed_in_professional(new_actor, [first, second])
    open_means_tab(actor.page)
    return actor


@given(parsers.re(r"un professionnel de santé connecté avec son « (?P<product>[^»]+) » dont le code à usage unique arrive par e-mail"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A professional whose account has an e-mail address, signed in with LuxTrust."""
    return signed_in_professional(new_actor, [product], "E-mail")


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
def _(actor: Actor) -> None:
    """A fresh code, sent to the account's means, before a sensitive change."""
    means = AuthenticationMeansTab(actor.page)
    means.ask_confirmation_code()
    means.confirm_identity(latest_code(actor))


@when("il définit un nouveau mot de passe conforme, le confirme et clique sur « Valider »")
def _(actor: Actor, faker: Faker) -> None:
    """A password following the policy."""
    actor.password = strong_password(faker)
    AuthenticationMeansTab(actor.page).choose_password(actor.password, actor.password)


@when(parsers.parse("il saisit le nouveau mot de passe « {password} » et la confirmation « {confirmation} » puis clique sur « Valider »"),
      target_fixture="refused_password")
def _(page: Page, password: str, confirmation: str) -> str:
    """A given password and confirmation, remembered to prove later that it was not kept."""
    AuthenticationMeansTab(page).choose_password(password, confirmation)
    return password


@then("ce mot de passe ne permet pas de se connecter")
def _(actor: Actor, refused_password: str) -> None:
    """Nothing was stored: signed out, the refused password does not open the sign-in's next step."""
    sign_out(actor.page)
    open_password_sign_in(actor.page)
    PasswordSignInPage(actor.page).sign_in(actor.persona.matricule, refused_password)
    Feedback(actor.page).wait_for_error()
    expect(SignInCodePage(actor.page).code).to_have_count(0)


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
    content = main_content(page)
    for rule in ("8 caractères", "1 caractère(s) alphabétique(s)", "1 caractère(s) numérique(s)"):
        expect(content).to_contain_text(rule)


@then(parsers.parse("son produit « {product} » est listé"))
def _(page: Page, actor: Actor, product: str) -> None:
    """The product shows among those associated."""
    serial = actor.persona.device(product).serial
    expect(AuthenticationMeansTab(page).remove_button(serial)).to_be_visible()


@then(parsers.parse("son produit « {product} » n'est plus listé"))
def _(page: Page, actor: Actor, product: str) -> None:
    """The product is gone from the list."""
    serial = actor.persona.device(product).serial
    expect(AuthenticationMeansTab(page).remove_button(serial)).to_have_count(0)


@when(parsers.parse("il supprime son produit « {product} »"))
def _(page: Page, actor: Actor, product: str) -> None:
    """« Supprimer » next to the product."""
    AuthenticationMeansTab(page).remove(actor.persona.device(product).serial)


@when("il remplace son téléphone portable par un nouveau numéro et clique sur « Valider »")
def _(page: Page, actor: Actor, faker: Faker) -> None:
    """A new Luxembourg mobile number."""
    number = new_mobile(faker)
    actor.new_contact = number
    means = AuthenticationMeansTab(page)
    means.change_contact(means.mobile, "Téléphone portable", number)


@when("il remplace son e-mail par une nouvelle adresse et clique sur « Valider »")
def _(page: Page, actor: Actor, faker: Faker) -> None:
    """A new e-mail address on a reserved example domain."""
    address = f"{faker.user_name()}.{faker.numerify('####')}@example.org"
    actor.new_contact = address
    means = AuthenticationMeansTab(page)
    means.change_contact(means.email, "E-mail", address)


@when("il introduit le code envoyé au nouveau numéro")
@when("il introduit le code envoyé à la nouvelle adresse")
def _(actor: Actor) -> None:
    """The code the new number or address received."""
    AuthenticationMeansTab(actor.page).confirm_change(latest_code(actor, actor.new_contact))


@then("le portail confirme que son numéro de téléphone portable a été modifié")
def _(page: Page) -> None:
    """The change of number is confirmed."""
    expect(page.get_by_role("status").filter(has_text="téléphone portable")).to_contain_text(CHANGE_NOTICE)


@then("le portail confirme que son adresse e-mail a été modifiée")
def _(page: Page) -> None:
    """The change of address is confirmed."""
    expect(page.get_by_role("status").filter(has_text="adresse e-mail")).to_contain_text(CHANGE_NOTICE)


@then("un avis de modification lui est envoyé")
def _(actor: Actor) -> None:
    """The holder is told of the change on the means they had."""
    newest = actor.target.messages(actor.code_destination)[0]
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
def _(target: Target, faker: Faker, published: dict[str, str]) -> None:
    """One of each, through the target's test-support interface."""
    for kind in ("event", "survey"):
        published[kind] = f"{faker.catch_phrase()} {faker.numerify('####')}"
        target.publish(kind, published[kind])


@then("il reçoit par e-mail l'annonce du sondage mais pas celle de l'événement")
def _(actor: Actor, published: dict[str, str]) -> None:
    """Only the subscribed kind reached the account's address."""
    bodies = [m.subject + m.body for m in actor.target.messages(actor.persona.email)]
    assert any(published["survey"] in body for body in bodies), "no e-mail about the survey"
    assert not any(published["event"] in body for body in bodies), "an e-mail about the event came"
