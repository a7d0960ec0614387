"""The portal's own test-support interface as a message source, beside the catchers and mailboxes."""

from __future__ import annotations

from harness.messages.base import MessageSourceError
from harness.targets import Message, TargetCapabilityMissing, TestSupportClient

# An address nobody has, for proving that the interface answers.
CHECK_ADDRESS = "preflight@example.invalid"


class TestSupportSource:
    """GET /_test/messages of a portal's test-support interface, through the harness's client."""

    __test__ = False  # not a test class, whatever pytest's name matching thinks

    def __init__(self, client: TestSupportClient) -> None:
        self.client = client

    def __repr__(self) -> str:
        """The interface's address, for error messages."""
        return f"TestSupportSource({self.client.base!r})"

    def messages(self, to: str) -> list[Message]:
        """The messages the portal reports for a number or address, newest first, as it lists them."""
        try:
            return self.client.messages(to)
        except TargetCapabilityMissing:
            # Kept as it is: a scenario needing what the target lacks is then not run, not failed.
            raise
        except (RuntimeError, OSError, ValueError) as error:
            raise MessageSourceError(f"{self.client.base}messages: {error}") from error

    def check(self) -> str:
        """List the messages to an address nobody has, proving the interface answers."""
        try:
            count = len(self.messages(CHECK_ADDRESS))
        except TargetCapabilityMissing as missing:
            raise MessageSourceError(str(missing)) from missing
        return f"test support at {self.client.base}messages answers: {count} message(s) to {CHECK_ADDRESS}"
