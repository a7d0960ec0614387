"""One-time codes sent by SMS or e-mail: six digits, short-lived, single use, five tries."""

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from reference_server.clock import Clock
from reference_server.domain.codes import CodeState, new_one_time_code
from reference_server.domain.hashing import CodeHasher
from reference_server.storage import Database


class OneTimeVerdict(StrEnum):
    """What checking a one-time code concluded."""

    ACCEPTED = "accepted"
    WRONG = "wrong"
    EXPIRED = "expired"
    EXHAUSTED = "exhausted"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class IssuedCode:
    """A code just made: its row id and the digits to send (never stored in clear)."""

    id: int
    code: str


@dataclass(frozen=True)
class OneTimeOutcome:
    """A verdict, with the tries left after a wrong code."""

    verdict: OneTimeVerdict
    tries_left: int = 0


class OneTimeCodes:
    """Issue and check one-time codes bound to an owner and a purpose."""

    def __init__(
        self, db: Database, clock: Clock, hasher: CodeHasher, lifetime: dt.timedelta, max_attempts: int
    ) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher
        self._lifetime = lifetime
        self._max_attempts = max_attempts

    def issue(self, owner: str, purpose: str, channel: str, destination: str) -> IssuedCode:
        """Make a new code for an owner, revoking the ones it replaces."""
        code = new_one_time_code()
        # Hashed before the write transaction, which every other writer waits for: under many
        # concurrent activations, work inside it lengthens everyone's wait towards the busy timeout.
        code_hash = self._hasher.hash(code)
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE one_time_codes SET revoked_at = ? WHERE owner = ? AND purpose = ?"
                " AND used_at IS NULL AND revoked_at IS NULL",
                (now, owner, purpose),
            )
            cursor = conn.execute(
                "INSERT INTO one_time_codes (owner, purpose, channel, destination, code_hash,"
                " created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    owner, purpose, channel, destination, code_hash, now,
                    now + self._lifetime.total_seconds(),
                ),
            )
        return IssuedCode(int(cursor.lastrowid or 0), code)

    def check(self, code_id: int, owner: str, typed: str) -> OneTimeOutcome:
        """Check a typed code; an accepted code is used up at once."""
        row = self._row(code_id, owner)
        if row is None or row["revoked_at"] is not None or row["used_at"] is not None:
            return OneTimeOutcome(OneTimeVerdict.UNKNOWN)
        refusal = self._state(row).refusal(self._clock.now())
        if refusal == "expired":
            return OneTimeOutcome(OneTimeVerdict.EXPIRED)
        if refusal == "exhausted":
            return OneTimeOutcome(OneTimeVerdict.EXHAUSTED)
        if not self._hasher.verify(row["code_hash"], typed):
            return self._record_failure(code_id)
        return self._use(code_id)

    def _row(self, code_id: int, owner: str) -> dict | None:
        """The code's row, only if it belongs to this owner."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT * FROM one_time_codes WHERE id = ? AND owner = ?", (code_id, owner)
            ).fetchone()
        return dict(row) if row else None

    @staticmethod
    def _state(row: dict) -> CodeState:
        """The domain's view of a stored code."""
        expires_at = dt.datetime.fromtimestamp(row["expires_at"], dt.UTC)
        return CodeState(expires_at, row["used_at"] is not None, row["failed_attempts"])

    def _record_failure(self, code_id: int) -> OneTimeOutcome:
        """Count a wrong try; the last allowed one leaves the code useless."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE one_time_codes SET failed_attempts = failed_attempts + 1 WHERE id = ?",
                (code_id,),
            )
            failures = conn.execute(
                "SELECT failed_attempts FROM one_time_codes WHERE id = ?", (code_id,)
            ).fetchone()["failed_attempts"]
        if failures >= self._max_attempts:
            return OneTimeOutcome(OneTimeVerdict.EXHAUSTED)
        return OneTimeOutcome(OneTimeVerdict.WRONG, self._max_attempts - failures)

    def _use(self, code_id: int) -> OneTimeOutcome:
        """Mark the code used; a concurrent use of the same code loses the race."""
        with self._db.transaction() as conn:
            changed = conn.execute(
                "UPDATE one_time_codes SET used_at = ? WHERE id = ? AND used_at IS NULL",
                (self._clock.timestamp(), code_id),
            ).rowcount
        return OneTimeOutcome(OneTimeVerdict.ACCEPTED if changed else OneTimeVerdict.UNKNOWN)
