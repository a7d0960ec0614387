"""The patient's activation through the portal: CGU, wizard steps and the code request."""

import re
from collections.abc import Callable

from faker import Faker
from playwright.sync_api import APIResponse, Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona, Target
from steps.journeys.activation import (
    STEP_NAMES,
    activate_patient,
    activated_patient,
    at_step,
    choose_password,
    enter_letter,
    expect_step,
    open_cgu,
    start_wizard,
)
from steps.journeys.actors import Actor
from steps.journeys.inputs import strong_password
from steps.journeys.luxtrust import PRODUCT_TYPES
from steps.journeys.target import advance_clock
from steps.pages.activation import (
    ActivationCodeStep,
    CguPage,
    CodeRequestForm,
    Feedback,
    OtherMeansStep,
    PasswordStep,
    ProgressBar,
)
from steps.pages.guide import (
    Way,
    act,
    activate,
    choice,
    control,
    first_after,
    labelled,
    main_content,
    press,
    resolve,
    words,
    words_within,
)
from steps.soft_checks import says, says_in_error

# Words by which a page acknowledges a request: « Votre demande a bien été enregistrée ».
ACKNOWLEDGED = re.compile(r"a bien été|enregistrée|transmise|envoyée|merci", re.IGNORECASE)
# A code that no letter carries: the real ones are five letters or digits, a dash, five more.
WRONG_ACTIVATION_CODE = "AAAAA-22222"


# Given ------------------------------------------------------------------------------------------


@given("un patient qui a reçu son courrier d'activation", target_fixture="actor")
def _(new_actor: Callable[..., Actor]) -> Actor:
    """A new patient in the register, with an activation letter."""
    return new_actor("patient")


@given("un patient qui a cliqué sur « J'active mon compte »", target_fixture="actor")
def _(page: Page, new_actor: Callable[..., Actor]) -> Actor:
    """A patient on the CGU page, reached as the guide says."""
    open_cgu(page)
    return new_actor("patient")


@given("il a accepté les Conditions Générales d'Utilisation")
def _(actor: Actor, faker: Faker) -> None:
    """The CGU are accepted and step 1 is shown."""
    at_step(actor, faker, STEP_NAMES[0])


@given(parsers.parse("un patient à l'étape « {step} » de l'activation"), target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker, step: str) -> Actor:
    """A patient at the named step, the steps before it passed."""
    actor = new_actor("patient")
    at_step(actor, faker, step)
    return actor


@given(
    parsers.parse("un patient possédant un « {product} » à l'étape « {step} » de l'activation"),
    target_fixture="actor",
)
def _(new_actor: Callable[..., Actor], faker: Faker, product: str, step: str) -> Actor:
    """A patient with a LuxTrust product, at the named step, the steps before it passed."""
    actor = new_actor("patient", luxtrust=[PRODUCT_TYPES[product]])
    at_step(actor, faker, step)
    return actor


@given(
    "un patient à l'étape « Autres moyens d'authentification » avec le produit LuxTrust d'un proche",
    target_fixture="actor",
)
def _(new_actor: Callable[..., Actor], new_persona: Callable[..., Persona], faker: Faker) -> Actor:
    """A patient about to associate a relative's LuxTrust product."""
    relative = new_persona("patient", luxtrust=["token"])
    actor = new_actor("patient")
    actor.borrowed_from = relative
    at_step(actor, faker, "Autres moyens d'authentification")
    return actor


@given(
    parsers.parse("un patient dont le compte est activé avec son « {product} » associée"),
    target_fixture="actor",
)
def _(new_actor: Callable[..., Actor], faker: Faker, product: str) -> Actor:
    """A patient who associated a LuxTrust product at step 4 and finished the activation."""
    actor = new_actor("patient", luxtrust=[PRODUCT_TYPES[product]])
    activated_patient(actor, faker, product)
    return actor


