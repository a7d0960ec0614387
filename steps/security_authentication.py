"""Security of the password sign-in: no account enumeration, limited guesses of passwords and codes (ASVS V6)."""

from collections.abc import Callable

import pytest
from playwright.sync_api import Page
from pytest_bdd import parsers, then, when

from harness.targets import Persona
from steps.journeys.account import reopen_password_sign_in
from steps.journeys.actors import Actor
from steps.journeys.inputs import wrong_code
from steps.journeys.security import Refusal, try_sign_in
from steps.journeys.target import latest_code
from steps.pages.account import PasswordSignInPage, SignInCodePage


@pytest.fixture
def refusals() -> list[Refusal]:
    """The refused sign-ins of the scenario, in order, to compare their answers."""
    return []


def messages_to(actor: Actor) -> int:
    """How many messages the account's means received so far."""
    return len(actor.target.messages(actor.code_destination))


def send_password(actor: Actor, password: str) -> None:
    """« Matricule & Mot de passe » with the person's matricule and the password given."""
    reopen_password_sign_in(actor)
    PasswordSignInPage(actor.page).sign_in(actor.persona.matricule, password)


# Enumeration ------------------------------------------------------------------------------------


@when("quelqu'un essaie de se connecter avec son matricule et un mauvais mot de passe")
def _(actor: Actor, refusals: list[Refusal]) -> None:
    """A known matricule, a wrong password."""
    actor.messages_before = messages_to(actor)
    refusals.append(try_sign_in(actor, actor.persona.matricule, actor.password + "x"))


@when("quelqu'un essaie de se connecter avec un matricule qui n'a pas de compte")
def _(actor: Actor, new_persona: Callable[..., Persona], refusals: list[Refusal]) -> None:
    """A real person's matricule, never activated, with the same wrong password."""
    stranger = new_persona("patient")
    refusals.append(try_sign_in(actor, stranger.matricule, actor.password + "x"))


@then("les deux refus affichent les mêmes mots, avec le même statut HTTP")
def _(refusals: list[Refusal]) -> None:
    """Nothing in the answer tells an account from no account."""
    known, unknown = refusals
    assert known.status == unknown.status, (
        f"the status tells whether the matricule has an account: {known.status} with an account, "
        f"{unknown.status} without")
    assert known.words == unknown.words, (
        "the words tell whether the matricule has an account:\n"
        f"  with an account:    {known.words}\n  without an account: {unknown.words}")


# Guessing passwords -----------------------------------------------------------------------------


@when(parsers.parse("quelqu'un essaie {count:d} mauvais mots de passe de suite avec son matricule"))
def _(actor: Actor, count: int) -> None:
    """Wrong passwords one after the other, as fast as the portal answers."""
    for attempt in range(count):
        try_sign_in(actor, actor.persona.matricule, f"{actor.password}-{attempt}")


@when("le patient se connecte aussitôt après avec son matricule et son bon mot de passe")
def _(actor: Actor) -> None:
    """The right password, right after the guesses."""
    actor.messages_before = messages_to(actor)
    send_password(actor, actor.password)


# Guessing codes ---------------------------------------------------------------------------------


@when(parsers.parse("quelqu'un qui connaît son mot de passe essaie {count:d} codes erronés, "
                    "en se reconnectant pour un nouveau code tous les {every:d} essais"))
def _(actor: Actor, count: int, every: int) -> None:
    """Wrong codes, each new code fetched by signing in again, until the portal stops asking."""
    send_password(actor, actor.password)
    code_page = SignInCodePage(actor.page)
    for attempt in range(count):
        if attempt and attempt % every == 0:
            send_password(actor, actor.password)
        if code_page.code.count() == 0:
            # The portal no longer asks for a code: it has stopped the guessing.
            return
        code_page.enter(wrong_code(latest_code(actor)))


@when("il introduit ensuite le dernier code reçu, si le portail le lui demande encore")
def _(page: Page, actor: Actor) -> None:
    """The right code, where a code is still asked for."""
    code_page = SignInCodePage(page)
    if code_page.code.count():
        code_page.enter(latest_code(actor))


# Sending codes ----------------------------------------------------------------------------------


@when(parsers.parse("quelqu'un qui connaît son mot de passe demande {count:d} fois « Recevoir un nouveau code », "
                    "en se reconnectant tous les {every:d} codes"))
def _(actor: Actor, count: int, every: int) -> None:
    """New codes asked for again and again, signing in anew every few, wherever the portal offers them."""
    actor.messages_before = messages_to(actor)
    code_page = SignInCodePage(actor.page)
    for request in range(count):
        if request % every == 0:
            # A new sign-in is a new session: a cap kept per session would start afresh.
            send_password(actor, actor.password)
        if code_page.new_code.count():
            code_page.ask_new_code()


@then(parsers.parse("le patient reçoit au plus {ceiling:d} codes de connexion"))
def _(actor: Actor, ceiling: int) -> None:
    """The codes that reached the account's means since the requests began stay under the ceiling."""
    messages = actor.target.messages(actor.code_destination)
    received = [m for m in messages[: len(messages) - actor.messages_before] if m.code]
    assert received, f"no code reached {actor.code_destination}: the sign-in sent none"
    assert len(received) <= ceiling, (
        f"{len(received)} codes reached {actor.code_destination}, more than {ceiling}: "
        "asking again sends codes without limit")
