"""A parent, a minor child's account, and « Assistant DSP » (patient guide pp. 18–21)."""

from collections.abc import Callable

from faker import Faker
from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import given, then, when

from harness.targets import Persona
from steps.journeys.account import activate_and_sign_in, sign_in_with_password
from steps.journeys.activation import activate_patient, activated_patient
from steps.journeys.actors import Actor, Family
from steps.journeys.dsp import (
    open_own_dsp,
    open_record_as_assistant,
    own_dsp_address,
    sign_in_to_own_dsp,
    signed_in_at_own_dsp,
)
from steps.journeys.family import child_with_parent_as_assistant, new_child
from steps.pages.dsp import AssistantsWindow, DspPage
from steps.pages.guide import control

# Given ------------------------------------------------------------------------------------------


@given("un parent dont le compte eSanté est activé", target_fixture="family")
def _(new_actor: Callable[..., Actor], faker: Faker) -> Family:
    """A parent who activated their own account (pp. 6–14)."""
    parent = new_actor("patient")
    activated_patient(parent, faker)
    return Family(parent)


@given("un enfant mineur du parent qui a reçu son courrier d'activation")
def _(family: Family, new_actor: Callable[..., Actor]) -> None:
    """A minor child with their own activation letter."""
    new_child(family, new_actor)


@given("un enfant mineur du parent dont le compte est activé")
def _(family: Family, new_actor: Callable[..., Actor], faker: Faker) -> None:
    """A minor child whose account the parent activated."""
    activated_patient(new_child(family, new_actor), faker)


@given("un enfant mineur dont le parent est « Assistant DSP »")
def _(family: Family, new_actor: Callable[..., Actor], faker: Faker) -> None:
    """The whole set-up of pp. 18–20 for one child."""
    child_with_parent_as_assistant(family, new_actor, faker)


@given("deux enfants mineurs dont le parent est « Assistant DSP »")
def _(family: Family, new_actor: Callable[..., Actor], faker: Faker) -> None:
    """The set-up of pp. 18–20, twice."""
    for _child in range(2):
        child_with_parent_as_assistant(family, new_actor, faker)


@given("une autre personne connectée à son propre DSP", target_fixture="other_person")
def _(new_actor: Callable[..., Actor], faker: Faker) -> Actor:
    """Someone with no link to the family, signed in on the same browser."""
    stranger = new_actor("patient")
    activate_and_sign_in(stranger, faker)
    open_own_dsp(stranger)
    return stranger


@given("le parent a ouvert le DSP de l'enfant depuis son propre DSP")
def _(family: Family) -> None:
    """The assistant's way in (p. 21)."""
    signed_in_at_own_dsp(family.parent)
    open_record_as_assistant(family.parent, family.child.persona)


# When -------------------------------------------------------------------------------------------


@when("le parent active le compte de l'enfant en suivant la procédure des pages 6 à 14")
def _(family: Family, faker: Faker) -> None:
    """The patient wizard, with the child's letter (p. 18)."""
    activate_patient(family.child, faker)


@when("il se connecte avec le matricule et le mot de passe de l'enfant")
def _(family: Family) -> None:
    """The child's credentials (p. 18)."""
    sign_in_with_password(family.child)


@when("le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant")
def _(family: Family) -> None:
    """The child's credentials, then the child's DSP (p. 19)."""
    sign_in_to_own_dsp(family.child)


@when("il clique sur « Ajouter » dans la fenêtre « Assistants »")
def _(page: Page) -> None:
    """« Ajouter » (p. 19)."""
    AssistantsWindow(page).add()


@when("il clique sur le champ « Nom », introduit son numéro de matricule dans « Numéro assuré » et clique sur « Rechercher »")
def _(page: Page, family: Family) -> None:
    """The parent's own number (p. 20)."""
    AssistantsWindow(page).search(family.parent.persona.matricule)


@when("il clique sur son nom")
def _(page: Page, family: Family) -> None:
    """The parent's name among the results (p. 20)."""
    parent = family.parent.persona
    AssistantsWindow(page).choose(parent.full_name, parent.matricule)


@when("il sélectionne « Assistant DSP » dans « Type », laisse « Rôle » vide et clique sur « ✓ »")
def _(page: Page) -> None:
    """The type, an empty role, and « ✓ » (p. 20)."""
    window = AssistantsWindow(page)
    expect(window.role).to_have_value("")
    window.save_as_assistant()


