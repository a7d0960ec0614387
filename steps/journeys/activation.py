"""The patient's activation through the portal: the CGU, then the wizard's steps up to « Confirmation »."""

from collections.abc import Callable

from faker import Faker
from playwright.sync_api import Page, expect

from harness.targets import TargetCapabilityMissing
from steps.journeys.actors import Actor
from steps.journeys.inputs import local_mobile, strong_password
from steps.journeys.luxtrust import authenticate
from steps.journeys.shortcuts import CODE_CHANNELS, give_session, take_shortcut
from steps.journeys.target import latest_code
from steps.pages.activation import (
    ActivationCodeStep,
    CguPage,
    OtherMeansStep,
    PasswordStep,
    ProgressBar,
    SecurityStep,
)
from steps.pages.guide import main_content, press
from steps.pages.portal import HomePage, PatientSpacePage

STEP_NAMES = (
    "Code d'activation",
    "Mot de passe",
    "Sécurisation de votre compte",
    "Autres moyens d'authentification",
    "Confirmation",
)


def expect_step(actor: Actor, name: str) -> None:
    """Wait until the wizard's current step is the named one, noting its address."""
    ProgressBar(actor.page).at(name)
    actor.step_urls[name] = actor.page.url


def open_cgu(page: Page) -> None:
    """From the home page to the CGU, as the guide says (pp. 6–7)."""
    PatientSpacePage(page).open()
    PatientSpacePage(page).press("J'active mon compte")


def start_wizard(actor: Actor) -> None:
    """Accept the CGU and reach step 1."""
    open_cgu(actor.page)
    cgu = CguPage(actor.page)
    cgu.accept()
    cgu.activate()
    expect_step(actor, STEP_NAMES[0])


def enter_letter(actor: Actor) -> None:
    """Step 1: matricule, « Oui », the letter's activation code, « Étape suivante »."""
    step = ActivationCodeStep(actor.page)
    step.enter_matricule(actor.persona.matricule)
    step.answer("Oui")
    step.enter_code(actor.persona.activation_code)
    step.next()


def choose_password(actor: Actor, faker: Faker) -> None:
    """Step 2: a conforming password, twice, which the person keeps."""
    actor.password = strong_password(faker)
    step = PasswordStep(actor.page)
    step.choose(actor.password, actor.password)
    step.next()


def send_code(actor: Actor, channel: str) -> str:
    """Choose the channel with the persona's number or address; return where the code went."""
    persona = actor.persona
    destination = persona.mobile if channel == "Mobile" else persona.email
    typed = local_mobile(destination) if channel == "Mobile" else destination
    SecurityStep(actor.page).choose_channel(channel, typed)
    actor.code_destination = destination
    return destination


def secure_account(actor: Actor) -> None:
    """Step 3: have a code sent by the person's channel, then type it."""
    send_code(actor, actor.channel)
    SecurityStep(actor.page).enter_code(latest_code(actor))


def walk_to(actor: Actor, faker: Faker, target: str) -> None:
    """Walk the wizard through the guide's steps until the named step shows."""
    start_wizard(actor)
    actions: list[Callable[[], None]] = [
        lambda: enter_letter(actor),
        lambda: choose_password(actor, faker),
        lambda: secure_account(actor),
        lambda: OtherMeansStep(actor.page).skip(),
    ]
    for name, action in zip(STEP_NAMES, actions, strict=False):
        if name == target:
            return
        action()
        expect_step(actor, STEP_NAMES[STEP_NAMES.index(name) + 1])


def at_step(actor: Actor, faker: Faker, target: str) -> None:
    """A patient at a step of the wizard: in a wizard the target opens there, else walked to it."""
    number = STEP_NAMES.index(target) + 1
    password = strong_password(faker)
    try:
        session = actor.target.open_wizard(
            actor.persona, number, password=password, channel=CODE_CHANNELS[actor.channel])
    except TargetCapabilityMissing:
        walk_to(actor, faker, target)
        return
    give_session(actor.page.context, session)
    actor.page.goto(session.url)
    expect_step(actor, target)
    if number > STEP_NAMES.index("Mot de passe") + 1:
        actor.password = password
    if number > STEP_NAMES.index("Sécurisation de votre compte") + 1:
        actor.code_destination = code_destination(actor)


def activate_patient(actor: Actor, faker: Faker) -> None:
    """The whole wizard without LuxTrust, up to « Votre activation est terminée! » (pp. 6–14)."""
    walk_to(actor, faker, STEP_NAMES[-1])


def activated_patient(actor: Actor, faker: Faker, product: str | None = None, *, at_home: bool = True) -> None:
    """A patient's account made active, with a product associated if named: by shortcut, else the wizard.

    After a shortcut the person is at the portal's home page, as after any visit (unless told not to).
    """
    password = strong_password(faker)
    serials = (actor.persona.device(product).serial,) if product else ()
    if not take_shortcut(lambda: actor.target.activate_account(
            actor.persona, password=password, channel=CODE_CHANNELS[actor.channel], luxtrust=serials)):
        if product:
            activate_patient_with_product(actor, faker, product)
        else:
            activate_patient(actor, faker)
        return
    actor.password = password
    actor.code_destination = code_destination(actor)
    if at_home:
        HomePage(actor.page).open()


def code_destination(actor: Actor) -> str:
    """The number or address the person's one-time codes go to, by the channel they chose."""
    return actor.persona.mobile if actor.channel == "Mobile" else actor.persona.email


def activate_patient_with_product(actor: Actor, faker: Faker, product: str) -> None:
    """The whole wizard, associating one of the person's LuxTrust products at step 4 (p. 13)."""
    walk_to(actor, faker, "Autres moyens d'authentification")
    device = actor.persona.device(product)
    press(actor.page, "LuxTrust")
    authenticate(actor, device)
    # Back from LuxTrust: the step lists the product before the wizard goes on.
    expect(main_content(actor.page)).to_contain_text(device.serial)
    OtherMeansStep(actor.page).skip()
    expect_step(actor, STEP_NAMES[-1])
