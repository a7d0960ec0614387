"""Signing in with « Matricule & Mot de passe », the « Mon Compte » menu and « Gérer mon compte »."""

import re

from playwright.sync_api import Locator, Page

from steps.pages.guide import (
    act,
    activate,
    by_role,
    control,
    form_of,
    labelled,
    load_after,
    press,
    submit,
    topmost,
)


class PasswordSignInPage:
    """« Matricule & Mot de passe »: the matricule and the password defined (patient p. 16)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.matricule = labelled(page, "Matricule")
        self.password = labelled(page, "Mot de passe")

    def sign_in(self, matricule: str, password: str) -> None:
        """Type both and send the form with its own button."""
        act(self.page, "field « Matricule »", lambda: self.matricule.fill(matricule))
        act(self.page, "field « Mot de passe »", lambda: self.password.fill(password))
        form = form_of(self.page, self.password)
        # The guide names no button here: the form's only button sends it.
        load_after(self.page, lambda: act(self.page, "the sign-in form's button",
                                          lambda: activate(self.page, form.get_by_role("button"))))


class SignInCodePage:
    """« le code reçu par SMS ou e-mail » (patient p. 16)."""

    LABEL = "Code reçu par SMS ou par E-mail"
    NEW_CODE = "Recevoir un nouveau code"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.code = labelled(page, self.LABEL)
        self.new_code = control(page, self.NEW_CODE)

    def enter(self, code: str) -> None:
        """Type the code and press its « Valider »."""
        act(self.page, f"field « {self.LABEL} »", lambda: self.code.fill(code))
        submit(self.page, "Valider", scope=form_of(self.page, self.code))

    def ask_new_code(self) -> None:
        """Press « Recevoir un nouveau code » and return once the portal has answered."""
        submit(self.page, self.NEW_CODE)


class AccountMenu:
    """« Mon Compte », top right once signed in (professional guide p. 12)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.banner = page.get_by_role("banner")

    def open(self, entry: str) -> None:
        """Open « Mon Compte » and choose an entry such as « Gérer mon compte »."""
        press(self.page, "Mon Compte", scope=self.banner, where="any banner landmark", pick=topmost)
        press(self.page, entry, scope=self.banner, where="any banner landmark", pick=topmost)


class AuthenticationMeansTab:
    """« Moyens d'authentification »: codes, mobile and e-mail, LuxTrust, password (p. 13)."""

    CODE_REQUEST = "Recevoir un code de confirmation"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.code_request = control(page, self.CODE_REQUEST)
        self.confirmation_code = labelled(page, "Code de confirmation")
        self.mobile = labelled(page, "Téléphone portable")
        self.email = labelled(page, "E-mail")
        self.change_code = labelled(page, "Code reçu")
        self.new_password = labelled(page, "Nouveau mot de passe")
        self.password_confirmation = labelled(page, "Confirmation du nouveau mot de passe")

    def ask_confirmation_code(self) -> None:
        """Have a one-time code sent to the account's means."""
        submit(self.page, self.CODE_REQUEST)

    def confirm_identity(self, code: str) -> None:
        """Type the code received and confirm."""
        act(self.page, "field « Code de confirmation »", lambda: self.confirmation_code.fill(code))
        submit(self.page, "Confirmer")

    def change_contact(self, field: Locator, name: str, value: str) -> None:
        """Type a new number or address and press the « Valider » of its own form."""
        act(self.page, f"field « {name} »", lambda: field.fill(value))
        submit(self.page, "Valider", scope=form_of(self.page, field))

    def confirm_change(self, code: str) -> None:
        """Type the code sent to the new number or address."""
        act(self.page, "field « Code reçu »", lambda: self.change_code.fill(code))
        submit(self.page, "Confirmer le changement")

    def choose_password(self, password: str, confirmation: str) -> None:
        """Fill « Nouveau mot de passe » and its confirmation, then their « Valider »."""
        act(self.page, "field « Nouveau mot de passe »", lambda: self.new_password.fill(password))
        act(self.page, "field « Confirmation du nouveau mot de passe »",
            lambda: self.password_confirmation.fill(confirmation))
        submit(self.page, "Valider", scope=form_of(self.page, self.new_password))

    def remove_button(self, serial: str) -> Locator:
        """The « Supprimer » of one listed product."""
        return self.page.get_by_role("button", name=re.compile(rf"^Supprimer\b.*{re.escape(serial)}"))

    def remove(self, serial: str) -> None:
        """Remove a listed product."""
        load_after(self.page, lambda: act(self.page, f"« Supprimer » of product {serial}",
                                          lambda: activate(self.page, self.remove_button(serial))))

    def section(self, title: str) -> Locator:
        """A section of the tab, by its heading."""
        return by_role(self.page, "heading", title)


class PersonalInformationTab:
    """« Informations personnelles »: « NOTIFICATIONS PAR E-MAILS » (p. 14)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def box(self, label: str) -> Locator:
        """A notification checkbox by its label."""
        return labelled(self.page, label)

    def untick_and_save(self, label: str) -> None:
        """Untick one box and press « Valider »."""
        act(self.page, f"checkbox « {label} »", self.box(label).uncheck)
        submit(self.page, "Valider", scope=form_of(self.page, self.box(label)))

    def tab(self, name: str) -> Locator:
        """One of the two tabs."""
        return control(self.page, name)
