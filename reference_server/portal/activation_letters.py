"""Checking an activation code against the letter, with the attempt limit, and activating."""

import sqlite3
from dataclasses import dataclass
from enum import StrEnum

from reference_server.clock import Clock
from reference_server.domain.hashing import CodeHasher
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.accounts import insert_product
from reference_server.storage import Database


class _Refused(Exception):
    """Raised inside the activation transaction to roll it back whole."""


class CodeVerdict(StrEnum):
    """What checking an activation code concluded."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    LOCKED = "locked"
    EXPIRED = "expired"
    USED = "used"


@dataclass(frozen=True)
class CodeOutcome:
    """A verdict, with the tries left after a wrong code."""

    verdict: CodeVerdict
    tries_left: int = 0


@dataclass(frozen=True)
class NewAccount:
    """What the wizard has gathered when the account is created."""

    matricule: str
    password_hash: str | None
    otp_channel: str
    email: str | None
    mobile: str | None
    luxtrust: LuxTrustIdentity | None = None


class ActivationLetters:
    """The rules around the code printed on an activation letter."""

    def __init__(self, db: Database, clock: Clock, hasher: CodeHasher, max_attempts: int) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher
        self._max_attempts = max_attempts
        # Verified against when a matricule has no letter, so both cases take the same time.
        # (A letter still hashed with Argon2id, from before codes were keyed, takes longer.)
        self._decoy_hash = hasher.hash("no letter for this matricule")

    def check(self, matricule: str, code: str) -> CodeOutcome:
        """Check a typed code; the same answer for an unknown matricule as for a wrong code."""
        if self._locked(matricule):
            return CodeOutcome(CodeVerdict.LOCKED)
        letter = self._newest_letter(matricule)
        matches = self._hasher.verify(letter["code_hash"] if letter else self._decoy_hash, code)
        if not matches or letter is None:
            return self._record_failure(matricule)
        if letter["used_at"] is not None:
            return CodeOutcome(CodeVerdict.USED)
        if self._clock.timestamp() >= letter["expires_at"]:
            return CodeOutcome(CodeVerdict.EXPIRED)
        return CodeOutcome(CodeVerdict.ACCEPTED)

    def activate(self, account: NewAccount) -> bool:
        """Use up the letter and create the account in one transaction; False if either fails."""
        now = self._clock.timestamp()
        try:
            with self._db.transaction() as conn:
                self._use_letter_and_create(conn, account, now)
        except _Refused:
            return False
        return True

    @staticmethod
    def _use_letter_and_create(conn: sqlite3.Connection, account: NewAccount, now: float) -> None:
        """Inside a transaction: use the newest letter, then insert the account, or refuse both."""
        used = conn.execute(
            "UPDATE activation_letters SET used_at = ? WHERE id = ("
            " SELECT id FROM activation_letters WHERE matricule = ? ORDER BY id DESC LIMIT 1)"
            " AND used_at IS NULL AND expires_at > ?",
            (now, account.matricule, now),
        ).rowcount
        exists = conn.execute(
            "SELECT 1 FROM accounts WHERE matricule = ?", (account.matricule,)
        ).fetchone()
        taken = account.luxtrust is not None and conn.execute(
            "SELECT 1 FROM luxtrust_products WHERE serial = ?", (account.luxtrust.device_serial,)
        ).fetchone()
        if used != 1 or exists or taken:
            raise _Refused
        conn.execute(
            "INSERT INTO accounts (matricule, password_hash, otp_channel, email, mobile,"
            " activated_at) VALUES (?, ?, ?, ?, ?, ?)",
            (
                account.matricule, account.password_hash, account.otp_channel,
                account.email, account.mobile, now,
            ),
        )
        if account.luxtrust is not None:
            insert_product(conn, account.matricule, account.luxtrust, now)

    def _locked(self, matricule: str) -> bool:
        """Whether too many wrong codes were typed for this matricule."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT locked_at FROM activation_attempts WHERE matricule = ?", (matricule,)
            ).fetchone()
        return row is not None and row["locked_at"] is not None

    def newest_id(self, matricule: str) -> int | None:
        """The id of the letter that counts for a matricule: the latest one sent."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT MAX(id) AS id FROM activation_letters WHERE matricule = ?", (matricule,)
            ).fetchone()
        return row["id"]

    def _newest_letter(self, matricule: str) -> dict | None:
        """The latest letter sent for a matricule: earlier ones are superseded by it."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT code_hash, expires_at, used_at FROM activation_letters"
                " WHERE matricule = ? ORDER BY id DESC LIMIT 1",
                (matricule,),
            ).fetchone()
        return dict(row) if row else None

    def _record_failure(self, matricule: str) -> CodeOutcome:
        """Count a wrong code, locking the matricule at the limit."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO activation_attempts (matricule, failures) VALUES (?, 1)"
                " ON CONFLICT (matricule) DO UPDATE SET failures = failures + 1",
                (matricule,),
            )
            failures = conn.execute(
                "SELECT failures FROM activation_attempts WHERE matricule = ?", (matricule,)
            ).fetchone()["failures"]
            if failures >= self._max_attempts:
                conn.execute(
                    "UPDATE activation_attempts SET locked_at = ? WHERE matricule = ?",
                    (self._clock.timestamp(), matricule),
                )
                return CodeOutcome(CodeVerdict.LOCKED)
        return CodeOutcome(CodeVerdict.WRONG, self._max_attempts - failures)
