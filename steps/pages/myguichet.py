"""MyGuichet.lu's private space, « Mes données » and the DSP consent (patient guide pp. 4–5).

The guide shows MyGuichet.lu's words; this module locates by them, so that a team testing
against a real MyGuichet.lu environment changes only the sign-in.
"""

import re

from playwright.sync_api import Locator, Page

from steps.pages.guide import act, by_role, control, labelled, press, submit, words

CONSENT = "Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté."
# The CGU box's label is a whole paragraph; its first sentence identifies it.
CGU_ACCEPTANCE = (
    "En cochant cette case, je reconnais avoir lu et accepté les Conditions Générales "
    "d'Utilisation de la Plateforme eSanté et du DSP."
)


def starting_with(text: str) -> re.Pattern[str]:
    """A pattern for an accessible name that begins with the guide's sentence."""
    return re.compile(r"^\s*" + r"\s+".join(re.escape(word) for word in text.split()), re.IGNORECASE)


class MyGuichetSpace:
    """The private space: its menu, its breadcrumb and the page's main content."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.menu = page.get_by_role("navigation", name="Espace privé")
        self.breadcrumb = page.get_by_role("navigation", name="Fil d'Ariane")
        self.content = page.get_by_role("main")

    def sign_in(self, url: str) -> None:
        """From MyGuichet.lu's home page, on to LuxTrust."""
        self.page.goto(url)
        press(self.page, "Se connecter avec LuxTrust", scope=self.content)

    def open(self, entry: str) -> None:
        """Follow one of the private space's menu entries, such as « Mes données »."""
        press(self.page, entry, scope=self.menu)

    def menu_entry(self, entry: str) -> Locator:
        """One entry of the private space's menu."""
        return control(self.menu, entry)

    def heading(self, text: str) -> Locator:
        """A heading of the page, by the guide's words."""
        return by_role(self.page, "heading", text)


class MyDataPage:
    """« Mes données »: the catalogue of authentic sources, grouped by theme."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")

    def groups(self) -> Locator:
        """The catalogue's group headings, in the order shown."""
        return self.content.get_by_role("heading", level=2)

    def group(self, name: str) -> Locator:
        """One group of sources, as the region its heading names."""
        return self.content.get_by_role("region", name=words(name))

    def source(self, name: str, group: str | None = None) -> Locator:
        """A source's link, optionally within its group."""
        scope = self.group(group) if group else self.content
        return scope.get_by_role("link", name=words(name))


class DspConsentPage:
    """« Dossier de Soins Partagé (DSP) »: consent, then CGU, then the activated account."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")
        self.consent_box = labelled(page, CONSENT)
        self.cgu_box = page.get_by_label(starting_with(CGU_ACCEPTANCE))
        self.errors = page.get_by_role("alert")

    def tick_consent(self) -> None:
        """Tick « Je consens à ce que MyGuichet.lu partage … »."""
        act(self.page, f"checkbox « {CONSENT} »", self.consent_box.check)

    def tick_cgu(self) -> None:
        """Tick the CGU box, whose label starts with the guide's first sentence."""
        act(self.page, f"checkbox « {CGU_ACCEPTANCE} … »", self.cgu_box.check)

    def validate(self) -> None:
        """« Valider », and wait for the page it leads to."""
        submit(self.page, "Valider", scope=self.content)

    def open_dsp(self) -> None:
        """« Accéder à mon DSP », which leads to the eSanté portal."""
        submit(self.page, "Accéder à mon DSP", scope=self.content)


class SettingsPage:
    """« Paramètres »: the contacts MyGuichet.lu knows, and the revocable consent."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")
        self.notices = page.get_by_role("status")

    def revoke(self) -> None:
        """« Révoquer mon consentement »."""
        submit(self.page, "Révoquer mon consentement", scope=self.content)
