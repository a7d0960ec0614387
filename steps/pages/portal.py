"""The portal's public pages: home with its header and menus, and the patient page."""

from playwright.sync_api import Locator, Page

from steps.pages.guide import act, activate, by_role, control, press, topmost

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
