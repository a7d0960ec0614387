"""A target served by the parts its profile names, each from wherever the profile says.

Personas come from /_test/ or an accounts file; e-mail and SMS from /_test/, a mail catcher, an
IMAP mailbox or an SMS sandbox; the clock moves only where the profile says it can. Whatever a
profile does not offer makes the scenarios that need it "not run", with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from harness.accounts import AccountsFile, Request
from harness.messages import (
    ImapSource,
    MailDevSource,
    MailpitSource,
    MessageSource,
    SmsSandboxSource,
    TestSupportSource,
)
from harness.profiles import Source, TargetProfile
from harness.targets import (
    SHORTCUTS,
    BrowserSession,
    Message,
    Persona,
    TargetCapabilityMissing,
    TestSupportClient,
)

# Persona options an accounts file cannot honour: the identities are what the agency issued.
_UNSERVED_BY_ACCOUNTS = (
    "dsp_documents", "trust_circle", "myguichet", "matricule_digits", "email", "mobile",
)


def message_source(source: Source, client: TestSupportClient) -> MessageSource | None:
    """The message source a profile's table names, or None for « none »."""
    settings = source.settings
    match source.kind:
        case "test-support":
            return TestSupportSource(client)
        case "maildev":
            return MailDevSource(str(settings["url"]))
        case "mailpit":
            return MailpitSource(str(settings["url"]))
        case "imap":
            return ImapSource(
                # IMAP's own ports: 993 over TLS, 143 in the clear.
                str(settings["host"]), int(settings.get("port", 993 if settings.get("ssl") else 143)),
                str(settings["user"]),
                str(settings["password"]), ssl=bool(settings.get("ssl", False)),
                folder=str(settings.get("folder", "INBOX")),
            )
        case "sms-sandbox":
            return SmsSandboxSource(str(settings["url"]))
    return None


@dataclass
class ProfiledTarget:
    """The portal of a profile, with each part served as the profile says."""

    profile: TargetProfile
    client: TestSupportClient
    email: MessageSource | None
    sms: MessageSource | None
    accounts: AccountsFile | None = None
    # Who takes an identity, for the ledger: the scenario being run.
    used_by: str = "harness"

    @classmethod
    def from_profile(cls, profile: TargetProfile) -> ProfiledTarget:
        """Build the target's parts from its profile."""
        client = TestSupportClient(profile.portal_url)
        from_file = profile.accounts is not None and profile.personas == "accounts"
        accounts = AccountsFile(profile.accounts) if from_file else None  # type: ignore[arg-type]
        return cls(profile, client, message_source(profile.email, client),
                   message_source(profile.sms, client), accounts)

    def create_persona(self, **fields: object) -> Persona:
        """A person with a fresh letter: from the accounts file, or from the portal's /_test/."""
        if self.accounts is None:
            return self.client.create_persona(**fields)
        unserved = [name for name in _UNSERVED_BY_ACCOUNTS if fields.get(name)]
        if unserved:
            raise TargetCapabilityMissing(
                f"the accounts file cannot give a persona with {', '.join(unserved)} chosen by the scenario")
        kind = str(fields.get("kind", "patient"))
        return self.accounts.take(Request.from_options(kind, fields), self.used_by)

    def messages(self, to: str) -> list[Message]:
        """Messages to an address (from the e-mail source) or a number (from the SMS source)."""
        is_email = "@" in to
        source = self.email if is_email else self.sms
        if source is None:
            kind = "e-mail" if is_email else "SMS"
            raise TargetCapabilityMissing(f"the target profile {self.profile.name} reads no {kind} messages")
        return source.messages(to)

    def publish(self, kind: str, title: str) -> None:
        """Publications need the portal's /_test/ interface."""
        self._test_support("publications").publish(kind, title)

    def approve_on_phone(self, serial: str) -> None:
        """LuxTrust Mobile approval needs the portal's /_test/ interface."""
        self._test_support("LuxTrust Mobile approval").approve_on_phone(serial)

    def now(self) -> dt.datetime:
        """The target's clock where it can be read, else this machine's."""
        if self.profile.clock_control:
            return self.client.now()
        return dt.datetime.now(dt.UTC)

    def advance_clock(self, seconds: float) -> None:
        """Move the clock where the profile says it can be moved."""
        if not self.profile.clock_control:
            raise TargetCapabilityMissing(f"the target profile {self.profile.name} has no clock control")
        self.client.advance_clock(seconds)

    def activate_account(
        self, persona: Persona, *, password: str | None, channel: str, luxtrust: tuple[str, ...] = ()
    ) -> None:
        """The shortcut to an activated account needs the portal's /_test/ interface."""
        client = self._test_support(SHORTCUTS["accounts"])
        client.activate_account(persona, password=password, channel=channel, luxtrust=luxtrust)

    def open_session(self, persona: Persona, method: str) -> BrowserSession:
        """The shortcut to a signed-in session needs the portal's /_test/ interface."""
        return self._test_support(SHORTCUTS["sessions"]).open_session(persona, method)

    def add_assistant(self, holder: Persona, assistant: Persona) -> None:
        """The shortcut to an « Assistant DSP » needs the portal's /_test/ interface."""
        self._test_support(SHORTCUTS["dsp/assistants"]).add_assistant(holder, assistant)

    def open_wizard(
        self, persona: Persona, step: int, *, password: str | None, channel: str
    ) -> BrowserSession:
        """The shortcut to a step of the wizard needs the portal's /_test/ interface."""
        client = self._test_support(SHORTCUTS["wizards"])
        return client.open_wizard(persona, step, password=password, channel=channel)

    def open_professional_wizard(self, persona: Persona, step: int, *, luxtrust: str) -> BrowserSession:
        """The shortcut to a step of the professional wizard needs the portal's /_test/ interface."""
        client = self._test_support(SHORTCUTS["wizards/professionnel"])
        return client.open_professional_wizard(persona, step, luxtrust=luxtrust)

    def _test_support(self, what: str) -> TestSupportClient:
        """The /_test/ client, where the profile says the portal has that interface."""
        if not self.profile.uses_test_support:
            raise TargetCapabilityMissing(
                f"the target profile {self.profile.name} has no test-support interface for {what}")
        return self.client
