"""The portal under test, seen through its test-support interface (personas, messages, clock)."""

import datetime as dt
import json
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlencode, urljoin


class TargetCapabilityMissing(RuntimeError):
    """The target does not offer something a scenario needs; the scenario cannot run there."""


class TargetContractError(RuntimeError):
    """The target's test-support interface answered outside its documented contract."""


@dataclass(frozen=True)
class LuxTrustDevice:
    """A LuxTrust product issued to a persona, with what its owner needs to use it."""

    type: str
    label: str
    serial: str
    user_id: str
    password: str
    totp_secret: str | None = None
    pin: str | None = None

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> "LuxTrustDevice":
        """Keep the fields the harness relies on."""
        known = {name: raw.get(name) for name in cls.__dataclass_fields__}
        return cls(**known)  # type: ignore[arg-type]


@dataclass(frozen=True)
class MyGuichetSpace:
    """A persona's private space on MyGuichet.lu: where it is and the contacts it holds."""

    url: str
    email: str | None
    mobile: str | None

    @classmethod
    def from_json(cls, raw: object) -> "MyGuichetSpace | None":
        """The space the target reports, if it gave the persona one."""
        if not isinstance(raw, dict):
            return None
        return cls(url=str(raw["url"]), email=raw.get("email"), mobile=raw.get("mobile"))


def _profession(practice: object, given: object) -> str | None:
    """A professional's profession: from the register's practice, or as an accounts file gives it."""
    if isinstance(practice, dict) and practice.get("profession"):
        return str(practice["profession"])
    return str(given) if given else None


# The persona's words the harness types: from the answer, else from the request.
_PERSONA_TEXTS = ("matricule", "activation_code", "first_name", "last_name", "birth_date", "email", "mobile")


def _required(raw: dict[str, object], asked: dict[str, object], name: str) -> str:
    """One text field of a persona: the target's answer, else the request's, else a clear error."""
    value = raw.get(name) or asked.get(name)
    if not value:
        raise TargetContractError(f"the target's persona has no {name!r}, which the contract requires")
    return str(value)


@dataclass(frozen=True)
class Persona:
    """A person the target knows, with the letter, contacts and products a scenario needs."""

    kind: str
    matricule: str
    activation_code: str
    first_name: str
    last_name: str
    birth_date: str
    email: str
    mobile: str
    luxtrust: tuple[LuxTrustDevice, ...] = field(default=())
    profession: str | None = None
    myguichet: MyGuichetSpace | None = None

    @classmethod
    def from_json(cls, raw: dict[str, object], requested: dict[str, object] | None = None) -> "Persona":
        """Keep the fields the harness relies on; what the request already said need not come back.

        The contract requires only the letter (matricule, activation code) and the contacts the
        codes go to; names, birth date and kind default to what the harness asked for.
        """
        asked = requested or {}
        practice = raw.get("practice")
        return cls(
            kind=str(raw.get("kind") or asked.get("kind") or "patient"),
            **{name: _required(raw, asked, name) for name in _PERSONA_TEXTS},
            luxtrust=tuple(LuxTrustDevice.from_json(d) for d in raw.get("luxtrust") or []),  # type: ignore[union-attr]
            profession=_profession(practice, raw.get("profession")),
            myguichet=MyGuichetSpace.from_json(raw.get("myguichet")),
        )

    def missing_from(self, requested: dict[str, object]) -> str | None:
        """What the request asked for that the target did not give, said as a missing capability."""
        products = {device.type for device in self.luxtrust}
        lacking = [name for name in requested.get("luxtrust") or [] if name not in products]  # type: ignore[union-attr]
        if lacking:
            return f"LuxTrust test products ({', '.join(lacking)}) for its personas"
        if requested.get("myguichet") and self.myguichet is None:
            return "MyGuichet.lu private spaces for its personas"
        return None

    def device(self, label: str) -> LuxTrustDevice:
        """The persona's LuxTrust product with that name (« Token », « LuxTrust Mobile »…)."""
        for device in self.luxtrust:
            if device.label.lower() == label.lower() or device.type == label:
                return device
        raise KeyError(f"{self.full_name} has no LuxTrust product « {label} »")

    @property
    def full_name(self) -> str:
        """First and last name as a letter would print them."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Message:
    """An SMS or e-mail the target sent."""

    to: str
    channel: str
    subject: str
    body: str
    code: str | None
    sent_at: str

    @classmethod
    def from_json(cls, raw: dict[str, object]) -> "Message":
        """Keep the fields the harness reads, tolerating a target's extra or missing ones."""
        code = raw.get("code")
        return cls(
            to=str(raw.get("to") or ""),
            channel=str(raw.get("channel") or ""),
            subject=str(raw.get("subject") or ""),
            body=str(raw.get("body") or ""),
            code=str(code) if code else None,
            sent_at=str(raw.get("sent_at") or ""),
        )


@dataclass(frozen=True)
class BrowserSession:
    """A session the target opened: the cookies to give the browser, and the page to go to."""

    cookies: tuple[dict[str, object], ...]
    url: str


