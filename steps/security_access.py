"""Security of what pages give and show: forged forms, others' records, hostile names, frames (ASVS V1, V3, V8)."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import ThreadingHTTPServer
from urllib.parse import urljoin, urlsplit

import pytest
from faker import Faker
from playwright.sync_api import APIResponse, BrowserContext, Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import Persona, Target, TargetCapabilityMissing
from steps.journeys.account import SERVICES, signed_in
from steps.journeys.activation import activated_patient
from steps.journeys.actors import Actor, Family
from steps.journeys.dsp import DSP, signed_in_at_own_dsp
from steps.journeys.security import (
    FormSnapshot,
    forged_boxes,
    framing_page,
    other_site,
    read_form,
    send_forged,
)
from steps.pages.dsp import DspPage
from steps.pages.guide import form_of, labelled, load_after, press

# The notification box of « Informations personnelles » whose form is forged (pp. 14 of the pro guide).
NOTIFICATION = "Lors de la création d'un événement"
FORGERIES = {"sans son jeton": "missing", "avec un jeton erroné": "wrong"}
# What a hostile name tries to run: it sets this flag if the page lets it.
XSS_FLAG = "esanteXss"


@dataclass
class ForgedSending:
    """The form a forgery started from, and the portal's answer to it."""

    before: FormSnapshot
    answer: APIResponse


@dataclass
class OtherRecord:
    """Another patient's record as its holder sees it: its address and its documents' addresses."""

    holder: Persona
    address: str
    documents: dict[str, str] = field(default_factory=dict)
    first_document: bytes = b""
    answer: APIResponse | None = None


@pytest.fixture
def framing_site() -> Iterator[ThreadingHTTPServer]:
    """Another site, on another loopback port, for the scenario's framing page."""
    with other_site() as server:
        yield server


def record_not_shown(page: Page, holder: Persona, titles: list[str]) -> None:
    """No heading names the holder, no « Mes derniers documents », and none of the record's documents."""
    expect(page.get_by_role("heading").filter(has_text=holder.full_name)).to_have_count(0)
    expect(DspPage(page).section("Mes derniers documents")).to_have_count(0)
    for title in titles:
        expect(page.locator("body")).not_to_contain_text(title)


# CSRF -------------------------------------------------------------------------------------------


@when(parsers.parse("quelqu'un envoie à sa place le formulaire des notifications par e-mail, inversé, {forgery}"),
      target_fixture="forged")
def _(page: Page, forgery: str) -> ForgedSending:
    """Every box turned over, sent with the person's cookies but not the form's token, from another origin."""
    form = form_of(page, labelled(page, NOTIFICATION))
    before = read_form(page, form)
    assert before.boxes(), "the notifications form has no checkbox to turn over"
    answer = send_forged(page, before.action, forged_boxes(before, FORGERIES[forgery]))
    return ForgedSending(before, answer)


@then("cet envoi est refusé")
def _(forged: ForgedSending) -> None:
    """The portal answers with a refusal, not with a success or its redirect."""
    assert forged.answer.status >= 400, f"the forged form was answered {forged.answer.status}, not refused"


@then("ses choix de notifications par e-mail sont inchangés")
def _(page: Page, forged: ForgedSending) -> None:
    """The boxes, read again from the portal, are as they were before the forgery."""
    page.reload()
    after = read_form(page, form_of(page, labelled(page, NOTIFICATION)))
    assert after.boxes() == forged.before.boxes(), (
        f"the forged form changed the notifications: {forged.before.boxes()} became {after.boxes()}")


# Someone else's record --------------------------------------------------------------------------


@given(parsers.parse("un autre patient dont le DSP contient {count:d} documents"), target_fixture="other_record")
def _(new_actor: Callable[..., Actor], new_context: Callable[..., BrowserContext], faker: Faker,
      count: int) -> OtherRecord:
    """A second patient, signed in on a browser of their own, whose record's addresses are noted."""
    holder = new_actor("patient", dsp_documents=count).at(new_context().new_page())
    activated_patient(holder, faker, at_home=False)
    signed_in_at_own_dsp(holder)
    links = DspPage(holder.page).content.get_by_role("row").filter(
        has_text=re.compile(r"\d{2}/\d{2}/\d{4}")).get_by_role("link")
    expect(links).to_have_count(count)
    documents = {link.inner_text().strip(): urljoin(holder.page.url, link.get_attribute("href") or "")
                 for link in links.all()}
    first = holder.page.request.get(next(iter(documents.values()))).body()
    return OtherRecord(holder.persona, holder.step_urls[DSP], documents, first)