@when("le parent se connecte à son propre DSP avec ses identifiants")
def _(family: Family) -> None:
    """The parent's own credentials (p. 21)."""
    sign_in_to_own_dsp(family.parent)


@when("il clique sur « Accéder aux autres dossiers patient » puis sur le nom de l'enfant")
def _(family: Family) -> None:
    """The icon, then the child's name (p. 21)."""
    open_record_as_assistant(family.parent, family.child.persona)


@when("il recherche un numéro assuré qui n'a pas de compte eSanté")
def _(page: Page, new_persona: Callable[..., Persona]) -> None:
    """A real person's number, but never activated."""
    AssistantsWindow(page).search(new_persona("patient").matricule)


@when("il recherche le numéro assuré de l'enfant")
def _(page: Page, family: Family) -> None:
    """The record holder's own number."""
    AssistantsWindow(page).search(family.child.persona.matricule)


@when("elle ouvre l'adresse du DSP de l'enfant")
def _(other_person: Actor, family: Family, new_context: Callable[..., BrowserContext]) -> None:
    """Type the address of a record that is not hers."""
    other_person.page.goto(own_dsp_address(family.child, new_context()))


@when("l'enfant retire le parent des « Assistants » dans une autre session")
def _(new_context: Callable[..., BrowserContext], family: Family) -> None:
    """In another browser: the child signs in and removes the parent."""
    child = family.child.at(new_context().new_page())
    signed_in_at_own_dsp(child)
    AssistantsWindow(child.page).remove(family.parent.persona.full_name)
    expect(DspPage(child.page).rows_with(family.parent.persona.full_name)).to_have_count(0)


@when("le parent recharge le DSP de l'enfant")
def _(page: Page) -> None:
    """The same page, asked again of the server."""
    page.reload()


# Then -------------------------------------------------------------------------------------------


@then("le DSP de l'enfant s'affiche")
def _(page: Page, family: Family) -> None:
    """The record's header names the child."""
    expect(DspPage(page).owner).to_contain_text(family.child.persona.full_name)


@then("le champ « Nom » affiche son nom suivi de son numéro entre parenthèses")
def _(page: Page, family: Family) -> None:
    """« D Filat (6393913168) » in the guide's screenshot."""
    parent = family.parent.persona
    expect(DspPage(page).content).to_contain_text(f"{parent.full_name} ({parent.matricule})")


@then("le tableau « Assistants » liste le parent comme « Assistant DSP »")
def _(page: Page, family: Family) -> None:
    """The new row, saved."""
    expect(DspPage(page).rows_with(family.parent.persona.full_name)).to_contain_text("Assistant DSP")


@then("le DSP de l'enfant s'affiche en indiquant qu'il le consulte en tant qu'assistant")
def _(page: Page, family: Family) -> None:
    """Whose record it is, said plainly, with a way back."""
    dsp = DspPage(page)
    expect(dsp.owner).to_contain_text(family.child.persona.full_name)
    expect(dsp.assistant_note).to_contain_text("en tant qu'assistant")


@then("les noms de ses deux enfants sont proposés")
def _(page: Page, family: Family) -> None:
    """Each child's record is offered."""
    for child in family.children:
        expect(control(page, child.persona.full_name)).to_be_visible()


@then("le portail indique qu'aucun patient n'a été trouvé")
def _(page: Page) -> None:
    """No result for an unknown number."""
    expect(DspPage(page).content).to_contain_text("Aucun patient trouvé")


@then("le portail refuse d'ajouter le titulaire comme son propre assistant")
def _(page: Page, family: Family) -> None:
    """The holder's own name is not offered, and the refusal is said."""
    child = family.child.persona
    expect(AssistantsWindow(page).result(child.full_name, child.matricule)).to_have_count(0)
    expect(DspPage(page).content).to_contain_text("propre dossier")


@then("l'accès au DSP de l'enfant est refusé")
def _(page: Page, family: Family) -> None:
    """Refused, and nothing of the child's record is shown."""
    dsp = DspPage(page)
    expect(dsp.content).to_contain_text("Accès refusé")
    expect(dsp.content).not_to_contain_text(family.child.persona.full_name)
