"""Getting around the portal: the home page, « Connexion » and the patient page."""

from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from steps.pages.guide import press
from steps.pages.portal import HomePage, PatientSpacePage, PortalHeader


@given("un patient sur la page d'accueil du portail eSanté")
def _(page: Page) -> None:
    """Open www.esante.lu's home page."""
    HomePage(page).open()


@given("un patient sur la page d'authentification/activation pour patient")
def _(page: Page) -> None:
    """Reach the patient page through « Connexion » → « Patient »."""
    PatientSpacePage(page).open()


@when(parsers.parse("il clique sur « {menu} » puis sur « {choice} »"))
def _(page: Page, menu: str, choice: str) -> None:
    """Open a header menu and pick one of its choices."""
    header = PortalHeader(page)
    if menu.lower() == "connexion":
        header.open_connexion()
    else:
        header.open_menu(menu)
    header.choose_space(choice)


@when(parsers.parse("il clique sur « {menu} » puis sur « {choice} » depuis l'accueil"))
def _(page: Page, menu: str, choice: str) -> None:
    """Start from the home page, then open a header menu and pick a choice."""
    HomePage(page).open()
    header = PortalHeader(page)
    header.open_connexion() if menu.lower() == "connexion" else header.open_menu(menu)
    header.choose_space(choice)


@when(parsers.re(r"il clique sur « (?P<text>[^»]+) »$"))
def _(page: Page, text: str) -> None:
    """Click the link or button the guide names."""
    press(page, text)


@then("la page d'authentification/activation pour patient s'affiche")
def _(page: Page) -> None:
    """The guide's sentence for that page is shown (p. 7)."""
    expect(page.get_by_text("page d'authentification/activation pour patient")).to_be_visible()


@then("elle rappelle que l'activation donne accès aux services eSanté et notamment au DSP")
def _(page: Page) -> None:
    """The page says what the account is for (p. 6)."""
    content = page.get_by_role("main")
    expect(content).to_contain_text("services eSanté")
    expect(content).to_contain_text("DSP")


@then(parsers.parse("elle propose « {first} » et « {second} »"))
def _(page: Page, first: str, second: str) -> None:
    """Both of the page's actions are offered."""
    space = PatientSpacePage(page)
    expect(space.action(first), f"« {first} » is not offered").to_be_visible()
    expect(space.action(second), f"« {second} » is not offered").to_be_visible()
