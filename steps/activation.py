"""The patient's activation through the portal: CGU, wizard steps and the code request."""

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona, TargetCapabilityMissing, TestSupportClient
from steps.luxtrust import PRODUCT_TYPES, authenticate
from steps.pages.activation import (
    ActivationCodeStep,
    CguPage,
    CodeRequestForm,
    OtherMeansStep,
    PasswordStep,
    ProgressBar,
    SecurityStep,
)
from steps.pages.guide import act, control, labelled, press, words
from steps.pages.portal import PatientSpacePage

STEP_NAMES = (
    "Code d'activation",
    "Mot de passe",
    "Sécurisation de votre compte",
    "Autres moyens d'authentification",
    "Confirmation",
)
# A code that no letter carries: the real ones are five letters or digits, a dash, five more.
WRONG_ACTIVATION_CODE = "AAAAA-22222"


@dataclass
class Activation:
    """What a scenario's person has done so far: persona, password, the steps' addresses."""

    persona: Persona
    password: str = ""
    # The address of each wizard step and page once seen, to come back to it by URL.
    step_urls: dict[str, str] = field(default_factory=dict)
    # The number or address one-time codes were sent to, and a replacement being proven.
    code_destination: str = ""
    new_contact: str = ""
    # Whose LuxTrust products are used, when a scenario borrows someone else's.
    luxtrust_holder: Persona | None = None
    # The channel chosen for one-time codes at activation: « Mobile » or « E-mail ».
    channel: str = "Mobile"
    # Messages already sent to the account's means, to tell new ones apart.
    messages_before: int = 0


@pytest.fixture
def luxtrust_holder(activation: Activation) -> Persona:
    """The persona whose LuxTrust products the scenario's person uses."""
    return activation.luxtrust_holder or activation.persona


def strong_password(faker: Faker) -> str:
    """A password that follows the guide's policy, with room to spare."""
    return faker.password(length=12, special_chars=False, digits=True, upper_case=True)


def local_mobile(e164: str) -> str:
    """A Luxembourg number as people write it: 691 123 456."""
    digits = e164.removeprefix("+352")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


def expect_step(page: Page, name: str, activation: Activation | None = None) -> None:
    """Wait until the wizard's current step is the named one, noting its address."""
    current = ProgressBar(page).current
    expect(current, f"the wizard is not at step « {name} »").to_contain_text(name, ignore_case=True)
    if activation is not None:
        activation.step_urls[name] = page.url


# Walking the wizard, for the steps that start somewhere in the middle --------------------------


def open_cgu(page: Page) -> None:
    """From the home page to the CGU, as the guide says (pp. 6–7)."""
    PatientSpacePage(page).open()
    PatientSpacePage(page).press("J'active mon compte")


def start_wizard(page: Page, activation: Activation) -> None:
    """Accept the CGU and reach step 1."""
    open_cgu(page)
    cgu = CguPage(page)
    cgu.accept()
    cgu.activate()
    expect_step(page, STEP_NAMES[0], activation)


def pass_step1(page: Page, activation: Activation, code: str | None = None) -> None:
    """Matricule, « Oui », activation code, « Étape suivante »."""
    step = ActivationCodeStep(page)
    step.enter_matricule(activation.persona.matricule)
    step.answer("Oui")
    step.enter_code(code or activation.persona.activation_code)
    step.next()


def pass_step2(page: Page, activation: Activation, faker: Faker) -> None:
    """A conforming password, twice."""
    activation.password = strong_password(faker)
    step = PasswordStep(page)
    step.choose(activation.password, activation.password)
    step.next()


def send_code(page: Page, activation: Activation, channel: str) -> str:
    """Choose the channel with the persona's number or address; return where the code went."""
    persona = activation.persona
    destination = persona.mobile if channel == "Mobile" else persona.email
    typed = local_mobile(destination) if channel == "Mobile" else destination
    SecurityStep(page).choose_channel(channel, typed)
    activation.code_destination = destination
    return destination


def latest_code(test_support: TestSupportClient, destination: str) -> str:
    """The code of the newest message sent to a number or address."""
    messages = [m for m in test_support.messages(destination) if m.code]
    assert messages, f"no one-time code was sent to {destination}"
    return str(messages[0].code)


