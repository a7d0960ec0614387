"""Security of « Moyens d'authentification »: the identity confirmation's codes cannot be guessed (ASVS V6)."""

import re

from faker import Faker
from playwright.sync_api import expect
from pytest_bdd import parsers, then, when

from steps.journeys.actors import Actor
from steps.journeys.inputs import new_mobile, strong_password, wrong_code
from steps.journeys.target import latest_code
from steps.pages.account import AuthenticationMeansTab

CONFIRMED_CHANGE = re.compile("a été (défini|modifi)", re.IGNORECASE)


def ask_for_code(means: AuthenticationMeansTab) -> bool:
    """Press « Recevoir un code de confirmation » where the portal still offers it."""
    if means.code_request.count() == 0:
        return False
    means.ask_confirmation_code()
    return True


@when(parsers.parse("quelqu'un qui se sert de sa session essaie {count:d} codes de confirmation erronés, "
                    "en demandant un nouveau code tous les {every:d} essais"))
def _(actor: Actor, count: int, every: int) -> None:
    """Wrong confirmation codes, a new code asked for every few tries, until the portal stops asking."""
    means = AuthenticationMeansTab(actor.page)
    for attempt in range(count):
        if attempt % every == 0 and not ask_for_code(means):
            # The portal no longer sends codes: it has stopped the guessing.
            return
        if means.confirmation_code.count() == 0:
            return
        means.confirm_identity(wrong_code(latest_code(actor)))


@when("il introduit ensuite le dernier code de confirmation reçu, si le portail le lui demande encore")
def _(actor: Actor) -> None:
    """The right code, where a confirmation code is still asked for."""
    means = AuthenticationMeansTab(actor.page)
    if means.confirmation_code.count():
        means.confirm_identity(latest_code(actor))


@then("son téléphone portable et son mot de passe ne peuvent pas être changés")
def _(actor: Actor, faker: Faker) -> None:
    """A new number gets no code to prove it, and a new password is not confirmed."""
    means = AuthenticationMeansTab(actor.page)
    number = new_mobile(faker)
    if means.mobile.count():
        means.change_contact(means.mobile, "Téléphone portable", number)
    sent = actor.target.messages(number)
    assert not sent, f"the change of mobile number went ahead: a code was sent to {number}: {sent[0].body}"
    if means.new_password.count():
        password = strong_password(faker)
        means.choose_password(password, password)
    expect(actor.page.get_by_role("status").filter(has_text=CONFIRMED_CHANGE),
           "the portal confirms a change of password").to_have_count(0)
