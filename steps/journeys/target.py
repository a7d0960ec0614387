"""What a scenario reads from or asks of the target out of band: the codes it sent, its clock."""

import pytest

from harness.targets import Target, TargetCapabilityMissing
from steps.journeys.actors import Actor


def latest_code(actor: Actor, destination: str | None = None) -> str:
    """The code of the newest message sent to the person's means, or to another number or address."""
    destination = actor.code_destination if destination is None else destination
    messages = [m for m in actor.target.messages(destination) if m.code]
    assert messages, f"no one-time code was sent to {destination}"
    return str(messages[0].code)


def advance_clock(target: Target, seconds: int) -> None:
    """Move the clock, or report the scenario as not run where the target has no clock control."""
    try:
        target.advance_clock(seconds)
    except TargetCapabilityMissing as missing:
        pytest.skip(f"not run on this target: {missing}")
