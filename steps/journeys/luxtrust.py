"""Authenticating at LuxTrust with a product: its user id and password, then its own proof.

These journeys talk to LuxTrust's pages only through the module a target profile names
(steps/pages/luxtrust_pages.py), so that a team testing a real LuxTrust environment can drive
its pages with its own module.
"""

import pyotp
from playwright.sync_api import expect

from harness.targets import LuxTrustDevice
from steps.journeys.actors import Actor
from steps.pages.luxtrust_pages import luxtrust_login

TIME_STEP_SECONDS = 30
# The guides' names of the LuxTrust products, and the test-support interface's keys for them.
PRODUCT_TYPES = {
    "Token": "token",
    "Smartcard": "smartcard",
    "Signing Stick": "signing_stick",
    "Carte d'identité électronique": "eid",
    "LuxTrust Mobile": "mobile",
}
PIN_PRODUCTS = {"smartcard", "signing_stick", "eid"}


def token_code(actor: Actor, device: LuxTrustDevice) -> str:
    """The code the token shows now, or the next one when the person already used this one."""
    assert device.totp_secret, f"the token {device.serial} has no TOTP secret"
    # The target's clock, not this machine's: tests may have moved it forward.
    step = int(actor.target.now().timestamp()) // TIME_STEP_SECONDS
    step = max(step, actor.used_token_steps.get(device.serial, -1) + 1)
    actor.used_token_steps[device.serial] = step
    return pyotp.TOTP(device.totp_secret).at(step * TIME_STEP_SECONDS)


def identify(actor: Actor, device: LuxTrustDevice, password: str | None = None) -> None:
    """Choose the product at LuxTrust and give its user id and password (or another password)."""
    login = luxtrust_login(actor.page)
    login.choose(device.label)
    login.identify(device.user_id, device.password if password is None else password)


def authenticate(actor: Actor, device: LuxTrustDevice) -> None:
    """A complete, successful LuxTrust login with one product."""
    identify(actor, device)
    prove(actor, device)


def prove(actor: Actor, device: LuxTrustDevice) -> None:
    """The product's own proof: a token code, a PIN, or an approval on the phone."""
    login = luxtrust_login(actor.page)
    if device.type == "token":
        login.enter_token_code(token_code(actor, device))
    elif device.type in PIN_PRODUCTS:
        assert device.pin, f"the product {device.serial} has no PIN"
        login.enter_pin(device.pin)
    else:
        expect(login.waiting_for_phone()).to_be_visible()
        actor.target.approve_on_phone(device.serial)
