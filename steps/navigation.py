"""Getting around the portal: the home page, « Connexion » and the patient page."""


from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.verdicts import advise
from steps.pages.guide import (
    NAME_ROLE_VALUE,
    control,
    main_content,
    phone_number,
    press,
    tab_marked_open,
    words,
)
from steps.pages.guide import tab as tab_of
from steps.pages.portal import HomePage, PatientSpacePage, PortalHeader
from steps.soft_checks import says


@given("un patient sur la page d'accueil du portail eSanté")
def _(page: Page) -> None:
    """Open www.esante.lu's home page."""
    HomePage(page).open()


@given("un patient sur la page d'authentification/activation pour patient")
def _(page: Page) -> None:
    """Reach the patient page through « Connexion » → « Patient »."""
    PatientSpacePage(page).open()


@then("la navigation principale propose")
def _(page: Page, datatable: list[list[str]]) -> None:
    """Every entry of the guide's main navigation."""
    header = PortalHeader(page)
    for (entry,) in datatable[1:]:
        expect(header.find_menu_entry(entry), f"menu entry « {entry} »").to_be_visible()


@then(parsers.parse("l'en-tête affiche « {phone} », « {button} » et la recherche"))
def _(page: Page, phone: str, button: str) -> None:
    """The header's helpdesk number, its « Connexion » and a search, at the top of the page."""
    header = PortalHeader(page)
    expect(header.top_bar(), "the top bar").to_contain_text(phone_number(phone))
    expect(header.find_connexion(), f"« {button} »").to_be_visible()
    expect(header.search(), "the search").to_be_visible()


@then(parsers.parse("la page affiche « {first} » et « {second} »"))
def _(page: Page, first: str, second: str) -> None:
    """Two sentences of the page, each in the guide's words."""
    for text in (first, second):
        expect(page.get_by_text(words(text)), f"« {text} »").to_be_visible()


@then("l'accueil invite à activer son compte pour accéder au DSP et au remboursement accéléré des mémoires d'honoraires")
def _(page: Page) -> None:
    """The home page's call to activate an account, and what the account gives access to."""
    content = main_content(page)
    expect(content).to_contain_text("Activez votre compte eSanté")
    expect(content).to_contain_text("DSP")
    expect(content).to_contain_text("remboursement accéléré des mémoires d'honoraires")


@then(parsers.parse("le menu propose « {first} », « {second} » et « {third} »"))
def _(page: Page, first: str, second: str, third: str) -> None:
    """The entries the guide shows under a menu."""
    for entry in (first, second, third):
        expect(control(page, entry), f"« {entry} »").to_be_visible()


@then("la page rappelle que le DSP est aussi accessible par l'app MyDSP et par MyGuichet.lu")
def _(page: Page) -> None:
    """The other ways to the DSP (p. 15)."""
    content = main_content(page)
    expect(content).to_contain_text("MyDSP")
    expect(content).to_contain_text("MyGuichet.lu")


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
    """The page offers what the guide's page offers (p. 7); the reference also names the page so."""
    space = PatientSpacePage(page)
    expect(space.action("J'active mon compte")).to_be_visible()
    says(page, "page d'authentification/activation pour patient")


@then("elle rappelle que l'activation donne accès aux services eSanté et notamment au DSP")
def _(page: Page) -> None:
    """The page says what the account is for (p. 6)."""
    content = main_content(page)
    expect(content).to_contain_text("services eSanté")
    expect(content).to_contain_text("DSP")


@then(parsers.parse("elle propose « {first} » et « {second} »"))
def _(page: Page, first: str, second: str) -> None:
    """Both of the page's actions are offered."""
    space = PatientSpacePage(page)
    expect(space.action(first), f"« {first} » is not offered").to_be_visible()
    expect(space.action(second), f"« {second} » is not offered").to_be_visible()


@then(parsers.parse("l'onglet « {tab} » est ouvert"))
def _(page: Page, tab: str) -> None:
    """The tab is there; that it is marked as the open one (aria-current, aria-selected) is accessibility."""
    expect(tab_of(page, tab).filter(visible=True), f"the tab « {tab} »").not_to_have_count(0)
    if not tab_marked_open(page, tab):
        advise(f"the open tab « {tab} » is not marked as such (aria-current or aria-selected)",
               NAME_ROLE_VALUE, page.url)
