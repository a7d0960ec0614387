"""The health professional's activation: LuxTrust first, then the letter, the register, the code."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona, TestSupportClient
from steps.activation import Activation, expect_step, latest_code, send_code
from steps.luxtrust import PRODUCT_TYPES, authenticate
from steps.pages.activation import CguPage, SecurityStep
from steps.pages.guide import control, press
from steps.pages.portal import HomePage, PortalHeader
from steps.pages.professional import LuxTrustProductStep, ProfessionalCodeStep

PRO_STEPS = (
    "Produit LuxTrust",
    "Code d'activation",
    "Informations personnelles",
    "Sécurisation de votre compte",
    "Confirmation",
)


def new_professional(new_persona: Callable[..., Persona], product: str = "Token", **options: object) -> Persona:
    """A professional in the register, with a letter and one LuxTrust product."""
    return new_persona("professional", luxtrust=[PRODUCT_TYPES[product]], **options)


def open_professional_cgu(page: Page) -> None:
    """From the home page: « Professionnels de santé » → « Activation compte eSanté » (p. 3)."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_menu("Professionnels de santé")
    header.choose_space("Activation compte eSanté")


def start_professional_wizard(page: Page, activation: Activation) -> None:
    """Accept the CGU and reach step 1 (p. 4)."""
    open_professional_cgu(page)
    cgu = CguPage(page)
    cgu.accept()
    cgu.activate()
    expect_step(page, PRO_STEPS[0], activation)


def walk_professional_to(
    page: Page, activation: Activation, test_support: TestSupportClient,
    counters: dict[str, int], target: str, *, matricule: str | None = None,
) -> None:
    """Walk the professional wizard through the guide's steps until the named step shows."""
    start_professional_wizard(page, activation)
    holder = activation.luxtrust_holder or activation.persona
    persona = activation.persona

    def associate() -> None:
        LuxTrustProductStep(page).connect()
        authenticate(page, holder.luxtrust[0], test_support, counters)

    actions = [
        associate,
        lambda: ProfessionalCodeStep(page).answer_yes_and_enter(
            matricule or persona.matricule, persona.activation_code
        ),
        lambda: press(page, "Étape suivante"),
        lambda: SecurityStep(page).enter_code(
            latest_code(test_support, send_code(page, activation, activation.channel))
        ),
    ]
    for index, action in enumerate(actions):
        if PRO_STEPS[index] == target:
            return
        action()
        expect_step(page, PRO_STEPS[index + 1], activation)


# Given ------------------------------------------------------------------------------------------


@given("un professionnel de santé sur la page d'accueil du portail eSanté")
def _(page: Page) -> None:
    """Open www.esante.lu's home page."""
    HomePage(page).open()


@given("un professionnel de santé qui a ouvert « Activation compte eSanté »", target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona]) -> Activation:
    """A professional on the CGU page, reached as the guide says."""
    open_professional_cgu(page)
    return Activation(new_professional(new_persona))


@given(
    parsers.parse("un professionnel de santé qui a reçu son courrier d'activation et possède un « {product} »"),
    target_fixture="activation",
)
def _(new_persona: Callable[..., Persona], product: str) -> Activation:
    """A professional with a letter and one LuxTrust product."""
    return Activation(new_professional(new_persona, product))


@given("il a accepté les Conditions Générales d'Utilisation de l'activation professionnelle")
def _(page: Page, activation: Activation) -> None:
    """The CGU are accepted and step 1 is shown."""
    start_professional_wizard(page, activation)


@given(parsers.parse("un professionnel de santé à l'étape « {step} » de son activation"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], step: str) -> Activation:
    """A professional who walked the wizard up to the named step."""
    activation = Activation(new_professional(new_persona))
    walk_professional_to(page, activation, test_support, token_counters, step)
    return activation