class Target(Protocol):
    """The portal under test as scenarios use it, whatever serves each part: /_test/, files, mailboxes."""

    def create_persona(self, **fields: object) -> Persona:
        """A person the portal knows, with a fresh activation letter."""

    def messages(self, to: str) -> list[Message]:
        """Messages sent to a number or address, newest first."""

    def publish(self, kind: str, title: str) -> None:
        """Have the portal publish an event or a survey."""

    def approve_on_phone(self, serial: str) -> None:
        """Approve a pending LuxTrust Mobile login."""

    def now(self) -> dt.datetime:
        """The target's time."""

    def advance_clock(self, seconds: float) -> None:
        """Move the target's clock forward."""

    # Optional shortcuts to later states, for the « Étant donné » that are not about the walk.

    def activate_account(
        self, persona: Persona, *, password: str | None, channel: str, luxtrust: tuple[str, ...] = ()
    ) -> None:
        """Activate the persona's account as the wizard would: password, code channel, products."""

    def open_session(self, persona: Persona, method: str) -> BrowserSession:
        """A signed-in session of the persona's account, as a finished sign-in opens it."""

    def add_assistant(self, holder: Persona, assistant: Persona) -> None:
        """Make the assistant « Assistant DSP » of the holder's record."""

    def open_wizard(
        self, persona: Persona, step: int, *, password: str | None, channel: str
    ) -> BrowserSession:
        """A session whose patient wizard stands at a step, the steps before it passed."""

    def open_professional_wizard(self, persona: Persona, step: int, *, luxtrust: str) -> BrowserSession:
        """A session whose professional wizard stands at a step, with that LuxTrust product associated."""


# Persona options the contract lists as optional: a target may not know them.
_OPTIONAL_PERSONA_FIELDS = frozenset(
    {"luxtrust", "matricule_digits", "minor", "dsp_documents", "trust_circle", "myguichet"}
)
# The optional shortcuts, by path under /_test/, as a missing one is named in a report.
SHORTCUTS = {
    "accounts": "shortcut to an activated account",
    "sessions": "shortcut to a signed-in session",
    "dsp/assistants": "shortcut to an « Assistant DSP »",
    "wizards": "shortcut to a step of the patient wizard",
    "wizards/professionnel": "shortcut to a step of the professional wizard",
}
# Asked of either wizard's shortcut with step 1, and missing apart from the other steps.
WIZARD_START = "shortcut to step 1 of the patient wizard"
PROFESSIONAL_WIZARD_START = "shortcut to step 1 of the professional wizard"
# Answers by which a target refuses a request it does not understand.
_REFUSALS = frozenset({400, 404, 422, 501})


class WalkingTarget:
    """A target seen without its shortcuts, so that every « Étant donné » walks the portal's pages."""

    def __init__(self, inner: Target) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> object:
        """Everything but the shortcuts is the inner target's."""
        return getattr(self.inner, name)

    def activate_account(self, persona: Persona, **_how: object) -> None:
        """Refused: the run asked for every state to be reached through the pages."""
        raise TargetCapabilityMissing(f"{SHORTCUTS['accounts']} (the run walks every Given)")

    def open_session(self, persona: Persona, method: str) -> BrowserSession:
        """Refused: the run asked for every state to be reached through the pages."""
        raise TargetCapabilityMissing(f"{SHORTCUTS['sessions']} (the run walks every Given)")

    def add_assistant(self, holder: Persona, assistant: Persona) -> None:
        """Refused: the run asked for every state to be reached through the pages."""
        raise TargetCapabilityMissing(f"{SHORTCUTS['dsp/assistants']} (the run walks every Given)")

    def open_wizard(self, persona: Persona, step: int, **_how: object) -> BrowserSession:
        """Refused: the run asked for every state to be reached through the pages."""
        raise TargetCapabilityMissing(f"{SHORTCUTS['wizards']} (the run walks every Given)")

    def open_professional_wizard(self, persona: Persona, step: int, **_how: object) -> BrowserSession:
        """Refused: the run asked for every state to be reached through the pages."""
        raise TargetCapabilityMissing(f"{SHORTCUTS['wizards/professionnel']} (the run walks every Given)")


