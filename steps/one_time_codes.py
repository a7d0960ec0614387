"""One-time codes sent by SMS or e-mail, read back through the target's test-support interface."""

import re

from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from harness.targets import Target
from steps.journeys.activation import send_code
from steps.journeys.actors import Actor
from steps.journeys.inputs import local_mobile, wrong_code
from steps.journeys.target import advance_clock, latest_code
from steps.pages.activation import SecurityStep

CHANNELS = {"SMS": "sms", "e-mail": "email"}


CHOOSE = "il choisit de recevoir son code à usage unique par « {channel} »"


@when(parsers.parse(CHOOSE + " et clique sur « Valider »"))
def _(actor: Actor, channel: str) -> None:
    """Choose the channel with the persona's own number or address."""
    send_code(actor, channel)


@when(parsers.parse(CHOOSE + " au numéro « {number} »"))
def _(page: Page, channel: str, number: str) -> None:
    """Choose the channel with a given number."""
    SecurityStep(page).choose_channel(channel, number)


@then(parsers.parse("il reçoit un code à usage unique de 6 chiffres par {medium}"))
def _(actor: Actor, medium: str) -> None:
    """The newest message to the chosen destination carries a six-digit code."""
    destination = actor.code_destination
    messages = actor.target.messages(destination)
    assert messages, f"nothing was sent to {destination}"
    newest = messages[0]
    assert newest.channel == CHANNELS[medium], f"the code went by {newest.channel}, not {medium}"
    assert newest.code and re.fullmatch(r"\d{6}", newest.code), f"no 6-digit code in: {newest.body}"


@when("il entre le code reçu et clique sur « Valider »")
def _(actor: Actor) -> None:
    """Type the newest code sent to the chosen destination."""
    SecurityStep(actor.page).enter_code(latest_code(actor))


@when("il entre un code à usage unique erroné et clique sur « Valider »")
def _(actor: Actor) -> None:
    """Type a code that differs from the one sent."""
    SecurityStep(actor.page).enter_code(wrong_code(latest_code(actor)))


@when(parsers.parse("{minutes:d} minutes passent"))
def _(target: Target, minutes: int) -> None:
    """Move the target's clock forward."""
    advance_clock(target, minutes * 60)


@when("il demande un nouveau code")
def _(page: Page) -> None:
    """Ask for a new code."""
    SecurityStep(page).ask_new_code()


@then("aucun code ne lui a été envoyé")
def _(actor: Actor) -> None:
    """Nothing went to the persona's number, nor to the number typed."""
    expect(SecurityStep(actor.page).code).to_have_count(0)
    persona = actor.persona
    assert not actor.target.messages(persona.mobile), "a code was sent to the persona's mobile"
    assert not actor.target.messages(local_mobile(persona.mobile))
