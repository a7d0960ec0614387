"""A parent, a minor child's account, and « Assistant DSP » (patient guide pp. 18–21)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from faker import Faker
from playwright.sync_api import BrowserContext, Page, expect
from pytest_bdd import given, then, when

from harness.targets import Persona, TestSupportClient
from steps.account import AccountMenu, sign_in_with_password
from steps.activation import Activation, walk_to
from steps.dsp import open_own_dsp, signed_in_patient
from steps.pages.dsp import AssistantsWindow, DspPage
from steps.pages.guide import control, press


@dataclass
class Family:
    """A parent with an eSanté account, and the minor children of the scenario."""

    parent: Activation
    children: list[Activation] = field(default_factory=list)
    # Each child's DSP address, once seen.
    records: dict[str, str] = field(default_factory=dict)

    @property
    def child(self) -> Activation:
        """The scenario's (first) child."""
        return self.children[0]


def new_child(family: Family, new_persona: Callable[..., Persona]) -> Activation:
    """A minor child whose codes go to the parent's mobile, as the parent activates for them."""
    parent = family.parent.persona
    child = Activation(new_persona("patient", minor=True, mobile=parent.mobile, email=parent.email))
    family.children.append(child)
    return child


def open_child_dsp_as_child(page: Page, test_support: TestSupportClient, family: Family, child: Activation) -> None:
    """Sign in with the child's matricule and password, then open the child's DSP."""
    sign_in_with_password(page, test_support, child)
    record = open_own_dsp(page, child.persona)
    family.records[child.persona.matricule] = record.url


def add_parent_as_assistant(page: Page, family: Family) -> None:
    """In the child's « Assistants »: « Ajouter », search the parent, choose, « ✓ »."""
    parent = family.parent.persona
    window = AssistantsWindow(page)
    window.add()
    window.search(parent.matricule)
    window.choose(parent.full_name, parent.matricule)
    window.save_as_assistant()
    expect(DspPage(page).rows_with(parent.full_name)).to_contain_text("Assistant DSP")


def sign_out(page: Page) -> None:
    """« Mon Compte » → « Déconnexion », done once « Connexion » is offered again."""
    menu = AccountMenu(page)
    menu.open("Déconnexion")
    # Opening the next page before the sign-out's own page has come could abort it.
    expect(menu.banner.get_by_role("link", name="Connexion", exact=True)).to_be_visible()


def activated_child_with_parent_assistant(
    page: Page, family: Family, new_persona: Callable[..., Persona], faker: Faker,
    test_support: TestSupportClient,
) -> Activation:
    """A child activated by the parent, who then made themself the child's assistant."""
    child = new_child(family, new_persona)
    walk_to(page, child, faker, test_support, "Confirmation")
    open_child_dsp_as_child(page, test_support, family, child)
    add_parent_as_assistant(page, family)
    sign_out(page)
    return child


# Given ------------------------------------------------------------------------------------------


@given("un parent dont le compte eSanté est activé", target_fixture="family")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> Family:
    """A parent who activated their own account (pp. 6–14)."""
    parent = Activation(new_persona("patient"))
    walk_to(page, parent, faker, test_support, "Confirmation")
    return Family(parent)


@given("un enfant mineur du parent qui a reçu son courrier d'activation")
def _(family: Family, new_persona: Callable[..., Persona]) -> None:
    """A minor child with their own activation letter."""
    new_child(family, new_persona)