def walk_to(
    page: Page, activation: Activation, faker: Faker, test_support: TestSupportClient, target: str
) -> None:
    """Walk the wizard through the guide's steps until the named step shows."""
    start_wizard(page, activation)
    actions: list[Callable[[], None]] = [
        lambda: pass_step1(page, activation),
        lambda: pass_step2(page, activation, faker),
        lambda: SecurityStep(page).enter_code(
            latest_code(test_support, send_code(page, activation, activation.channel))
        ),
        lambda: OtherMeansStep(page).skip(),
    ]
    for name, action in zip(STEP_NAMES, actions, strict=False):
        if name == target:
            return
        action()
        expect_step(page, STEP_NAMES[STEP_NAMES.index(name) + 1], activation)


# Given ------------------------------------------------------------------------------------------


@given("un patient qui a reçu son courrier d'activation", target_fixture="activation")
def _(new_persona: Callable[..., Persona]) -> Activation:
    """A new patient in the register, with an activation letter."""
    return Activation(new_persona("patient"))


@given("un patient qui a cliqué sur « J'active mon compte »", target_fixture="activation")
def _(page: Page, new_persona: Callable[..., Persona]) -> Activation:
    """A patient on the CGU page, reached as the guide says."""
    open_cgu(page)
    return Activation(new_persona("patient"))


@given("il a accepté les Conditions Générales d'Utilisation")
def _(page: Page, activation: Activation) -> None:
    """The CGU are accepted and step 1 is shown."""
    start_wizard(page, activation)


@given(parsers.parse("un patient à l'étape « {step} » de l'activation"), target_fixture="activation")
def _(
    page: Page, new_persona: Callable[..., Persona], faker: Faker,
    test_support: TestSupportClient, step: str,
) -> Activation:
    """A patient who walked the wizard up to the named step."""
    activation = Activation(new_persona("patient"))
    walk_to(page, activation, faker, test_support, step)
    return activation


@given(
    parsers.parse("un patient possédant un « {product} » à l'étape « {step} » de l'activation"),
    target_fixture="activation",
)
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient, product: str, step: str) -> Activation:
    """A patient with a LuxTrust product, who walked the wizard up to the named step."""
    activation = Activation(new_persona("patient", luxtrust=[PRODUCT_TYPES[product]]))
    walk_to(page, activation, faker, test_support, step)
    return activation


@given(
    "un patient à l'étape « Autres moyens d'authentification » avec le produit LuxTrust d'un proche",
    target_fixture="activation",
)
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> Activation:
    """A patient about to associate a relative's LuxTrust product."""
    relative = new_persona("patient", luxtrust=["token"])
    activation = Activation(new_persona("patient"), luxtrust_holder=relative)
    walk_to(page, activation, faker, test_support, "Autres moyens d'authentification")
    return activation


@given(
    parsers.parse("un patient dont le compte est activé avec son « {product} » associée"),
    target_fixture="activation",
)
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient, token_counters: dict[str, int], product: str) -> Activation:
    """A patient who associated a LuxTrust product at step 4 and finished the activation."""
    activation = Activation(new_persona("patient", luxtrust=[PRODUCT_TYPES[product]]))
    walk_to(page, activation, faker, test_support, "Autres moyens d'authentification")
    press(page, "LuxTrust")
    authenticate(page, activation.persona.device(product), test_support, token_counters)
    expect(page.get_by_role("main")).to_contain_text(activation.persona.device(product).serial)
    OtherMeansStep(page).skip()
    expect_step(page, STEP_NAMES[-1], activation)
    return activation


@given(
    parsers.parse("un patient dont le compte est activé sans produit LuxTrust mais qui possède un « {product} »"),
    target_fixture="activation",
)
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient, product: str) -> Activation:
    """A patient who finished the activation without associating their product."""
    activation = Activation(new_persona("patient", luxtrust=[PRODUCT_TYPES[product]]))
    walk_to(page, activation, faker, test_support, "Confirmation")
    return activation


@given("un patient qui vient de terminer son activation", target_fixture="activation")
def _(
    page: Page, new_persona: Callable[..., Persona], faker: Faker, test_support: TestSupportClient
) -> Activation:
    """A patient who saw « Votre activation est terminée! »."""
    activation = Activation(new_persona("patient"))
    walk_to(page, activation, faker, test_support, "Confirmation")
    return activation


@given("le patient a déjà activé son compte avec ce code")
def _(page: Page, activation: Activation, faker: Faker, test_support: TestSupportClient) -> None:
    """The persona's letter was used for a complete activation."""
    walk_to(page, activation, faker, test_support, "Confirmation")


