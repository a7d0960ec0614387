"""What MyGuichet.lu may do at the portal on a person's behalf, and only while they consent.

MyGuichet.lu is a separate system: it reaches these rules through the authenticated
back-channel of `myguichet_api`, never through the portal's database.
"""

import datetime as dt
import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from reference_server.clock import Clock
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.accounts import insert_product
from reference_server.storage import Database


class Refused(Exception):
    """MyGuichet.lu asked for something the person's state does not allow; the message says why."""


class AccountState(StrEnum):
    """Whether the person has an eSanté account, as MyGuichet.lu is told."""

    ACTIVE = "active"
    NONE = "none"


@dataclass(frozen=True)
class Activation:
    """What MyGuichet.lu sends to activate an account: its own contacts and the LuxTrust product used."""

    matricule: str
    email: str | None
    mobile: str | None
    luxtrust: LuxTrustIdentity | None

    @property
    def otp_channel(self) -> str:
        """One-time codes go to the mobile when MyGuichet.lu knows one, else by e-mail."""
        return "sms" if self.mobile else "email"


def _ticket_key(ticket: str, binding: str) -> str:
    """The stored form of a ticket and the browser it is bound to: a copy of the database opens no DSP.

    The binding is the random value the portal put in the session of the browser that set off
    « Accéder à mon DSP »: the same ticket with another browser's binding, or none, finds no row.
    """
    return hashlib.sha256(f"{binding}:{ticket}".encode()).hexdigest()


class MyGuichetPartner:
    """Consents, activations and DSP tickets on behalf of MyGuichet.lu's signed-in citizens."""

    def __init__(self, db: Database, clock: Clock, ticket_ttl: dt.timedelta) -> None:
        self._db = db
        self._clock = clock
        self._ticket_ttl = ticket_ttl.total_seconds()

    def grant_consent(self, matricule: str) -> AccountState:
        """Record that MyGuichet.lu may share the identifier; say whether an account exists."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            self._kind(conn, matricule)
            conn.execute(
                "INSERT INTO myguichet_consents (matricule, granted_at) VALUES (?, ?)"
                " ON CONFLICT (matricule) DO UPDATE SET granted_at = excluded.granted_at,"
                " revoked_at = NULL WHERE revoked_at IS NOT NULL",
                (matricule, now),
            )
            return self._state(conn, matricule)

    def state(self, matricule: str) -> AccountState:
        """Whether the person has an account; only asked while the consent lasts."""
        with self._db.reading() as conn:
            self._kind(conn, matricule)
            self._require_consent(conn, matricule)
            return self._state(conn, matricule)

    def revoke_consent(self, matricule: str) -> None:
        """Stop MyGuichet.lu acting for the person; unused tickets die with the consent."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE myguichet_consents SET revoked_at = ? WHERE matricule = ? AND revoked_at IS NULL",
                (now, matricule),
            )
            conn.execute(
                "UPDATE myguichet_tickets SET used_at = ? WHERE matricule = ? AND used_at IS NULL",
                (now, matricule),
            )

    def activate(self, activation: Activation) -> bool:
        """Create the account, once: False when it was already active, and nothing is changed."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            kind = self._kind(conn, activation.matricule)
            self._require_consent(conn, activation.matricule)
            if self._state(conn, activation.matricule) is AccountState.ACTIVE:
                return False
            if kind != "patient":
                raise Refused("a health professional activates the account on the portal")
            conn.execute(
                "INSERT INTO accounts (matricule, password_hash, otp_channel, email, mobile,"
                " activated_at) VALUES (?, NULL, ?, ?, ?, ?)",
                (activation.matricule, activation.otp_channel, activation.email,
                 activation.mobile, now),
            )
            # The letter sent by post is no longer needed: its code must not start a second
            # activation of the same person.
            conn.execute(
                "UPDATE activation_letters SET used_at = ? WHERE matricule = ? AND used_at IS NULL",
                (now, activation.matricule),
            )
            # The product MyGuichet.lu's sign-in used becomes the account's way to sign in,
            # unless it already serves another account.
            product = activation.luxtrust
            if product is not None and not conn.execute(
                "SELECT 1 FROM luxtrust_products WHERE serial = ?", (product.device_serial,)
            ).fetchone():
                insert_product(conn, activation.matricule, product, now)
        return True

    def issue_ticket(self, matricule: str, binding: str) -> str:
        """A single-use, short-lived ticket that opens the person's DSP in the bound browser only."""
        ticket = secrets.token_urlsafe(32)
        key = _ticket_key(ticket, binding)
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            self._kind(conn, matricule)
            self._require_consent(conn, matricule)
            if self._state(conn, matricule) is not AccountState.ACTIVE:
                raise Refused("the person has no active account")
            conn.execute(
                "INSERT INTO myguichet_tickets (ticket_hash, matricule, expires_at) VALUES (?, ?, ?)",
                (key, matricule, now + self._ticket_ttl),
            )
        return ticket

    def redeem_ticket(self, ticket: str, binding: str) -> str | None:
        """The matricule a valid ticket stands for in this browser, using it up; else None."""
        key = _ticket_key(ticket, binding)
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            row = conn.execute(
                "UPDATE myguichet_tickets SET used_at = ?"
                " WHERE ticket_hash = ? AND used_at IS NULL AND expires_at > ?"
                " RETURNING matricule",
                (now, key, now),
            ).fetchone()
            if row is None:
                return None
            # A ticket issued before a revocation is dead, whatever its expiry says.
            consented = conn.execute(
                "SELECT 1 FROM myguichet_consents WHERE matricule = ? AND revoked_at IS NULL",
                (row["matricule"],),
            ).fetchone()
        return row["matricule"] if consented else None

    @staticmethod
    def _kind(conn: sqlite3.Connection, matricule: str) -> str:
        """The person's kind in the register; an unknown identifier is refused."""
        row = conn.execute("SELECT kind FROM persons WHERE matricule = ?", (matricule,)).fetchone()
        if row is None:
            raise Refused("the national register has no such person")
        return str(row["kind"])

    @staticmethod
    def _require_consent(conn: sqlite3.Connection, matricule: str) -> None:
        """Refuse to act for someone who has not consented, or has revoked their consent."""
        if not conn.execute(
            "SELECT 1 FROM myguichet_consents WHERE matricule = ? AND revoked_at IS NULL",
            (matricule,),
        ).fetchone():
            raise Refused("the person has not consented to the sharing of their national identifier")

    @staticmethod
    def _state(conn: sqlite3.Connection, matricule: str) -> AccountState:
        """Whether the person holds an account, of any kind."""
        exists = conn.execute("SELECT 1 FROM accounts WHERE matricule = ?", (matricule,)).fetchone()
        return AccountState.ACTIVE if exists else AccountState.NONE
