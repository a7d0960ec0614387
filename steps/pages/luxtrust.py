"""LuxTrust's login pages, as a person meets them when a portal sends them there.

A team testing against a real LuxTrust environment names its own module in the target profile
(``[luxtrust] pages``), with a ``LuxTrustLogin`` offering these methods.
"""

from playwright.sync_api import Locator, Page

from steps.pages.guide import act, by_role, labelled, press


class LuxTrustLogin:
    """Choose the product, give its credentials, then its proof: code, PIN or phone approval."""

    PRODUCT_QUESTION = "Choisissez votre produit LuxTrust"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.products = by_role(page, "group", self.PRODUCT_QUESTION)
        self.user_id = labelled(page, "Identifiant")
        self.password = labelled(page, "Mot de passe")
        self.token_code = labelled(page, "Code affiché sur votre Token")
        self.pin = labelled(page, "Code PIN")
        self.errors = page.get_by_role("alert")

    def choose(self, product: str) -> None:
        """Pick a product by its name (« Token », « LuxTrust Mobile »…)."""
        act(self.page, f"LuxTrust product « {product} »", by_role(self.products, "radio", product).check)

    def identify(self, user_id: str, password: str) -> None:
        """Type the product's user id and password, then « Continuer »."""
        act(self.page, "LuxTrust field « Identifiant »", lambda: self.user_id.fill(user_id))
        act(self.page, "LuxTrust field « Mot de passe »", lambda: self.password.fill(password))
        press(self.page, "Continuer")

    def enter_token_code(self, code: str) -> None:
        """Type the code the token shows, then « Valider »."""
        act(self.page, "LuxTrust field « Code affiché sur votre Token »", lambda: self.token_code.fill(code))
        press(self.page, "Valider")

    def enter_pin(self, pin: str) -> None:
        """Type the card's or stick's PIN, then « Valider »."""
        act(self.page, "LuxTrust field « Code PIN »", lambda: self.pin.fill(pin))
        press(self.page, "Valider")

    def waiting_for_phone(self) -> Locator:
        """The message asking to confirm in the LuxTrust Mobile app."""
        return self.page.get_by_text("Confirmez la connexion dans l'application LuxTrust Mobile")

    def cancel(self) -> None:
        """« Annuler »: back to the portal without signing in."""
        press(self.page, "Annuler")
