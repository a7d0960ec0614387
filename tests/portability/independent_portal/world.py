"""The portal's in-memory state: register, activation letters, accounts, messages and sessions."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import secrets
import threading
from dataclasses import dataclass, field
from typing import Any

from . import rules

MAX_WRONG_ACTIVATION_CODES = 5
MAX_WRONG_ONE_TIME_CODES = 5
ONE_TIME_CODE_LIFETIME = dt.timedelta(minutes=10)
SESSION_IDLE_LIMIT = dt.timedelta(minutes=30)


def now() -> dt.datetime:
    """The current time, in UTC."""
    return dt.datetime.now(dt.UTC)


def hash_secret(secret: str) -> str:
    """Hash a secret with scrypt and a random salt, as ``salt$hash`` in hexadecimal."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"{salt.hex()}${digest.hex()}"


def secret_matches(secret: str, stored: str) -> bool:
    """Whether a secret matches its stored scrypt hash."""
    salt_hex, digest_hex = stored.split("$")
    digest = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt_hex), n=2**14, r=8, p=1)
    return hmac.compare_digest(digest.hex(), digest_hex)


class CodeCheck(enum.Enum):
    """The outcome of checking an activation code."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    USED = "used"
    LOCKED = "locked"


@dataclass
class Person:
    """A person known to the national register, with the activation letter sent to them."""

    matricule: str
    first_name: str
    last_name: str
    birth_date: dt.date
    email: str
    mobile: str
    code_hash: str
    letter_used: bool = False
    wrong_codes: int = 0


@dataclass
class Account:
    """An activated eSanté account."""

    matricule: str
    password_hash: str | None
    channel: str
    contact: str
    created_at: dt.datetime


@dataclass
class Message:
    """An SMS or an e-mail the portal sent."""

    to: str
    channel: str
    subject: str
    body: str
    code: str | None
    sent_at: dt.datetime

    def as_json(self) -> dict[str, Any]:
        """The message as the test-support interface lists it."""
        return {
            "to": self.to,
            "channel": self.channel,
            "subject": self.subject,
            "body": self.body,
            "code": self.code,
            "sent_at": self.sent_at.isoformat(),
        }


@dataclass
class Session:
    """A visitor's server-side session."""

    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    last_seen: dt.datetime = field(default_factory=now)
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class CodeRequest:
    """A request for a new activation letter (« Je n'ai pas de code d'activation »)."""

    full_name: str
    matricule: str
    email: str
    postal_address: str
    received_at: dt.datetime


class World:
    """Everything the portal knows, guarded by one lock since the server is multithreaded."""

    def __init__(self) -> None:
        """Start with an empty register."""
        self._lock = threading.Lock()
        self._people: dict[str, Person] = {}
        self._accounts: dict[str, Account] = {}
        self._messages: list[Message] = []
        self._sessions: dict[str, Session] = {}
        self.code_requests: list[CodeRequest] = []

    # The register and its activation letters.

    def add_person(self, details: dict[str, Any]) -> tuple[Person, str]:
        """Register a person with a fresh activation letter; return them and the letter's code."""
        code = rules.activation_code()
        with self._lock:
            matricule = self._free_matricule(details["birth_date"])
            person = Person(matricule=matricule, code_hash=hash_secret(code), **details)
            self._people[matricule] = person
        return person, code

    def _free_matricule(self, birth_date: dt.date) -> str:
        """A matricule for the birth date that nobody has yet (lock held)."""
        for sequence in secrets.SystemRandom().sample(range(1000), 1000):
            matricule = rules.make_matricule(birth_date, sequence)
            if matricule not in self._people:
                return matricule
        raise ValueError("No matricule left for this birth date.")

    def check_activation_code(self, matricule: str, code: str) -> CodeCheck:
        """Check a letter's code; an unknown matricule gets the same answer as a wrong code."""
        with self._lock:
            person = self._people.get(matricule)
            if person is not None and person.wrong_codes >= MAX_WRONG_ACTIVATION_CODES:
                return CodeCheck.LOCKED
            if person is None or not secret_matches(code, person.code_hash):
                if person is not None:
                    person.wrong_codes += 1
                return CodeCheck.WRONG
            if person.letter_used or matricule in self._accounts:
                return CodeCheck.USED
            person.wrong_codes = 0
            return CodeCheck.ACCEPTED

    # Accounts.

    def create_account(self, account: Account) -> bool:
        """Create the account and use up the letter, at once; False when the letter is already used."""
        with self._lock:
            person = self._people.get(account.matricule)
            if person is None or person.letter_used or account.matricule in self._accounts:
                return False
            person.letter_used = True
            self._accounts[account.matricule] = account
            return True

    def account(self, matricule: str) -> Account | None:
        """The account of a matricule, if it is activated."""
        with self._lock:
            return self._accounts.get(matricule)

    # Messages.

    def send(self, to: str, channel: str, subject: str, body: str, code: str | None) -> None:
        """Send an SMS or an e-mail (here: keep it for the test-support interface)."""
        message = Message(to, channel, subject, body, code, now())
        with self._lock:
            self._messages.append(message)

    def messages_to(self, address: str) -> list[Message]:
        """The messages sent to an address or a number, newest first."""
        key = rules.normalized_address(address)
        with self._lock:
            found = [m for m in self._messages if rules.normalized_address(m.to) == key]
        return list(reversed(found))

    # Sessions.

    def session(self, session_id: str | None) -> tuple[str, Session]:
        """The live session of an id, or a new one; expired sessions are forgotten."""
        with self._lock:
            self._forget_idle_sessions()
            if session_id and session_id in self._sessions:
                session = self._sessions[session_id]
                session.last_seen = now()
                return session_id, session
            new_id = secrets.token_urlsafe(32)
            self._sessions[new_id] = Session()
            return new_id, self._sessions[new_id]

    def _forget_idle_sessions(self) -> None:
        """Drop the sessions idle for too long (lock held)."""
        limit = now() - SESSION_IDLE_LIMIT
        for session_id in [sid for sid, s in self._sessions.items() if s.last_seen < limit]:
            del self._sessions[session_id]

    def record_code_request(self, request: CodeRequest) -> None:
        """Keep a request for a new activation letter."""
        with self._lock:
            self.code_requests.append(request)
