"""Activated accounts and the LuxTrust products associated with them."""

import sqlite3
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.storage import Database


@dataclass(frozen=True)
class Account:
    """An activated eSanté account, with the person it belongs to."""

    matricule: str
    kind: str
    first_name: str
    last_name: str
    otp_channel: str
    email: str | None
    mobile: str | None
    has_password: bool
    notify_events: bool = True
    notify_surveys: bool = True

    @property
    def code_destination(self) -> tuple[str, str] | None:
        """Where one-time codes go: the channel chosen at activation, else the other one."""
        for channel, value in ((self.otp_channel, self._contact(self.otp_channel)),
                               ("sms", self.mobile), ("email", self.email)):
            if value:
                return channel, value
        return None

    def _contact(self, channel: str) -> str | None:
        """The account's number or address for a channel."""
        return self.mobile if channel == "sms" else self.email


class LastMeansOfSignIn(Exception):
    """The change would leave the account with no way to sign in."""


@dataclass(frozen=True)
class Product:
    """A LuxTrust product associated with an account."""

    serial: str
    device_type: str
    label: str


class Accounts:
    """Read accounts, and associate LuxTrust products with them."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock
        self._decoy_hash: str | None = None

    def get(self, matricule: str) -> Account | None:
        """The account of a matricule, if it was activated."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT a.matricule, p.kind, p.first_name, p.last_name, a.otp_channel, a.email,"
                " a.mobile, a.password_hash IS NOT NULL AS has_password,"
                " a.notify_events, a.notify_surveys"
                " FROM accounts a JOIN persons p USING (matricule) WHERE a.matricule = ?",
                (matricule,),
            ).fetchone()
        if row is None:
            return None
        flags = ("has_password", "notify_events", "notify_surveys")
        return Account(**{**dict(row), **{flag: bool(row[flag]) for flag in flags}})

    def password_matches(self, matricule: str, password: str, hasher: SecretHasher) -> bool:
        """Whether the password is the account's, taking the same time when there is none."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT password_hash FROM accounts WHERE matricule = ?", (matricule,)
            ).fetchone()
        stored = row["password_hash"] if row and row["password_hash"] else None
        matches = hasher.verify(stored or self._decoy(hasher), password)
        return stored is not None and matches

    def _decoy(self, hasher: SecretHasher) -> str:
        """A hash to verify against when there is no password, so that timing tells nothing."""
        if self._decoy_hash is None:
            self._decoy_hash = hasher.hash("no password for this matricule")
        return self._decoy_hash

    def set_password(self, matricule: str, password_hash: str) -> None:
        """Define or change the account's password."""
        self._update(matricule, "password_hash", password_hash)

    def set_contact(self, matricule: str, channel: str, value: str) -> None:
        """Change the mobile number or the e-mail address, once the new one is proven."""
        self._update(matricule, "mobile" if channel == "sms" else "email", value)

    def set_notifications(self, matricule: str, *, events: bool, surveys: bool) -> None:
        """Which publications the account is told about by e-mail."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE accounts SET notify_events = ?, notify_surveys = ? WHERE matricule = ?",
                (int(events), int(surveys), matricule),
            )

    def subscribers(self, kind: str) -> list[str]:
        """The e-mail addresses of the accounts that want to hear of an event or a survey."""
        column = "notify_events" if kind == "event" else "notify_surveys"
        with self._db.reading() as conn:
            rows = conn.execute(
                f"SELECT email FROM accounts WHERE {column} = 1 AND email IS NOT NULL"
                " ORDER BY matricule"
            ).fetchall()
        return [row["email"] for row in rows]

    def check_removable(self, matricule: str) -> None:
        """Raise LastMeansOfSignIn if removing a product would leave the account no way to sign in."""
        with self._db.reading() as conn:
            _check_removable(conn, matricule)

    def remove_product(self, matricule: str, serial: str) -> bool:
        """Remove a product from the account; refuse to remove the last way to sign in."""
        with self._db.transaction() as conn:
            _check_removable(conn, matricule)
            removed = conn.execute(
                "DELETE FROM luxtrust_products WHERE matricule = ? AND serial = ?",
                (matricule, serial),
            ).rowcount
        return removed == 1

    def _update(self, matricule: str, column: str, value: str) -> None:
        """Set one column of an account; the column names come from this module only."""
        with self._db.transaction() as conn:
            conn.execute(f"UPDATE accounts SET {column} = ? WHERE matricule = ?", (value, matricule))

    def products(self, matricule: str) -> list[Product]:
        """The LuxTrust products of an account, in the order they were associated."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT serial, device_type, label FROM luxtrust_products"
                " WHERE matricule = ? ORDER BY associated_at, serial",
                (matricule,),
            ).fetchall()
        return [Product(**dict(row)) for row in rows]

    def owner_of_product(self, serial: str) -> str | None:
        """The matricule of the account a product is associated with."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT matricule FROM luxtrust_products WHERE serial = ?", (serial,)
            ).fetchone()
        return row["matricule"] if row else None

    def associate(self, matricule: str, identity: LuxTrustIdentity) -> bool:
        """Associate a product with an account; False if it serves another account already."""
        with self._db.transaction() as conn:
            owner = conn.execute(
                "SELECT matricule FROM luxtrust_products WHERE serial = ?",
                (identity.device_serial,),
            ).fetchone()
            if owner is not None:
                return owner["matricule"] == matricule
            insert_product(conn, matricule, identity, self._clock.timestamp())
        return True


def _check_removable(conn: sqlite3.Connection, matricule: str) -> None:
    """Raise LastMeansOfSignIn when the account has no password and one product at most."""
    account = conn.execute(
        "SELECT password_hash FROM accounts WHERE matricule = ?", (matricule,)
    ).fetchone()
    count = conn.execute(
        "SELECT COUNT(*) FROM luxtrust_products WHERE matricule = ?", (matricule,)
    ).fetchone()[0]
    if account is not None and account["password_hash"] is None and count <= 1:
        raise LastMeansOfSignIn


def insert_product(conn: object, matricule: str, identity: LuxTrustIdentity, now: float) -> None:
    """Insert a product row inside a caller's transaction."""
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO luxtrust_products (serial, matricule, device_type, label, subject,"
        " associated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (identity.device_serial, matricule, identity.device_type, identity.device_label,
         identity.subject, now),
    )