@given(parsers.parse("{days:d} jours ont passé depuis l'envoi de son courrier d'activation"))
def _(test_support: TestSupportClient, days: int) -> None:
    """Move the target's clock forward by whole days."""
    advance_clock(test_support, days * 24 * 3600)


@given("il a de nouveau accepté les Conditions Générales d'Utilisation")
def _(page: Page, activation: Activation) -> None:
    """Start the wizard again (a long wait ends any session)."""
    start_wizard(page, activation)


def advance_clock(test_support: TestSupportClient, seconds: int) -> None:
    """Move the clock, or report the scenario as not run where the target has no clock control."""
    try:
        test_support.advance_clock(seconds)
    except TargetCapabilityMissing as missing:
        pytest.skip(f"not run on this target: {missing}")


# CGU (p. 8) -------------------------------------------------------------------------------------


@when(parsers.parse("il coche « {label} »"))
def _(page: Page, label: str) -> None:
    """Tick a checkbox by its label, such as the CGU acceptance."""
    box = labelled(page, label)
    act(page, f"checkbox « {label} »", box.check)


@when("il clique sur « Activer mon compte » sans cocher la case des Conditions Générales d'Utilisation")
def _(page: Page) -> None:
    """Try to start without accepting the CGU."""
    CguPage(page).activate()


@when("il clique sur le lien « Téléchargeables en PDF en cliquant ici »", target_fixture="download")
def _(page: Page) -> object:
    """Download the CGU."""
    return CguPage(page).download_pdf()


@then("les Conditions Générales d'Utilisation s'affichent")
def _(page: Page) -> None:
    """The CGU page with its acceptance box is shown."""
    expect(CguPage(page).acceptance).to_be_visible()


@then(parsers.parse("la page « {title} » liste les pré-requis"))
def _(page: Page, title: str, datatable: list[list[str]]) -> None:
    """The page's title and every prerequisite of the guide's list."""
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    for (prerequisite,) in datatable[1:]:
        expect(page.get_by_text(prerequisite), f"prerequisite « {prerequisite} »").to_be_visible()


@then(parsers.parse("le helpdesk est indiqué : « {phone} » et « {email} »"))
def _(page: Page, phone: str, email: str) -> None:
    """The helpdesk's phone and e-mail are shown in the page's content."""
    content = page.get_by_role("main")
    expect(content).to_contain_text(phone)
    expect(content).to_contain_text(email)


@then(parsers.parse("« {question} » renvoie vers le guide en ligne"))
def _(page: Page, question: str) -> None:
    """The question is asked and « ici » leads to the online guide (p. 8)."""
    expect(page.get_by_text(words(question))).to_be_visible()
    press(page, "ici")
    expect(page.get_by_role("heading", name=re.compile("guide", re.IGNORECASE))).to_be_visible()


@then("il reçoit les Conditions Générales d'Utilisation en document PDF")
def _(download: object) -> None:
    """The download is a real PDF document."""
    path = download.path()  # type: ignore[attr-defined]
    with open(path, "rb") as document:
        assert document.read(5) == b"%PDF-", "the CGU download is not a PDF document"


@then("un message d'erreur demande d'accepter les Conditions Générales d'Utilisation")
def _(page: Page) -> None:
    """The refusal names the CGU."""
    alerts = page.get_by_role("alert")
    expect(alerts).to_contain_text("Conditions Générales d'Utilisation")


@then("l'activation n'a pas commencé")
def _(page: Page) -> None:
    """No wizard step is shown: the CGU acceptance box is still there."""
    expect(ProgressBar(page).current).to_have_count(0)
    expect(CguPage(page).acceptance).to_be_visible()


# Step 1 (p. 9) ----------------------------------------------------------------------------------


@when("il renseigne son matricule et clique sur « Valider »")
def _(page: Page, activation: Activation) -> None:
    """Type the persona's matricule."""
    ActivationCodeStep(page).enter_matricule(activation.persona.matricule)


@when(parsers.parse("il renseigne le matricule « {matricule} » et clique sur « Valider »"))
def _(page: Page, matricule: str) -> None:
    """Type a given matricule."""
    ActivationCodeStep(page).enter_matricule(matricule)


@when(parsers.parse("il répond « {choice} » à « Avez-vous reçu votre code d'activation ? »"))
def _(page: Page, choice: str) -> None:
    """Answer the question about the letter."""
    ActivationCodeStep(page).answer(choice)