class TestSupportClient:
    """Talk to a portal's /_test/ interface over HTTP."""

    __test__ = False  # not a test class, whatever pytest's name matching thinks

    def __init__(self, portal_url: str, timeout: float = 10) -> None:
        self.portal_url = portal_url
        self.base = urljoin(portal_url, "_test/")
        self._timeout = timeout
        # Optional capabilities found missing, not asked for again in this run.
        self._lacking: dict[str, TargetCapabilityMissing] = {}

    def create_persona(self, **fields: object) -> Persona:
        """Ask the target for a new person with an activation letter."""
        optional = sorted(set(fields) & _OPTIONAL_PERSONA_FIELDS)
        # A target that refuses an option it does not know lacks that capability; so does one
        # that leaves out the LuxTrust products or MyGuichet.lu space asked for.
        capability = f"persona options {', '.join(optional)}" if optional else None
        persona = Persona.from_json(
            self._call("POST", "personas", fields, capability=capability, refusal_is_missing=bool(optional)),
            fields,
        )
        lacking = persona.missing_from(fields)
        if lacking:
            raise TargetCapabilityMissing(f"the target's test-support interface gives no {lacking}")
        return persona

    def messages(self, to: str) -> list[Message]:
        """Messages sent to a number or address, newest first."""
        listed = self._call("GET", f"messages?{urlencode({'to': to})}")
        return [Message.from_json(item) for item in listed]  # type: ignore[union-attr]

    def publish(self, kind: str, title: str) -> None:
        """Have the portal publish an event or a survey, as its editors would."""
        self._call("POST", "publications", {"kind": kind, "title": title}, capability="publications")

    def approve_on_phone(self, serial: str) -> None:
        """Approve the pending login on a LuxTrust Mobile device, as its owner would."""
        self._call("POST", "luxtrust/approve", {"serial": serial}, capability="LuxTrust Mobile approval")

    def now(self) -> dt.datetime:
        """The target's clock, or this machine's when the target has no clock control."""
        try:
            answer = self._call("GET", "clock", capability="clock control")
        except TargetCapabilityMissing:
            return dt.datetime.now(dt.UTC)
        return dt.datetime.fromisoformat(str(answer["now"]))  # type: ignore[index]

    def advance_clock(self, seconds: float) -> None:
        """Move the target's clock forward, or say that this target cannot."""
        self._call("POST", "clock", {"advance_seconds": seconds}, capability="clock control")

    def activate_account(
        self, persona: Persona, *, password: str | None, channel: str, luxtrust: tuple[str, ...] = ()
    ) -> None:
        """Ask the target to activate the persona's account, using up its letter."""
        payload = {"matricule": persona.matricule, "otp_channel": channel, "luxtrust": list(luxtrust)}
        if password is not None:
            payload["password"] = password
        self._call("POST", "accounts", payload, capability=SHORTCUTS["accounts"])

    def open_session(self, persona: Persona, method: str) -> BrowserSession:
        """Ask the target for a signed-in session of the persona's account."""
        answer = self._call("POST", "sessions", {"matricule": persona.matricule, "method": method},
                            capability=SHORTCUTS["sessions"])
        return self._session(answer)

    def _session(self, answer: object) -> BrowserSession:
        """A session answered by a shortcut: its cookies, and its page made absolute."""
        cookies = tuple(dict(cookie) for cookie in answer["cookies"])  # type: ignore[index]
        return BrowserSession(cookies, urljoin(self.portal_url, str(answer["url"])))  # type: ignore[index]

    def add_assistant(self, holder: Persona, assistant: Persona) -> None:
        """Ask the target to make the assistant « Assistant DSP » of the holder's record."""
        payload = {"holder": holder.matricule, "assistant": assistant.matricule}
        self._call("POST", "dsp/assistants", payload, capability=SHORTCUTS["dsp/assistants"])

    def open_wizard(
        self, persona: Persona, step: int, *, password: str | None, channel: str
    ) -> BrowserSession:
        """Ask the target for a session whose patient wizard stands at a step."""
        payload = {"matricule": persona.matricule, "activation_code": persona.activation_code,
                   "step": step, "password": password, "otp_channel": channel}
        return self._open_wizard("wizards", payload, step, WIZARD_START)

    def open_professional_wizard(self, persona: Persona, step: int, *, luxtrust: str) -> BrowserSession:
        """Ask the target for a session whose professional wizard stands at a step."""
        payload = {"matricule": persona.matricule, "activation_code": persona.activation_code,
                   "luxtrust": luxtrust, "step": step}
        return self._open_wizard("wizards/professionnel", payload, step, PROFESSIONAL_WIZARD_START)

    def _open_wizard(self, path: str, payload: dict, step: int, start: str) -> BrowserSession:
        """A wizard shortcut's session; step 1 is a capability of its own, apart from steps 2 to 4."""
        # Step 1 joined the contract after steps 2 to 4: a target that refuses it may still offer
        # those, so its refusal means a walk to step 1 only.
        first = step == 1
        capability = start if first else SHORTCUTS[path]
        answer = self._call("POST", path, payload, capability=capability, refusal_is_missing=first)
        return self._session(answer)

    def _call(
        self, method: str, path: str, payload: dict | None = None, capability: str | None = None,
        refusal_is_missing: bool = False,
    ) -> object:
        """One JSON request; a 404 on an optional capability means the target lacks it."""
        if capability in self._lacking:
            raise self._lacking[capability]
        request = urllib.request.Request(
            urljoin(self.base, path),
            data=json.dumps(payload).encode() if payload is not None else None,
            method=method,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            if error.code == 404 or (refusal_is_missing and error.code in _REFUSALS):
                what = capability or f"{method} {path.split('?')[0]}"
                missing = TargetCapabilityMissing(
                    f"the target's test-support interface has no {what} ({self.base})")
                if capability in SHORTCUTS.values():
                    self._lacking[capability] = missing
                raise missing from error
            detail = error.read().decode(errors="replace")
            raise RuntimeError(f"test support {method} {path}: {error.code} {detail}") from error