@given(parsers.parse("un professionnel de santé au matricule à 11 chiffres à l'étape « {step} » de son activation"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], step: str) -> Activation:
    """A professional whose register entry still has the older 11-digit matricule."""
    activation = Activation(new_professional(new_persona, matricule_digits=11))
    walk_professional_to(page, activation, test_support, token_counters, step)
    return activation


@given("un professionnel de santé à l'étape « Code d'activation » avec le produit LuxTrust d'un confrère",
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int]) -> Activation:
    """A professional who associated a colleague's LuxTrust product at step 1."""
    activation = Activation(new_professional(new_persona), luxtrust_holder=new_professional(new_persona))
    walk_professional_to(page, activation, test_support, token_counters, "Code d'activation")
    return activation


@given(parsers.parse("un professionnel de santé dont le compte est activé avec son « {product} »"),
       target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona], test_support: TestSupportClient,
      token_counters: dict[str, int], product: str) -> Activation:
    """A professional who went through the whole wizard with that product."""
    activation = Activation(new_professional(new_persona, product))
    walk_professional_to(page, activation, test_support, token_counters, "Confirmation")
    return activation


# When -------------------------------------------------------------------------------------------


@when("il clique sur « Connexion » pour associer un produit LuxTrust")
@when("il clique sur « Connexion » pour se connecter avec LuxTrust")
def _(page: Page) -> None:
    """The page's own « Connexion », which leads to LuxTrust."""
    LuxTrustProductStep(page).connect()


@when("il répond « Oui », renseigne son matricule et son code d'activation et clique sur « Étape suivante »")
def _(page: Page, activation: Activation) -> None:
    """Step 2 with the letter's matricule and code."""
    persona = activation.persona
    ProfessionalCodeStep(page).answer_yes_and_enter(persona.matricule, persona.activation_code)


@when("il répond « Oui », renseigne son matricule avec un chiffre de contrôle faux et son code d'activation")
def _(page: Page, activation: Activation) -> None:
    """Step 2 with the last digit of the matricule changed."""
    persona = activation.persona
    wrong = persona.matricule[:-1] + str((int(persona.matricule[-1]) + 1) % 10)
    ProfessionalCodeStep(page).answer_yes_and_enter(wrong, persona.activation_code)


# Then -------------------------------------------------------------------------------------------


@then("ses nom, prénom et profession du registre professionnel s'affichent")
def _(page: Page, activation: Activation) -> None:
    """Step 3 shows the register's data for checking."""
    persona = activation.persona
    content = page.get_by_role("main")
    expect(content).to_contain_text(persona.last_name)
    expect(content).to_contain_text(persona.first_name)
    assert persona.profession, "the target gave the persona no profession"
    expect(content).to_contain_text(persona.profession)


@then(parsers.parse("la page cite les produits LuxTrust « {a} », « {b} », « {c} », « {d} » et « {e} »"))
def _(page: Page, a: str, b: str, c: str, d: str, e: str) -> None:
    """Step 1 names every LuxTrust product the guide lists (p. 5)."""
    content = page.get_by_role("main")
    for product in (a, b, c, d, e):
        expect(content).to_contain_text(re.compile(re.escape(product), re.IGNORECASE))


@then("elle indique que d'autres produits LuxTrust pourront être associés au compte")
def _(page: Page) -> None:
    """The guide's note that more products can be associated later (p. 5)."""
    expect(page.get_by_role("main")).to_contain_text(re.compile(r"d'autres produits LuxTrust", re.I))


@then("l'eHelpdesk est proposé pour prendre rendez-vous en ligne")
def _(page: Page) -> None:
    """The virtual counter of the helpdesk is linked."""
    expect(control(page.get_by_role("main"), "eHelpdesk")).to_be_visible()


@then("le portail indique que la connexion LuxTrust a été annulée")
def _(page: Page) -> None:
    """The portal says the LuxTrust step was cancelled."""
    expect(page.get_by_role("status")).to_contain_text("annulée")
