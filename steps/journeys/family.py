"""A parent and their minor children: the child's account activated by the parent, the parent as assistant."""

from collections.abc import Callable

from faker import Faker

from steps.journeys.account import sign_out
from steps.journeys.activation import activated_patient
from steps.journeys.actors import Actor, Family
from steps.journeys.dsp import add_assistant, sign_in_to_own_dsp
from steps.journeys.shortcuts import take_shortcut


def new_child(family: Family, new_actor: Callable[..., Actor]) -> Actor:
    """A minor child whose codes go to the parent's mobile, as the parent activates for them."""
    parent = family.parent.persona
    child = new_actor("patient", minor=True, mobile=parent.mobile, email=parent.email)
    family.children.append(child)
    return child


def child_with_parent_as_assistant(family: Family, new_actor: Callable[..., Actor], faker: Faker) -> Actor:
    """A child activated by the parent, who then made themself the child's assistant (pp. 18–20)."""
    child = new_child(family, new_actor)
    activated_patient(child, faker)
    if not take_shortcut(lambda: child.target.add_assistant(child.persona, family.parent.persona)):
        sign_in_to_own_dsp(child)
        add_assistant(child, family.parent.persona)
        sign_out(child.page)
    return child