@when("il entre son code d'activation et clique sur « Étape suivante »")
def _(page: Page, activation: Activation) -> None:
    """Type the letter's code and go on."""
    step = ActivationCodeStep(page)
    step.enter_code(activation.persona.activation_code)
    step.next()


@when("il entre un code d'activation erroné et clique sur « Étape suivante »")
def _(page: Page) -> None:
    """Type a code that is not the letter's."""
    step = ActivationCodeStep(page)
    step.enter_code(WRONG_ACTIVATION_CODE)
    step.next()


@when(parsers.parse("il entre {count:d} fois un code d'activation erroné"))
def _(page: Page, count: int) -> None:
    """Type wrong codes, each refused before the next is typed."""
    step = ActivationCodeStep(page)
    for _attempt in range(count):
        step.enter_code(WRONG_ACTIVATION_CODE)
        step.next()
        expect(step.code).to_have_attribute("aria-invalid", "true")
        # The refusal reloads the page; wait for the reload before typing again.
        expect(step.code).to_have_value("")


@when("il recommence l'activation avec le même matricule et le même code")
def _(page: Page, activation: Activation) -> None:
    """Start a new activation from the portal with the letter already used."""
    start_wizard(page, activation)
    pass_step1(page, activation)


@then(parsers.parse("la question « {question} » propose « {yes} » et « {no} »"))
def _(page: Page, question: str, yes: str, no: str) -> None:
    """The question and both answers are shown."""
    step = ActivationCodeStep(page)
    expect(step.question).to_be_visible()
    expect(step.question.get_by_role("radio", name=yes, exact=True)).to_be_visible()
    expect(step.question.get_by_role("radio", name=no, exact=True)).to_be_visible()


@then(parsers.parse("la question « {question} » n'est pas posée"))
def _(page: Page, question: str) -> None:
    """The wizard did not go past the matricule."""
    expect(ActivationCodeStep(page).question).to_have_count(0)


@then("la barre de progression montre les étapes")
def _(page: Page, datatable: list[list[str]]) -> None:
    """Every step of the guide's progress bar, in order."""
    expected = [row[0] for row in datatable[1:]]
    steps = page.get_by_role("list").filter(has=ProgressBar(page).current).get_by_role("listitem")
    expect(steps).to_have_count(len(expected))
    # With a list, Playwright checks the items in order.
    expect(steps).to_contain_text(expected)


@then(parsers.re(r"l'étape « (?P<name>[^»]+) » (?:s'affiche|est l'étape en cours|reste l'étape en cours)$"))
def _(page: Page, name: str, activation: Activation) -> None:
    """The wizard's current step is the named one."""
    expect_step(page, name, activation)


@then(parsers.parse("l'étape « {name} » ne s'affiche pas"))
def _(page: Page, name: str) -> None:
    """The wizard refused to show that step again."""
    expect(ProgressBar(page).current.filter(has_text=name)).to_have_count(0)


@then("le formulaire de demande de code d'activation s'affiche avec son matricule")
def _(page: Page, activation: Activation) -> None:
    """« Non » leads to the request form, the matricule already filled in."""
    expect(CodeRequestForm(page).input("matricule")).to_have_value(activation.persona.matricule)


# Step 2 (p. 10) ---------------------------------------------------------------------------------


@when("il définit un mot de passe conforme, le confirme et clique sur « Étape suivante »")
def _(page: Page, activation: Activation, faker: Faker) -> None:
    """Choose a password following the policy."""
    pass_step2(page, activation, faker)


@when(parsers.parse("il saisit le mot de passe « {password} », le confirme et clique sur « Étape suivante »"))
def _(page: Page, password: str) -> None:
    """Choose a given password, confirmed."""
    step = PasswordStep(page)
    step.choose(password, password)
    step.next()


@when("il saisit un mot de passe conforme et une confirmation différente, puis clique sur « Étape suivante »")
def _(page: Page, faker: Faker) -> None:
    """Two different conforming passwords."""
    step = PasswordStep(page)
    step.choose(strong_password(faker), strong_password(faker))
    step.next()


@then("la consigne rappelle la politique du mot de passe")
def _(page: Page) -> None:
    """The step states the guide's password policy."""
    content = page.get_by_role("main")
    for rule in ("8 caractères", "caractère alphabétique", "caractère numérique"):
        expect(content).to_contain_text(rule)


