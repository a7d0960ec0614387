"""One-time codes sent by SMS or e-mail, read back through the target's test-support interface."""

import re

from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from harness.targets import TestSupportClient
from steps.activation import Activation, advance_clock, latest_code, local_mobile, send_code
from steps.pages.activation import SecurityStep

CHANNELS = {"SMS": "sms", "e-mail": "email"}


CHOOSE = "il choisit de recevoir son code à usage unique par « {channel} »"


@when(parsers.parse(CHOOSE + " et clique sur « Valider »"))
def _(page: Page, activation: Activation, channel: str) -> None:
    """Choose the channel with the persona's own number or address."""
    send_code(page, activation, channel)


@when(parsers.parse(CHOOSE + " au numéro « {number} »"))
def _(page: Page, channel: str, number: str) -> None:
    """Choose the channel with a given number."""
    SecurityStep(page).choose_channel(channel, number)


@then(parsers.parse("il reçoit un code à usage unique de 6 chiffres par {medium}"))
def _(test_support: TestSupportClient, activation: Activation, medium: str) -> None:
    """The newest message to the chosen destination carries a six-digit code."""
    destination = activation.code_destination
    messages = test_support.messages(destination)
    assert messages, f"nothing was sent to {destination}"
    newest = messages[0]
    assert newest.channel == CHANNELS[medium], f"the code went by {newest.channel}, not {medium}"
    assert newest.code and re.fullmatch(r"\d{6}", newest.code), f"no 6-digit code in: {newest.body}"


@when("il entre le code reçu et clique sur « Valider »")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """Type the newest code sent to the chosen destination."""
    code = latest_code(test_support, activation.code_destination)
    SecurityStep(page).enter_code(code)


@when("il entre un code à usage unique erroné et clique sur « Valider »")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """Type a code that differs from the one sent."""
    sent = latest_code(test_support, activation.code_destination)
    wrong = f"{(int(sent) + 1) % 1_000_000:06d}"
    SecurityStep(page).enter_code(wrong)


@when(parsers.parse("{minutes:d} minutes passent"))
def _(test_support: TestSupportClient, minutes: int) -> None:
    """Move the target's clock forward."""
    advance_clock(test_support, minutes * 60)


@when("il demande un nouveau code")
def _(page: Page) -> None:
    """Ask for a new code."""
    SecurityStep(page).ask_new_code()


@then("aucun code ne lui a été envoyé")
def _(page: Page, test_support: TestSupportClient, activation: Activation) -> None:
    """Nothing went to the persona's number, nor to the number typed."""
    expect(SecurityStep(page).code).to_have_count(0)
    persona = activation.persona
    assert not test_support.messages(persona.mobile), "a code was sent to the persona's mobile"
    assert not test_support.messages(local_mobile(persona.mobile))
