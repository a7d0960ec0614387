"""The health professional's activation: LuxTrust first, then the letter, the register, the code."""

from collections.abc import Callable

from playwright.sync_api import Page

from harness.targets import TargetCapabilityMissing
from steps.journeys.activation import code_destination, expect_step, secure_account
from steps.journeys.actors import Actor
from steps.journeys.luxtrust import authenticate
from steps.journeys.shortcuts import CODE_CHANNELS, give_session, take_shortcut
from steps.pages.activation import CguPage
from steps.pages.guide import press
from steps.pages.portal import HomePage, PortalHeader
from steps.pages.professional import LuxTrustProductStep, ProfessionalCodeStep

PRO_STEPS = (
    "Produit LuxTrust",
    "Code d'activation",
    "Informations personnelles",
    "Sécurisation de votre compte",
    "Confirmation",
)


def open_professional_cgu(page: Page) -> None:
    """From the home page: « Professionnels de santé » → « Activation compte eSanté » (p. 3)."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_menu("Professionnels de santé")
    header.choose_space("Activation compte eSanté")


def start_professional_wizard(actor: Actor) -> None:
    """Accept the CGU and reach step 1 (p. 4)."""
    open_professional_cgu(actor.page)
    cgu = CguPage(actor.page)
    cgu.accept()
    cgu.activate()
    expect_step(actor, PRO_STEPS[0])


def walk_professional_to(actor: Actor, target: str) -> None:
    """Walk the professional wizard through the guide's steps until the named step shows."""
    start_professional_wizard(actor)
    page, persona = actor.page, actor.persona

    def associate() -> None:
        LuxTrustProductStep(page).connect()
        authenticate(actor, actor.luxtrust_holder.luxtrust[0])

    actions: list[Callable[[], None]] = [
        associate,
        lambda: ProfessionalCodeStep(page).answer_yes_and_enter(persona.matricule, persona.activation_code),
        lambda: press(page, "Étape suivante"),
        lambda: secure_account(actor),
    ]
    for index, action in enumerate(actions):
        if PRO_STEPS[index] == target:
            return
        action()
        expect_step(actor, PRO_STEPS[index + 1])


def professional_at_step(actor: Actor, target: str) -> None:
    """A professional at a step of the wizard: in a wizard the target opens there, else walked to it."""
    number = PRO_STEPS.index(target) + 1
    # The confirmation is the walk's end: it is walked.
    if number == len(PRO_STEPS):
        walk_professional_to(actor, target)
        return
    serial = actor.luxtrust_holder.luxtrust[0].serial
    try:
        session = actor.target.open_professional_wizard(actor.persona, number, luxtrust=serial)
    except TargetCapabilityMissing:
        walk_professional_to(actor, target)
        return
    give_session(actor.page.context, session)
    actor.page.goto(session.url)
    expect_step(actor, target)


def activated_professional(actor: Actor, *, at_home: bool = True) -> None:
    """A professional's account made active with their first product: by shortcut, else the wizard.

    After a shortcut the person is at the portal's home page, as after any visit (unless told not to).
    """
    serials = (actor.luxtrust_holder.luxtrust[0].serial,)
    if not take_shortcut(lambda: actor.target.activate_account(
            actor.persona, password=None, channel=CODE_CHANNELS[actor.channel], luxtrust=serials)):
        activate_professional(actor)
        return
    actor.code_destination = code_destination(actor)
    if at_home:
        HomePage(actor.page).open()


def activate_professional(actor: Actor) -> None:
    """The whole professional wizard with the person's first product, up to « Confirmation » (pp. 3–9)."""
    walk_professional_to(actor, PRO_STEPS[-1])
