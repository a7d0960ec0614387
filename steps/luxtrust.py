"""Authenticating with LuxTrust: each product's proof, cancelling, failures and locking.

These steps talk to LuxTrust's pages only through steps/pages/luxtrust.py and the journeys of
steps/journeys/luxtrust.py, so that a team testing a real LuxTrust environment can swap them.
"""

import pyotp
import pytest
from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then, when

from harness.targets import Persona
from steps.journeys.actors import Actor
from steps.journeys.luxtrust import authenticate, identify
from steps.pages.luxtrust_pages import luxtrust_login


@pytest.fixture
def luxtrust_holder(actor: Actor) -> Persona:
    """The persona whose LuxTrust products the scenario's person uses."""
    return actor.luxtrust_holder


@when(parsers.parse("il s'authentifie auprès de LuxTrust avec son « {product} »"))
def _(actor: Actor, luxtrust_holder: Persona, product: str) -> None:
    """Log in at LuxTrust with one of the persona's products."""
    authenticate(actor, luxtrust_holder.device(product))


@when("il annule l'authentification LuxTrust")
def _(page: Page) -> None:
    """« Annuler » at LuxTrust."""
    luxtrust_login(page).cancel()


@when(parsers.parse("il saisit chez LuxTrust un code erroné pour son « {product} »"))
def _(actor: Actor, luxtrust_holder: Persona, product: str) -> None:
    """Right user id and password, then a code the token does not show."""
    device = luxtrust_holder.device(product)
    assert device.totp_secret, f"« {product} » shows no code"
    identify(actor, device)
    shown = int(pyotp.TOTP(device.totp_secret).at(actor.target.now()))
    luxtrust_login(actor.page).enter_token_code(f"{(shown + 500_000) % 1_000_000:06d}")


@when(parsers.parse("il saisit ses identifiants LuxTrust corrects pour son « {product} »"))
def _(actor: Actor, luxtrust_holder: Persona, product: str) -> None:
    """The right user id and password of one of the persona's products."""
    identify(actor, luxtrust_holder.device(product))


@when(parsers.parse("il se trompe {count:d} fois de mot de passe LuxTrust pour son « {product} »"))
def _(actor: Actor, luxtrust_holder: Persona, product: str, count: int) -> None:
    """Wrong passwords, each refused before the next is typed."""
    device = luxtrust_holder.device(product)
    login = luxtrust_login(actor.page)
    for attempt in range(count):
        identify(actor, device, f"{device.password}-faux-{attempt}")
        expect(login.errors).to_be_visible()
        expect(login.password).to_have_value("")


@then("LuxTrust refuse le code")
def _(page: Page) -> None:
    """LuxTrust says the code is wrong and stays on the proof page."""
    login = luxtrust_login(page)
    expect(login.errors).to_contain_text("Code incorrect")
    expect(login.token_code).to_be_visible()


@then("LuxTrust indique que son produit est bloqué")
def _(page: Page) -> None:
    """The lock is announced, and the login did not go on."""
    login = luxtrust_login(page)
    expect(login.errors).to_contain_text("bloqué")
    expect(login.token_code.or_(login.pin)).to_have_count(0)