@when("le patient ouvre l'adresse du DSP de l'autre patient")
def _(page: Page, other_record: OtherRecord) -> None:
    """The other record's address typed in the patient's own browser."""
    page.goto(other_record.address)


@when("le patient ouvre l'adresse d'un document de l'autre patient")
def _(page: Page, other_record: OtherRecord) -> None:
    """A document's address of the other record, asked with the patient's own cookies."""
    other_record.answer = page.request.get(next(iter(other_record.documents.values())))


@then("rien du DSP de l'autre patient ne s'affiche")
def _(page: Page, other_record: OtherRecord) -> None:
    """Neither the holder's record nor its documents' titles."""
    record_not_shown(page, other_record.holder, list(other_record.documents))


@then("le document de l'autre patient ne lui est pas remis")
def _(other_record: OtherRecord) -> None:
    """The answer is not the document its holder downloads."""
    answer = other_record.answer
    assert answer is not None, "no document was asked for"
    body = answer.body()
    assert body != other_record.first_document and not body.startswith(b"%PDF"), (
        f"another patient's document was handed over (status {answer.status})")


@then("rien du DSP de l'enfant ne s'affiche au parent")
def _(page: Page, family: Family) -> None:
    """The removed assistant's next request shows nothing of the child's record."""
    record_not_shown(page, family.child.persona, [])


# Hostile names ----------------------------------------------------------------------------------


@given("un patient connecté à son DSP dont le prénom et le nom sont", target_fixture="actor")
def _(page: Page, target: Target, faker: Faker, datatable: list[list[str]]) -> Actor:
    """A person whose names, as the register gives them, carry markup; signed in and at their DSP."""
    first_name, last_name = datatable[1]
    persona = target.create_persona(kind="patient", first_name=first_name, last_name=last_name,
                                    birth_date=faker.date_of_birth(minimum_age=18, maximum_age=90).isoformat())
    if (persona.first_name, persona.last_name) != (first_name, last_name):
        # An accounts file hands out the names it has: the names under test would never be shown.
        raise TargetCapabilityMissing("the target gives its personas its own names, not the names asked for")
    actor = Actor(page, target, persona)
    activated_patient(actor, faker, at_home=False)
    signed_in(actor)
    load_after(page, lambda: press(page, DSP))
    return actor


@then("son DSP affiche son prénom et son nom tels qu'ils sont écrits")
def _(page: Page, actor: Actor) -> None:
    """The header shows the names as text, markup and all."""
    owner = DspPage(page).owner
    expect(owner).to_contain_text(actor.persona.first_name)
    expect(owner).to_contain_text(actor.persona.last_name)


@then("aucun code venu de son nom ne s'est exécuté")
def _(page: Page) -> None:
    """No element the names carry made it into the page, and nothing they carry ran."""
    expect(page.locator("img[onerror]")).to_have_count(0)
    expect(page.locator("script").filter(has_text=XSS_FLAG)).to_have_count(0)
    assert page.evaluate(f"() => window.{XSS_FLAG} === undefined"), "the script in the name ran"


# Frames -----------------------------------------------------------------------------------------


@when("une page d'un autre site ouvre « Mes services eSanté » dans un cadre")
def _(page: Page, actor: Actor, framing_site: ThreadingHTTPServer) -> None:
    """The other site's page, with the signed-in space in an iframe, once the frame is done loading."""
    framing_site.page = framing_page(actor.step_urls[SERVICES])  # type: ignore[attr-defined]
    host, port = framing_site.server_address[:2]
    page.goto(f"http://{host}:{port}/")
    # The frame's load event fires for a page shown and for a page refused alike.
    expect(page).to_have_title("Cadre chargé")


@then("le cadre n'affiche aucune page du portail")
def _(page: Page, portal_url: str) -> None:
    """The browser refused to show the portal in the frame: nothing from the portal's origin is in it."""
    frames = page.main_frame.child_frames
    assert len(frames) == 1, f"the other site's page has {len(frames)} frames, not one"
    portal = urlsplit(portal_url)
    shown = urlsplit(frames[0].url)
    assert (shown.scheme, shown.netloc) != (portal.scheme, portal.netloc), (
        f"the portal's page {frames[0].url} is shown in another site's frame")
    expect(page.frame_locator("iframe").get_by_role("heading", name=SERVICES)).to_have_count(0)
