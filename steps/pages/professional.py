"""The health professional's activation steps that differ from the patient's (pp. 5–7)."""

from playwright.sync_api import Locator, Page

from steps.pages.guide import act, by_role, choice, field, in_content, labelled, press


class LuxTrustProductStep:
    """Step 1: « Associer un produit LuxTrust » with its « Connexion » button (p. 5)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")

    def connect(self) -> None:
        """« Connexion », in the page rather than in the header."""
        press(self.page, "Connexion", scope=self.content, where="the main landmark", pick=in_content)


class ProfessionalCodeStep:
    """Step 2: « Oui », « Matricule », « Code d'activation » (p. 6)."""

    QUESTION = "Avez-vous reçu votre code d'activation ?"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.question = by_role(page, "group", self.QUESTION)
        self.matricule = labelled(page, "Matricule")
        self.code = labelled(page, "Code d'activation")

    def answer_yes_and_enter(self, matricule: str, code: str) -> None:
        """Answer « Oui », type the matricule and the code, press « Étape suivante »."""
        act(self.page, f"« Oui » of « {self.QUESTION} »", choice(self.page, self.QUESTION, "Oui").check)
        box = field(self.page, "Matricule")
        act(self.page, "field « Matricule »", lambda: box.fill(matricule))
        box = field(self.page, "Code d'activation")
        act(self.page, "field « Code d'activation »", lambda: box.fill(code))
        press(self.page, "Étape suivante")


class MyServicesPage:
    """« Mes services eSanté »: what a signed-in person may use (patient p. 17, professional p. 11)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = by_role(page, "heading", "Mes services eSanté")

    def service(self, name: str) -> Locator:
        """One service's card, by the name the guide gives it (a link where it can be opened)."""
        return by_role(self.page.get_by_role("main"), "heading", name)