@given("un enfant mineur du parent dont le compte est activé")
def _(page: Page, family: Family, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> None:
    """A minor child whose account the parent activated."""
    walk_to(page, new_child(family, new_persona), faker, test_support, "Confirmation")


@given("un enfant mineur dont le parent est « Assistant DSP »")
def _(page: Page, family: Family, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> None:
    """The whole set-up of pp. 18–20 for one child."""
    activated_child_with_parent_assistant(page, family, new_persona, faker, test_support)


@given("deux enfants mineurs dont le parent est « Assistant DSP »")
def _(page: Page, family: Family, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> None:
    """The set-up of pp. 18–20, twice."""
    for _child in range(2):
        activated_child_with_parent_assistant(page, family, new_persona, faker, test_support)


@given("une autre personne connectée à son propre DSP")
def _(page: Page, new_persona: Callable[..., Persona], faker: Faker,
      test_support: TestSupportClient) -> None:
    """Someone with no link to the family, signed in on the same browser."""
    stranger = signed_in_patient(page, new_persona, faker, test_support)
    open_own_dsp(page, stranger.persona)


@given("le parent a ouvert le DSP de l'enfant depuis son propre DSP")
def _(page: Page, family: Family, test_support: TestSupportClient) -> None:
    """The assistant's way in (p. 21)."""
    open_parent_dsp(page, family, test_support)
    open_child_from_parent(page, family, family.child)


def open_parent_dsp(page: Page, family: Family, test_support: TestSupportClient) -> None:
    """The parent signs in with their own credentials and opens their own DSP."""
    sign_in_with_password(page, test_support, family.parent)
    open_own_dsp(page, family.parent.persona)


def open_child_from_parent(page: Page, family: Family, child: Activation) -> None:
    """« Accéder aux autres dossiers patient », then the child's name."""
    press(page, "Accéder aux autres dossiers patient")
    press(page, child.persona.full_name)
    expect(DspPage(page).owner).to_contain_text(child.persona.last_name)


# When -------------------------------------------------------------------------------------------


@when("le parent active le compte de l'enfant en suivant la procédure des pages 6 à 14")
def _(page: Page, family: Family, faker: Faker, test_support: TestSupportClient) -> None:
    """The patient wizard, with the child's letter (p. 18)."""
    walk_to(page, family.child, faker, test_support, "Confirmation")


@when("il se connecte avec le matricule et le mot de passe de l'enfant")
def _(page: Page, family: Family, test_support: TestSupportClient) -> None:
    """The child's credentials (p. 18)."""
    sign_in_with_password(page, test_support, family.child)


@when("le parent se connecte au DSP de l'enfant avec les identifiants de l'enfant")
def _(page: Page, family: Family, test_support: TestSupportClient) -> None:
    """The child's credentials, then the child's DSP (p. 19)."""
    open_child_dsp_as_child(page, test_support, family, family.child)


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
def _(page: Page, family: Family, test_support: TestSupportClient) -> None:
    """The parent's own credentials (p. 21)."""
    open_parent_dsp(page, family, test_support)


@when("il clique sur « Accéder aux autres dossiers patient » puis sur le nom de l'enfant")
def _(page: Page, family: Family) -> None:
    """The icon, then the child's name (p. 21)."""
    open_child_from_parent(page, family, family.child)


@when("il recherche un numéro assuré qui n'a pas de compte eSanté")
def _(page: Page, new_persona: Callable[..., Persona]) -> None:
    """A real person's number, but never activated."""
    AssistantsWindow(page).search(new_persona("patient").matricule)


@when("il recherche le numéro assuré de l'enfant")
def _(page: Page, family: Family) -> None:
    """The record holder's own number."""
    AssistantsWindow(page).search(family.child.persona.matricule)


@when("elle ouvre l'adresse du DSP de l'enfant")
def _(page: Page, family: Family) -> None:
    """Type the address of a record that is not hers."""
    page.goto(family.records[family.child.persona.matricule])


@when("l'enfant retire le parent des « Assistants » dans une autre session")
def _(new_context: Callable[..., BrowserContext], family: Family, test_support: TestSupportClient) -> None:
    """In another browser: the child signs in and removes the parent."""
    other = new_context().new_page()
    open_child_dsp_as_child(other, test_support, family, family.child)
    AssistantsWindow(other).remove(family.parent.persona.full_name)
    expect(DspPage(other).rows_with(family.parent.persona.full_name)).to_have_count(0)


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
