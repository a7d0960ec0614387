"""The scenario's people: one actor per person, at the browser, with the target and what they did so far."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pytest
from playwright.sync_api import Page

from harness.targets import Persona, Target


@dataclass
class Actor:
    """A person of the scenario: their page, the target, their persona and what they have done so far."""

    page: Page
    target: Target
    persona: Persona
    # The password chosen at activation, or the one that replaced it since.
    password: str = ""
    # The channel chosen for one-time codes at activation: « Mobile » or « E-mail ».
    channel: str = "Mobile"
    # The number or address one-time codes are sent to, and a replacement being proven.
    code_destination: str = ""
    new_contact: str = ""
    # The address of each wizard step and page once seen, to come back to it by URL.
    step_urls: dict[str, str] = field(default_factory=dict)
    # Messages already sent to the account's means, to tell new ones apart.
    messages_before: int = 0
    # Whose LuxTrust products the person uses, when they borrow someone else's.
    borrowed_from: Persona | None = None
    # The last TOTP time step used per token serial: LuxTrust accepts each code only once.
    used_token_steps: dict[str, int] = field(default_factory=dict)

    @property
    def luxtrust_holder(self) -> Persona:
        """The persona whose LuxTrust products this person uses: their own, or borrowed ones."""
        return self.borrowed_from or self.persona

    def at(self, page: Page) -> "Actor":
        """The same person at another page, such as another session, sharing the addresses and tokens used."""
        return replace(self, page=page)


@dataclass
class Family:
    """A parent with an eSanté account and the minor children of the scenario, one actor each."""

    parent: Actor
    children: list[Actor] = field(default_factory=list)

    @property
    def child(self) -> Actor:
        """The scenario's (first) child."""
        return self.children[0]


@pytest.fixture
def new_actor(
    page: Page, target: Target, new_persona: Callable[..., Persona]
) -> Callable[..., Actor]:
    """Bring a new person into the scenario: a persona on the target, at the scenario's page."""

    def create(kind: str = "patient", *, channel: str = "Mobile", **options: object) -> Actor:
        """An actor of a kind; options such as luxtrust=["token"] go to the target as they are."""
        return Actor(page, target, new_persona(kind, **options), channel=channel)

    return create