@given(
    parsers.parse("un patient dont le compte est activé sans produit LuxTrust mais qui possède un « {product} »"),
    target_fixture="actor",
)
def _(new_actor: Callable[..., Actor], faker: Faker, product: str) -> Actor:
    """A patient who finished the activation without associating their product."""
    actor = new_actor("patient", luxtrust=[PRODUCT_TYPES[product]])
    activated_patient(actor, faker)
    return actor


@given("un patient qui vient de terminer son activation", target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker) -> Actor:
    """A patient who saw « Votre activation est terminée! »."""
    actor = new_actor("patient")
    activate_patient(actor, faker)
    return actor


@given("le patient a déjà activé son compte avec ce code")
def _(actor: Actor, faker: Faker) -> None:
    """The persona's letter was used for a complete activation."""
    activated_patient(actor, faker)


@given(parsers.parse("{days:d} jours ont passé depuis l'envoi de son courrier d'activation"))
def _(target: Target, days: int) -> None:
    """Move the target's clock forward by whole days."""
    advance_clock(target, days * 24 * 3600)


@given("il a de nouveau accepté les Conditions Générales d'Utilisation")
def _(actor: Actor, faker: Faker) -> None:
    """Start the wizard again (a long wait ends any session)."""
    at_step(actor, faker, STEP_NAMES[0])


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


@when("il clique sur le lien « Téléchargeables en PDF en cliquant ici »", target_fixture="document")
def _(page: Page) -> APIResponse:
    """Follow the link to the CGU, downloaded or shown in the browser."""
    return CguPage(page).open_pdf()


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
    content = main_content(page)
    expect(content).to_contain_text(phone)
    expect(content).to_contain_text(email)


@then(parsers.parse("« {question} » renvoie vers le guide en ligne"))
def _(page: Page, question: str) -> None:
    """The question is asked and its link (« ici », or « guide en ligne ») leads to the online guide (p. 8)."""
    asked = resolve(page, f"question « {question} »", [Way(page.get_by_text(words_within(question)))])
    link = resolve(page, "link « ici » to the online guide", [
        Way(control(page, "ici")),
        Way(page.get_by_role("link", name=words_within("guide en ligne"))),
    ], pick=first_after(asked))
    act(page, "link « ici » to the online guide", lambda: activate(page, link))
    expect(page.get_by_role("heading", name=re.compile("guide", re.IGNORECASE))).to_be_visible()


@then("il reçoit les Conditions Générales d'Utilisation en document PDF")
def _(document: APIResponse) -> None:
    """What the link leads to is a real PDF document."""
    assert document.ok, f"the CGU link leads to an error: {document.status} {document.url}"
    assert document.body()[:5] == b"%PDF-", f"the CGU link does not lead to a PDF document ({document.url})"


@then("un message d'erreur demande d'accepter les Conditions Générales d'Utilisation")
def _(page: Page) -> None:
    """An error is shown; naming the CGU is the reference's wording."""
    Feedback(page).wait_for_error()
    says_in_error(page, "Conditions Générales d'Utilisation")


@then("l'activation n'a pas commencé")
def _(page: Page) -> None:
    """No wizard step is shown: the CGU acceptance box is still there."""
    expect(CguPage(page).acceptance_box()).to_be_visible()
    expect(ProgressBar(page).showing(STEP_NAMES[0])).to_have_count(0)


# Step 1 (p. 9) ----------------------------------------------------------------------------------


@when("il renseigne son matricule et clique sur « Valider »")
def _(actor: Actor) -> None:
    """Type the persona's matricule."""
    ActivationCodeStep(actor.page).enter_matricule(actor.persona.matricule)


@when(parsers.parse("il renseigne le matricule « {matricule} » et clique sur « Valider »"))
def _(page: Page, matricule: str) -> None:
    """Type a given matricule."""
    ActivationCodeStep(page).enter_matricule(matricule)


