"""The shared care record (DSP) and its « Assistants » window (patient guide pp. 17–21)."""

import re

from playwright.sync_api import Download, Locator, Page

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
    words,
)


class DspPage:
    """One person's DSP: header, tabs, documents, upload, circle of trust, assistants."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")
        self.owner = page.get_by_role("heading", level=1)
        self.assistant_note = page.get_by_role("note")

    def section(self, title: str) -> Locator:
        """A section's heading, by the guide's words."""
        return by_role(self.page, "heading", title)

    def rows_with(self, text: str) -> Locator:
        """Table rows mentioning a text."""
        return self.page.get_by_role("row").filter(has_text=text)

    def document_link(self, title: str) -> Locator:
        """A document's title, which downloads it."""
        return self.content.get_by_role("link", name=words(title))

    def upload(self, title: str, filename: str, mime: str, data: bytes, kind: str = "Compte rendu") -> None:
        """« Déposer un document »: the file, its title and type, then the button."""
        file_input = labelled(self.page, "Document")
        act(self.page, "field « Document »",
            lambda: file_input.set_input_files({"name": filename, "mimeType": mime, "buffer": data}))
        act(self.page, "field « Titre du document »",
            lambda: labelled(self.page, "Titre du document").fill(title))
        act(self.page, "field « Type de document »",
            lambda: labelled(self.page, "Type de document").select_option(label=kind))
        submit(self.page, "Déposer un document", scope=form_of(self.page, file_input))

    def download(self, title: str) -> Download:
        """Download a listed document."""
        with self.page.expect_download() as download:
            act(self.page, f"document « {title} »", lambda: activate(self.page, self.document_link(title)))
        return download.value


class AssistantsWindow:
    """« Ajouter », « Nom » → « Numéro assuré » → « Rechercher », « Type », « Rôle », « ✓ »."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.insured_number = labelled(page, "Numéro assuré")
        self.type = labelled(page, "Type")
        self.role = labelled(page, "Rôle")

    def add(self) -> None:
        """« Ajouter »: an empty row appears."""
        press(self.page, "Ajouter")

    def search(self, number: str) -> None:
        """« Nom », then the insured number and « Rechercher », returning once the results show."""
        press(self.page, "Nom")
        act(self.page, "field « Numéro assuré »", lambda: self.insured_number.fill(number))
        submit(self.page, "Rechercher")

    def result(self, name: str, number: str) -> Locator:
        """A search result: the name followed by the number in brackets."""
        return control(self.page, f"{name} ({number})")

    def choose(self, name: str, number: str) -> None:
        """Click on one's name among the results."""
        result = self.result(name, number)
        load_after(self.page, lambda: act(self.page, f"result « {name} ({number}) »",
                                          lambda: activate(self.page, result)))

    def save_as_assistant(self) -> None:
        """« Assistant DSP » as the type, the role left empty, then « ✓ »."""
        act(self.page, "field « Type »", lambda: self.type.select_option(label="Assistant DSP"))
        submit(self.page, "✓")

    def remove(self, name: str) -> None:
        """The « Supprimer » of one assistant's row."""
        button = self.page.get_by_role("button", name=re.compile(rf"^Supprimer\s+{re.escape(name)}$"))
        load_after(self.page, lambda: act(self.page, f"« Supprimer » of {name}",
                                          lambda: activate(self.page, button)))

