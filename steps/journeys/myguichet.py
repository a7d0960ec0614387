"""Activation through MyGuichet.lu: signing in there with LuxTrust, « Mes données », consent and CGU (pp. 4–5)."""

import re

from playwright.sync_api import Page, expect

from harness.targets import MyGuichetSpace, Persona
from steps.journeys.actors import Actor
from steps.journeys.luxtrust import authenticate
from steps.pages.guide import press
from steps.pages.myguichet import DspConsentPage, MyDataPage
from steps.pages.myguichet import MyGuichetSpace as SpacePage

DSP_SOURCE = "Dossier de soins partagé (DSP)"
DSP_PAGE = "Dossier de Soins Partagé (DSP)"


def space_of(persona: Persona) -> MyGuichetSpace:
    """The persona's MyGuichet.lu space, which the target must have given it."""
    assert persona.myguichet is not None, "the target gave the persona no MyGuichet.lu private space"
    return persona.myguichet


def words_of_success() -> re.Pattern[str]:
    """« Votre compte eSanté est activé! Vous pouvez maintenant accéder à votre DSP »."""
    return re.compile(r"Votre compte eSanté est activé\s?! Vous pouvez maintenant accéder à votre DSP")


def sign_in_to_myguichet(actor: Actor, product: str) -> None:
    """« Après vous être authentifié sur le portail www.myguichet.lu » (p. 4), with LuxTrust."""
    SpacePage(actor.page).sign_in(space_of(actor.persona).url)
    authenticate(actor, actor.persona.device(product))
    expect(SpacePage(actor.page).menu).to_be_visible()


def open_dsp_source(page: Page) -> None:
    """« cliquez … ensuite sur « Dossier de Soins Partagé (DSP) » » in « Mes données »."""
    press(page, DSP_SOURCE, scope=MyDataPage(page).content)
    expect(SpacePage(page).heading(DSP_PAGE)).to_be_visible()


def activate_through_myguichet(actor: Actor, product: str) -> None:
    """Pages 4–5 from start to end: sign in, « Mes données », the DSP, consent, CGU."""
    sign_in_to_myguichet(actor, product)
    SpacePage(actor.page).open("Mes données")
    open_dsp_source(actor.page)
    consent = DspConsentPage(actor.page)
    consent.tick_consent()
    consent.validate()
    consent.tick_cgu()
    consent.validate()
    expect(consent.content).to_contain_text(words_of_success())
    # The portal's one-time codes now go where MyGuichet.lu said: the mobile, else the e-mail.
    space = space_of(actor.persona)
    actor.code_destination = space.mobile or space.email or ""
