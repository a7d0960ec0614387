"""The DSP: opening one's own record, adding an « Assistant DSP », and opening a record as its assistant."""

from playwright.sync_api import BrowserContext, expect

from harness.targets import Persona
from steps.journeys.account import sign_in_with_password, signed_in
from steps.journeys.actors import Actor
from steps.pages.dsp import AssistantsWindow, DspPage
from steps.pages.guide import press

DSP = "Dossier de Soins Partagé (DSP)"


def open_own_dsp(actor: Actor) -> None:
    """From « Mes services eSanté », the DSP link (p. 17), noting the record's address."""
    press(actor.page, DSP)
    expect(DspPage(actor.page).owner).to_contain_text(actor.persona.last_name)
    actor.step_urls[DSP] = actor.page.url


def sign_in_to_own_dsp(actor: Actor) -> None:
    """Sign in with the person's matricule and password, then open their own DSP."""
    sign_in_with_password(actor)
    open_own_dsp(actor)


def signed_in_at_own_dsp(actor: Actor) -> None:
    """Signed in (by the fastest honest way), then at their own DSP."""
    signed_in(actor)
    open_own_dsp(actor)


def own_dsp_address(actor: Actor, context: BrowserContext) -> str:
    """The address of the person's own DSP, as they see it: learnt in another browser if not yet seen."""
    if DSP not in actor.step_urls:
        # The same person elsewhere shares the addresses noted, so theirs is noted here too.
        signed_in_at_own_dsp(actor.at(context.new_page()))
    return actor.step_urls[DSP]


def add_assistant(actor: Actor, assistant: Persona) -> None:
    """In the person's own « Assistants »: « Ajouter », search the assistant, choose, « ✓ » (pp. 19–20)."""
    window = AssistantsWindow(actor.page)
    window.add()
    window.search(assistant.matricule)
    window.choose(assistant.full_name, assistant.matricule)
    window.save_as_assistant()
    expect(DspPage(actor.page).rows_with(assistant.full_name)).to_contain_text("Assistant DSP")


def open_record_as_assistant(actor: Actor, holder: Persona) -> None:
    """« Accéder aux autres dossiers patient », then the holder's name (p. 21)."""
    press(actor.page, "Accéder aux autres dossiers patient")
    press(actor.page, holder.full_name)
    expect(DspPage(actor.page).owner).to_contain_text(holder.last_name)
