"""The DSP itself: what it shows, depositing documents, and its « Traçabilité » (pp. 17, 19)."""

import re
from collections.abc import Callable

from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from steps.journeys.account import activate_and_sign_in
from steps.journeys.actors import Actor
from steps.journeys.dsp import open_own_dsp
from steps.pages.dsp import DspPage
from steps.pages.guide import control, press


def small_pdf(title: str) -> bytes:
    """A real one-page PDF document carrying a title."""
    # Imported here: fpdf2 (with fontTools) is a sixth of a second of every run's start, and only
    # the upload scenarios make a PDF.
    from fpdf import FPDF

    document = FPDF()
    document.add_page()
    document.set_font("Helvetica", size=14)
    document.cell(text=title.encode("latin-1", "replace").decode("latin-1"))
    return bytes(document.output())


@given(parsers.parse("un patient connecté dont le DSP contient {documents:d} documents et {circle:d} professionnels de confiance"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker, documents: int, circle: int) -> Actor:
    """A signed-in patient whose record the target seeded."""
    actor = new_actor("patient", dsp_documents=documents, trust_circle=circle)
    activate_and_sign_in(actor, faker)
    return actor


@given("un patient connecté à son DSP", target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker) -> Actor:
    """A signed-in patient looking at their own DSP."""
    actor = new_actor("patient")
    activate_and_sign_in(actor, faker)
    open_own_dsp(actor)
    return actor


@then("son DSP s'affiche avec son nom, son âge et sa date de naissance")
def _(page: Page, actor: Actor) -> None:
    """The header of the record (p. 19)."""
    persona = actor.persona
    dsp = DspPage(page)
    expect(dsp.owner).to_contain_text(persona.first_name)
    expect(dsp.owner).to_contain_text(persona.last_name)
    year, month, day = persona.birth_date.split("-")
    expect(dsp.content).to_contain_text(f"{day}/{month}/{year}")
    expect(dsp.content).to_contain_text(re.compile(r"\b\d{1,3} ans\b"))


@then(parsers.parse("le DSP propose les onglets « {a} », « {b} », « {c} » et « {d} »"))
def _(page: Page, a: str, b: str, c: str, d: str) -> None:
    """The four tabs of the guide's screenshot."""
    for tab in (a, b, c, d):
        expect(control(page, tab), f"tab « {tab} »").to_be_visible()


@then(parsers.parse("« Mes derniers documents » liste ses {count:d} documents avec leur date, leur titre et leur auteur"))
def _(page: Page, count: int) -> None:
    """The latest documents table and its columns."""
    dsp = DspPage(page)
    expect(dsp.section("Mes derniers documents")).to_be_visible()
    for column in ("Date", "Titre", "Auteur"):
        expect(page.get_by_role("columnheader", name=column, exact=True)).to_be_visible()
    expect(dsp.content.get_by_role("row").filter(has_text=re.compile(r"\d{2}/\d{2}/\d{4}"))
           .filter(has=page.get_by_role("link"))).to_have_count(count)


@then(parsers.parse("le « Cercle Médical de Confiance » liste ses {count:d} professionnels avec « Plus de détails »"))
def _(page: Page, count: int) -> None:
    """The circle of trust's columns, rows and details link."""
    dsp = DspPage(page)
    expect(dsp.section("Cercle Médical de Confiance")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Contact", exact=True)).to_be_visible()
    # The circle's rows are the ones with a contact number; documents have none.
    expect(dsp.content.get_by_role("row").filter(has_text=re.compile(r"\+352"))).to_have_count(count)
    expect(control(page, "Plus de détails")).to_be_visible()


@then("le tableau « Assistants » indique « Aucune donnée disponible dans le tableau »")
def _(page: Page) -> None:
    """An empty assistants table says so, in the guide's words."""
    expect(DspPage(page).section("Assistants")).to_be_visible()
    expect(page.get_by_text("Aucune donnée disponible dans le tableau")).to_be_visible()


@when(parsers.parse("il dépose le document PDF « {title} »"))
def _(page: Page, title: str) -> None:
    """Upload a real PDF document."""
    DspPage(page).upload(title, "document.pdf", "application/pdf", small_pdf(title))


@when(parsers.parse("il dépose un fichier texte « {filename} » comme « {title} »"))
def _(page: Page, filename: str, title: str) -> None:
    """Upload a plain text file, which is neither a PDF nor an image."""
    DspPage(page).upload(title, filename, "application/pdf", b"Quelques notes, pas un PDF.\n")


@then(parsers.parse("« {title} » figure dans « Mes derniers documents »"))
def _(page: Page, title: str) -> None:
    """The document is listed."""
    expect(DspPage(page).document_link(title)).to_be_visible()


@then(parsers.parse("« {title} » ne figure pas dans « Mes derniers documents »"))
def _(page: Page, title: str) -> None:
    """The document was not stored."""
    expect(DspPage(page).document_link(title)).to_have_count(0)


@then(parsers.parse("il peut télécharger « {title} » en document PDF"))
def _(page: Page, title: str) -> None:
    """The listed document downloads as the PDF that was deposited."""
    download = DspPage(page).download(title)
    with open(download.path(), "rb") as document:
        assert document.read(5) == b"%PDF-", "the download is not a PDF document"


@then(parsers.re(r"la « Traçabilité » indique qu'il a déposé « (?P<title>[^»]+) »(?P<assistant> en tant qu'assistant)?$"))
def _(page: Page, title: str, assistant: str | None) -> None:
    """The deposit is traced, and as an assistant's where it was one."""
    press(page, "Traçabilité")
    row = DspPage(page).rows_with(title).filter(has_text=re.compile("dépos", re.IGNORECASE))
    expect(row).to_have_count(1)
    if assistant:
        expect(row).to_contain_text("en tant qu'assistant")
    else:
        expect(row).not_to_contain_text("en tant qu'assistant")
