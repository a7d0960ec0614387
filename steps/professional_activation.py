"""The health professional's activation: LuxTrust first, then the letter, the register, the code."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona
from steps.journeys.actors import Actor
from steps.journeys.luxtrust import PRODUCT_TYPES
from steps.journeys.professional import (
    PRO_STEPS,
    activated_professional,
    open_professional_cgu,
    professional_at_step,
)
from steps.pages.guide import control, main_content
from steps.pages.portal import HomePage
from steps.pages.professional import LuxTrustProductStep, ProfessionalCodeStep


def new_professional(new_actor: Callable[..., Actor], product: str = "Token", **options: object) -> Actor:
    """A professional in the register, with a letter and one LuxTrust product."""
    return new_actor("professional", luxtrust=[PRODUCT_TYPES[product]], **options)


# Given ------------------------------------------------------------------------------------------


@given("un professionnel de santé sur la page d'accueil du portail eSanté")
def _(page: Page) -> None:
    """Open www.esante.lu's home page."""
    HomePage(page).open()


@given("un professionnel de santé qui a ouvert « Activation compte eSanté »", target_fixture="actor")
def _(page: Page, new_actor: Callable[..., Actor]) -> Actor:
    """A professional on the CGU page, reached as the guide says."""
    open_professional_cgu(page)
    return new_professional(new_actor)


@given(
    parsers.parse("un professionnel de santé qui a reçu son courrier d'activation et possède un « {product} »"),
    target_fixture="actor",
)
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A professional with a letter and one LuxTrust product."""
    return new_professional(new_actor, product)


@given("il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle")
def _(actor: Actor) -> None:
    """The CGU are accepted and step 1 is shown."""
    professional_at_step(actor, PRO_STEPS[0])


@given(parsers.parse("un professionnel de santé à l'étape « {step} » de son activation"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], step: str) -> Actor:
    """A professional at the named step of the wizard, the steps before it passed."""
    actor = new_professional(new_actor)
    professional_at_step(actor, step)
    return actor


@given(parsers.parse("un professionnel de santé au matricule à 11 chiffres à l'étape « {step} » de son activation"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], step: str) -> Actor:
    """A professional whose register entry still has the older 11-digit matricule."""
    actor = new_professional(new_actor, matricule_digits=11)
    professional_at_step(actor, step)
    return actor


@given("un professionnel de santé à l'étape « Code d'activation » avec le produit LuxTrust d'un confrère",
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], new_persona: Callable[..., Persona]) -> Actor:
    """A professional who associated a colleague's LuxTrust product at step 1."""
    actor = new_professional(new_actor)
    actor.borrowed_from = new_persona("professional", luxtrust=[PRODUCT_TYPES["Token"]])
    professional_at_step(actor, "Code d'activation")
    return actor


@given(parsers.parse("un professionnel de santé dont le compte est activé avec son « {product} »"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A professional who went through the whole wizard with that product."""
    actor = new_professional(new_actor, product)
    activated_professional(actor)
    return actor


# When -------------------------------------------------------------------------------------------


@when("il clique sur « Connexion » pour associer un produit LuxTrust")
@when("il clique sur « Connexion » pour se connecter avec LuxTrust")
def _(page: Page) -> None:
    """The page's own « Connexion », which leads to LuxTrust."""
    LuxTrustProductStep(page).connect()


@when("il répond « Oui », renseigne son matricule et son code d'activation et clique sur « Étape suivante »")
def _(page: Page, actor: Actor) -> None:
    """Step 2 with the letter's matricule and code."""
    persona = actor.persona
    ProfessionalCodeStep(page).answer_yes_and_enter(persona.matricule, persona.activation_code)


@when("il répond « Oui », renseigne son matricule avec un chiffre de contrôle faux et son code d'activation")
def _(page: Page, actor: Actor) -> None:
    """Step 2 with the last digit of the matricule changed."""
    persona = actor.persona
    wrong = persona.matricule[:-1] + str((int(persona.matricule[-1]) + 1) % 10)
    ProfessionalCodeStep(page).answer_yes_and_enter(wrong, persona.activation_code)


# Then -------------------------------------------------------------------------------------------


@then("ses nom, prénom et profession du registre professionnel s'affichent")
def _(page: Page, actor: Actor) -> None:
    """Step 3 shows the register's data for checking."""
    persona = actor.persona
    content = main_content(page)
    expect(content).to_contain_text(persona.last_name)
    expect(content).to_contain_text(persona.first_name)
    assert persona.profession, "the target gave the persona no profession"
    expect(content).to_contain_text(persona.profession)


@then(parsers.parse("la page cite les produits LuxTrust « {a} », « {b} », « {c} », « {d} » et « {e} »"))
def _(page: Page, a: str, b: str, c: str, d: str, e: str) -> None:
    """Step 1 names every LuxTrust product the guide lists (p. 5)."""
    content = main_content(page)
    for product in (a, b, c, d, e):
        expect(content).to_contain_text(re.compile(re.escape(product), re.IGNORECASE))


@then("elle indique que d'autres produits LuxTrust pourront être associés au compte")
def _(page: Page) -> None:
    """The guide's note that more products can be associated later (p. 5)."""
    expect(main_content(page)).to_contain_text(re.compile(r"d'autres produits LuxTrust", re.I))


@then("l'eHelpdesk est proposé pour prendre rendez-vous en ligne")
def _(page: Page) -> None:
    """The virtual counter of the helpdesk is linked."""
    expect(control(main_content(page), "eHelpdesk")).to_be_visible()


@then("le portail indique que la connexion LuxTrust a été annulée")
def _(page: Page) -> None:
    """The portal says the LuxTrust step was cancelled."""
    expect(page.get_by_role("status")).to_contain_text("annulée")
