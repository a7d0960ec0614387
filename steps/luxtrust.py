"""Authenticating with LuxTrust: each product's proof, cancelling, failures and locking.

These steps talk to LuxTrust's pages only through steps/pages/luxtrust.py, so that a team
testing a real LuxTrust environment can swap both modules for its own.
"""

import pyotp
import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from harness.targets import LuxTrustDevice, Persona, TestSupportClient
from steps.pages.luxtrust import LuxTrustLogin

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


@pytest.fixture(scope="session")
def token_counters() -> dict[str, int]:
    """The last TOTP time step used per token: LuxTrust accepts each code only once."""
    return {}


def token_code(device: LuxTrustDevice, test_support: TestSupportClient, used: dict[str, int]) -> str:
    """The code the token shows now, or the next one when this one was already used."""
    assert device.totp_secret, f"the token {device.serial} has no TOTP secret"
    # The target's clock, not this machine's: tests may have moved it forward.
    step = int(test_support.now().timestamp()) // TIME_STEP_SECONDS
    step = max(step, used.get(device.serial, -1) + 1)
    used[device.serial] = step
    return pyotp.TOTP(device.totp_secret).at(step * TIME_STEP_SECONDS)


def authenticate(
    page: Page, device: LuxTrustDevice, test_support: TestSupportClient, used: dict[str, int]
) -> None:
    """A complete, successful LuxTrust login with one product."""
    login = LuxTrustLogin(page)
    login.choose(device.label)
    login.identify(device.user_id, device.password)
    prove(page, device, test_support, used)


def prove(page: Page, device: LuxTrustDevice, test_support: TestSupportClient, used: dict[str, int]) -> None:
    """The product's own proof: a token code, a PIN, or an approval on the phone."""
    login = LuxTrustLogin(page)
    if device.type == "token":
        login.enter_token_code(token_code(device, test_support, used))
    elif device.type in PIN_PRODUCTS:
        assert device.pin, f"the product {device.serial} has no PIN"
        login.enter_pin(device.pin)
    else:
        expect(login.waiting_for_phone()).to_be_visible()
        test_support.approve_on_phone(device.serial)


@when(parsers.parse("il s'authentifie auprès de LuxTrust avec son « {product} »"))
def _(page: Page, luxtrust_holder: Persona, test_support: TestSupportClient, token_counters: dict[str, int],
      product: str) -> None:
    """Log in at LuxTrust with one of the persona's products."""
    authenticate(page, luxtrust_holder.device(product), test_support, token_counters)


@when("il annule l'authentification LuxTrust")
def _(page: Page) -> None:
    """« Annuler » at LuxTrust."""
    LuxTrustLogin(page).cancel()


@when(parsers.parse("il saisit chez LuxTrust un code erroné pour son « {product} »"))
def _(page: Page, luxtrust_holder: Persona, test_support: TestSupportClient, product: str) -> None:
    """Right user id and password, then a code the token does not show."""
    device = luxtrust_holder.device(product)
    assert device.totp_secret, f"« {product} » shows no code"
    login = LuxTrustLogin(page)
    login.choose(device.label)
    login.identify(device.user_id, device.password)
    shown = int(pyotp.TOTP(device.totp_secret).at(test_support.now()))
    login.enter_token_code(f"{(shown + 500_000) % 1_000_000:06d}")


@when(parsers.parse("il saisit ses identifiants LuxTrust corrects pour son « {product} »"))
def _(page: Page, luxtrust_holder: Persona, product: str) -> None:
    """The right user id and password of one of the persona's products."""
    device = luxtrust_holder.device(product)
    login = LuxTrustLogin(page)
    login.choose(device.label)
    login.identify(device.user_id, device.password)


@when(parsers.parse("il se trompe {count:d} fois de mot de passe LuxTrust pour son « {product} »"))
def _(page: Page, luxtrust_holder: Persona, product: str, count: int) -> None:
    """Wrong passwords, each refused before the next is typed."""
    device = luxtrust_holder.device(product)
    login = LuxTrustLogin(page)
    for attempt in range(count):
        login.choose(device.label)
        login.identify(device.user_id, f"{device.password}-faux-{attempt}")
        expect(login.errors).to_be_visible()
        expect(login.password).to_have_value("")


@then("LuxTrust refuse le code")
def _(page: Page) -> None:
    """LuxTrust says the code is wrong and stays on the proof page."""
    login = LuxTrustLogin(page)
    expect(login.errors).to_contain_text("Code incorrect")
    expect(login.token_code).to_be_visible()


@then("LuxTrust indique que son produit est bloqué")
def _(page: Page) -> None:
    """The lock is announced, and the login did not go on."""
    login = LuxTrustLogin(page)
    expect(login.errors).to_contain_text("bloqué")
    expect(login.token_code.or_(login.pin)).to_have_count(0)