@then("les champs du mot de passe masquent les caractères saisis")
def _(page: Page) -> None:
    """Both fields are password inputs."""
    step = PasswordStep(page)
    expect(step.password).to_have_attribute("type", "password")
    expect(step.confirmation).to_have_attribute("type", "password")


@then("son matricule est toujours renseigné")
def _(page: Page, activation: Activation) -> None:
    """Going back kept the matricule."""
    expect(ActivationCodeStep(page).matricule).to_have_value(activation.persona.matricule)


# Steps 4 and 5 (pp. 13–14) ---------------------------------------------------------------------


@then("l'association d'un produit LuxTrust est présentée comme facultative")
def _(page: Page) -> None:
    """The guide's « pas obligatoire » about LuxTrust."""
    expect(page.get_by_role("main")).to_contain_text("LuxTrust")
    expect(page.get_by_role("main")).to_contain_text(re.compile("pas obligatoire|facultati", re.I))


@when("il clique sur le logo de LuxTrust")
def _(page: Page) -> None:
    """The LuxTrust logo of step 4 (p. 13)."""
    press(page, "LuxTrust")


@then(parsers.parse("son produit « {product} » est associé à son compte"))
def _(page: Page, activation: Activation, product: str) -> None:
    """The step lists the product LuxTrust vouched for."""
    serial = activation.persona.device(product).serial
    expect(page.get_by_role("main")).to_contain_text(serial)


@then("le portail refuse d'associer ce produit LuxTrust")
def _(page: Page, luxtrust_holder: Persona) -> None:
    """The portal says no, and the product is not listed."""
    expect(page.get_by_role("status")).to_be_visible()
    serial = luxtrust_holder.luxtrust[0].serial
    expect(page.get_by_role("main")).not_to_contain_text(serial)


@when("il clique sur « Étape suivante » sans associer de produit LuxTrust")
def _(page: Page) -> None:
    """Skip the optional LuxTrust association."""
    OtherMeansStep(page).skip()


@then(parsers.parse("le message « {text} » s'affiche"))
def _(page: Page, text: str) -> None:
    """The guide's sentence is shown."""
    expect(page.get_by_text(words(text)), f"the guide's words « {text} » are not shown").to_be_visible()


@then(parsers.parse("« {text} » est proposé"))
def _(page: Page, text: str) -> None:
    """The page offers the guide's link or button."""
    expect(control(page, text), f"« {text} » is not offered").to_be_visible()


@when(parsers.parse("il revient à l'adresse de l'étape « {name} »"))
def _(page: Page, activation: Activation, name: str) -> None:
    """Type the address the step had while the wizard was under way."""
    page.goto(activation.step_urls[name])


# « Je n'ai pas de code d'activation » (p. 7) -------------------------------------------------------


def request_values(activation_persona: Persona, faker: Faker) -> dict[str, str]:
    """What a patient types in the request form."""
    return {
        "matricule": activation_persona.matricule,
        "last_name": activation_persona.last_name,
        "first_name": activation_persona.first_name,
        "email": activation_persona.email,
        "street": f"{faker.random_int(1, 120)}, rue {faker.last_name()}",
        "postcode": f"L-{faker.random_int(1000, 9999)}",
        "locality": "Luxembourg",
    }


@when(
    "il remplit le formulaire avec son matricule, son nom, son prénom, son e-mail et son adresse postale",
    target_fixture="request_typed",
)
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker) -> dict[str, str]:
    """Fill in every field and send."""
    values = request_values(new_persona("patient"), faker)
    form = CodeRequestForm(page)
    form.fill(values)
    form.send()
    return values


@when("il remplit le formulaire sans son adresse postale", target_fixture="request_typed")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker) -> dict[str, str]:
    """Fill in everything but the postal address and send."""
    values = request_values(new_persona("patient"), faker)
    for key in ("street", "postcode", "locality"):
        values.pop(key)
    form = CodeRequestForm(page)
    form.fill(values)
    form.send()
    return values


@then("sa demande de nouveau code d'activation est confirmée")
def _(page: Page) -> None:
    """The portal acknowledges the request."""
    expect(page.get_by_role("status")).to_contain_text("demande a bien été enregistrée")


@then("ses autres saisies du formulaire sont conservées")
def _(page: Page, request_typed: dict[str, str]) -> None:
    """Every value typed is still in its field."""
    form = CodeRequestForm(page)
    for key, value in request_typed.items():
        expect(form.input(key)).to_have_value(value)
