"""The portal's public pages: home with its header and menus, and the patient page."""

import re

from playwright.sync_api import Locator, Page

from harness.verdicts import advise
from steps.pages.guide import (
    INFO_AND_RELATIONSHIPS,
    Way,
    act,
    activate,
    by_role,
    control,
    find_control,
    press,
    resolve,
    topmost,
)

# Where the header's controls are looked for first, and what a miss there is said to be.
BANNER = "any banner landmark"


class PortalHeader:
    """The header every page shares: brand, helpdesk phone, « Connexion », language."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.banner = page.get_by_role("banner")
        self.navigation = page.get_by_role("navigation", name="Navigation principale")

    def open_connexion(self) -> None:
        """Open « Connexion »; a menu or a page then offers « Patient » and « Professionnel »."""
        # Without a banner, a reader takes the « Connexion » at the top of the page.
        press(self.page, "Connexion", scope=self.banner, where=BANNER, pick=topmost)

    def top_bar(self) -> Locator:
        """The top of the page: its banner landmark, else the whole page (noted as an advisory)."""
        if self.banner.count() == 1:
            return self.banner
        advise("the page has no banner landmark; its top bar was read with the rest of the page",
               INFO_AND_RELATIONSHIPS, self.page.url)
        return self.page.locator("body")

    def find_connexion(self) -> Locator:
        """« Connexion » in the top bar, found as a reader finds it."""
        return find_control(self.page, "Connexion", self.banner, BANNER, topmost)

    def search(self) -> Locator:
        """The site search: a search landmark, else a search field."""
        return resolve(self.page, "search", [
            Way(self.page.get_by_role("search")),
            Way(self.page.get_by_role("searchbox"), fallback="is not in a search landmark"),
            Way(self.page.get_by_label(re.compile("recherche", re.IGNORECASE)).or_(
                self.page.get_by_placeholder(re.compile("recherche", re.IGNORECASE))),
                fallback="is not in a search landmark"),
        ], pick=topmost)

    def find_menu_entry(self, text: str) -> Locator:
        """A main navigation entry: in the named navigation, any navigation, else at the top of the page."""
        return resolve(self.page, f"menu entry « {text} »", [
            Way(control(self.navigation, text)),
            Way(control(self.page.get_by_role("navigation"), text)),
            Way(control(self.page, text), fallback="is not in a navigation landmark"),
        ], pick=topmost)

    def choose_space(self, space: str) -> None:
        """Pick « Patient » or « Professionnel » from what « Connexion » offered."""
        press(self.page, space)

    def menu_entry(self, text: str) -> Locator:
        """An entry of the main navigation, by its visible words."""
        return control(self.navigation, text)

    def open_menu(self, text: str) -> None:
        """Follow a main navigation entry."""
        act(self.page, f"menu entry « {text} »", lambda: activate(self.page, self.menu_entry(text)))


class HomePage:
    """www.esante.lu's home page."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.header = PortalHeader(page)

    def open(self) -> None:
        """Go to the portal's home page."""
        self.page.goto("/")

    def heading(self, text: str) -> Locator:
        """A heading of the page, such as the « PORTAIL E-SANTÉ » banner."""
        return by_role(self.page, "heading", text)


class PatientSpacePage:
    """« la page d'authentication/activation pour patient » (patient guide p. 7)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self) -> None:
        """Reach the page as the guide says: « Connexion » then « Patient »."""
        HomePage(self.page).open()
        header = PortalHeader(self.page)
        header.open_connexion()
        header.choose_space("Patient")

    def action(self, text: str) -> Locator:
        """One of the page's actions, such as « J'active mon compte »."""
        return control(self.page, text)

    def press(self, text: str) -> None:
        """Click one of the page's actions."""
        press(self.page, text)