@when(parsers.parse("il répond « {choice} » à « Avez-vous reçu votre code d'activation ? »"))
def _(page: Page, choice: str) -> None:
    """Answer the question about the letter."""
    ActivationCodeStep(page).answer(choice)


@when("il répond « Non » à « Avez-vous reçu votre code d'activation ? » et poursuit")
def _(page: Page) -> None:
    """Answer « Non », then go on as the page invites: « Étape suivante » where it is offered."""
    step = ActivationCodeStep(page)
    step.answer("Non")
    step.go_on_without_code()


@when("il entre son code d'activation et clique sur « Étape suivante »")
def _(actor: Actor) -> None:
    """Type the letter's code and go on."""
    step = ActivationCodeStep(actor.page)
    step.enter_code(actor.persona.activation_code)
    step.next()


@when("il entre un code d'activation erroné et clique sur « Étape suivante »")
def _(page: Page) -> None:
    """Type a code that is not the letter's."""
    step = ActivationCodeStep(page)
    step.enter_code(WRONG_ACTIVATION_CODE)
    step.next()


@when(parsers.parse("il entre {count:d} fois un code d'activation erroné"))
def _(page: Page, count: int) -> None:
    """Type wrong codes, each refused (an error shown) before the next is typed."""
    step = ActivationCodeStep(page)
    for _attempt in range(count):
        step.enter_code(WRONG_ACTIVATION_CODE)
        step.send_code()
        Feedback(page).wait_for_error()


@when("il recommence l'activation avec le même matricule et le même code")
def _(actor: Actor) -> None:
    """Start a new activation from the portal with the letter already used."""
    start_wizard(actor)
    enter_letter(actor)


@then(parsers.parse("la question « {question} » propose « {yes} » et « {no} »"))
def _(page: Page, question: str, yes: str, no: str) -> None:
    """The question and both answers are shown."""
    expect(ActivationCodeStep(page).question.filter(visible=True)).not_to_have_count(0)
    for answer in (yes, no):
        expect(choice(page, question, answer), f"the answer « {answer} »").to_be_visible()


@then(parsers.parse("la question « {question} » n'est pas posée"))
def _(page: Page, question: str) -> None:
    """The wizard did not go past the matricule."""
    expect(ActivationCodeStep(page).question.filter(visible=True)).to_have_count(0)


@then("la barre de progression montre les étapes")
def _(page: Page, datatable: list[list[str]]) -> None:
    """Every step of the guide's progress bar, in order."""
    expected = [row[0] for row in datatable[1:]]
    steps = ProgressBar(page).steps(expected)
    expect(steps).to_have_count(len(expected))
    # With a list, Playwright checks the items in order.
    expect(steps).to_contain_text(expected)


@then(parsers.re(r"l'étape « (?P<name>[^»]+) » (?:s'affiche|est l'étape en cours|reste l'étape en cours)$"))
def _(actor: Actor, name: str) -> None:
    """The wizard's current step is the named one."""
    expect_step(actor, name)


@then(parsers.parse("l'étape « {name} » ne s'affiche pas"))
def _(page: Page, name: str) -> None:
    """The wizard refused to show that step again."""
    expect(ProgressBar(page).showing(name)).to_have_count(0)


@then("le formulaire de demande de code d'activation s'affiche avec son matricule")
def _(page: Page, actor: Actor) -> None:
    """« Non » leads to the request form, the matricule already filled in."""
    expect(CodeRequestForm(page).matricule()).to_have_value(actor.persona.matricule)


# Step 2 (p. 10) ---------------------------------------------------------------------------------


@when("il définit un mot de passe conforme, le confirme et clique sur « Étape suivante »")
def _(actor: Actor, faker: Faker) -> None:
    """Choose a password following the policy."""
    choose_password(actor, faker)


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
    content = main_content(page)
    for rule in ("8 caractères", "caractère alphabétique", "caractère numérique"):
        expect(content).to_contain_text(rule)


