"""Activated accounts and the LuxTrust products associated with them."""

import hashlib
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.portal.luxtrust_client import LuxTrustIdentity
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

    def get(self, matricule: str) -> Account | None:
        """The account of a matricule, if it was activated."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT a.matricule, p.kind, p.first_name, p.last_name, a.otp_channel, a.email,"
                " a.mobile, a.password_hash IS NOT NULL AS has_password"
                " FROM accounts a JOIN persons p USING (matricule) WHERE a.matricule = ?",
                (matricule,),
            ).fetchone()
        if row is None:
            return None
        return Account(**{**dict(row), "has_password": bool(row["has_password"])})

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

    def accept_id_token_once(self, id_token: str, expires_at: float) -> bool:
        """Note an ID token as used; False when it was presented before (a replay)."""
        token_hash = hashlib.sha256(id_token.encode()).hexdigest()
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM used_id_tokens WHERE expires_at < ?", (now,))
            inserted = conn.execute(
                "INSERT OR IGNORE INTO used_id_tokens (token_hash, expires_at) VALUES (?, ?)",
                (token_hash, expires_at),
            ).rowcount
        return inserted == 1


def insert_product(conn: object, matricule: str, identity: LuxTrustIdentity, now: float) -> None:
    """Insert a product row inside a caller's transaction."""
    conn.execute(  # type: ignore[attr-defined]
        "INSERT INTO luxtrust_products (serial, matricule, device_type, label, subject,"
        " associated_at) VALUES (?, ?, ?, ?, ?, ?)",
        (identity.device_serial, matricule, identity.device_type, identity.device_label,
         identity.subject, now),
    )