@then("les champs du mot de passe masquent les caractères saisis")
def _(page: Page) -> None:
    """Both fields are password inputs."""
    for box in PasswordStep(page).password_fields():
        expect(box).to_have_attribute("type", "password")


@then("son matricule est toujours renseigné")
def _(page: Page, actor: Actor) -> None:
    """Going back kept the matricule."""
    expect(ActivationCodeStep(page).matricule_field()).to_have_value(actor.persona.matricule)


# Steps 4 and 5 (pp. 13–14) ---------------------------------------------------------------------


@then("l'association d'un produit LuxTrust est présentée comme facultative")
def _(page: Page) -> None:
    """The guide's « pas obligatoire » about LuxTrust."""
    content = main_content(page)
    expect(content).to_contain_text("LuxTrust")
    expect(content).to_contain_text(re.compile("pas obligatoire|facultati", re.I))


@when("il clique sur le logo de LuxTrust")
def _(page: Page) -> None:
    """The LuxTrust logo of step 4 (p. 13)."""
    press(page, "LuxTrust")


@then(parsers.parse("son produit « {product} » est associé à son compte"))
def _(page: Page, actor: Actor, product: str) -> None:
    """The step lists the product LuxTrust vouched for."""
    serial = actor.persona.device(product).serial
    expect(main_content(page)).to_contain_text(serial)


@then("le portail refuse d'associer ce produit LuxTrust")
def _(page: Page, luxtrust_holder: Persona) -> None:
    """The portal says no, and the product is not listed."""
    expect(page.get_by_role("status")).to_be_visible()
    serial = luxtrust_holder.luxtrust[0].serial
    expect(main_content(page)).not_to_contain_text(serial)


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
def _(actor: Actor, name: str) -> None:
    """Type the address the step had while the wizard was under way."""
    actor.page.goto(actor.step_urls[name])


# « Je n'ai pas de code d'activation » (p. 7) -------------------------------------------------------


def request_values(persona: Persona, faker: Faker) -> dict[str, str]:
    """What a patient may type in the request form, by meaning; the form decides what it asks."""
    return {
        "matricule": persona.matricule,
        "last_name": persona.last_name,
        "first_name": persona.first_name,
        "email": persona.email,
        "mobile": persona.mobile,
        "street": f"{faker.random_int(1, 120)}, rue {faker.last_name()}",
        "postcode": f"L-{faker.random_int(1000, 9999)}",
        "locality": "Luxembourg",
    }


@when("il remplit le formulaire et l'envoie", target_fixture="request_typed")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker) -> dict[str, str]:
    """Fill in every field the form asks for, with a person's data, and send it."""
    form = CodeRequestForm(page)
    typed = form.fill(request_values(new_persona("patient"), faker))
    form.send()
    return typed


@when("il remplit le formulaire sans son adresse postale", target_fixture="request_typed")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker) -> dict[str, str]:
    """Fill in everything but the postal address and send."""
    values = request_values(new_persona("patient"), faker)
    for key in ("street", "postcode", "locality"):
        values.pop(key)
    form = CodeRequestForm(page)
    typed = form.fill(values)
    form.send()
    return typed


@then("sa demande de nouveau code d'activation est confirmée")
def _(page: Page) -> None:
    """The portal acknowledges the request, in its own words; the reference's are checked apart."""
    acknowledged = page.get_by_role("status").or_(page.get_by_text(ACKNOWLEDGED))
    expect(acknowledged.filter(visible=True), "the request is not acknowledged").not_to_have_count(0)
    expect(Feedback(page).errors().filter(visible=True)).to_have_count(0)
    says(page, "Votre demande a bien été enregistrée")


@then("ses autres saisies du formulaire sont conservées")
def _(page: Page, request_typed: dict[str, str]) -> None:
    """Every value typed is still in its field."""
    kept = CodeRequestForm(page).values()
    for label, value in request_typed.items():
        assert kept.get(label) == value, f"the field « {label} » lost « {value} » (now « {kept.get(label)} »)"
