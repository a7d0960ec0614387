"""How many one-time codes may be sent for an account, or for a letter, whatever the session."""

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.config import WorldConfig
from reference_server.portal.web import HELPDESK
from reference_server.storage import Database

WIZARD_TOO_MANY = (
    "Trop de codes ont été demandés. "
    f"Contactez notre helpdesk au {HELPDESK['phone']} ou par mail ({HELPDESK['email']})."
)


@dataclass(frozen=True)
class Counted:
    """Where the sends are counted: a table of this module's schema and the column of its key."""

    table: str
    key: str


# Sign-in and account-settings codes, per account and hour.
PER_ACCOUNT = Counted("code_sends", "matricule")
# The activation wizards' codes, per letter for its whole life: a new wizard buys no new codes.
PER_LETTER = Counted("letter_code_sends", "letter_id")


class CodeSendLimit:
    """Count the codes sent under each key and refuse more than the cap within the window."""

    def __init__(self, db: Database, clock: Clock, counted: Counted, cap: int, window: dt.timedelta,
                 refusal: Callable[[float], str]) -> None:
        self._db = db
        self._clock = clock
        self._counted = counted
        self._cap = cap
        self._window = window.total_seconds()
        # Why a send is refused, given the seconds until the oldest counted send leaves the window.
        self._refusal = refusal

    @classmethod
    def per_account(cls, db: Database, clock: Clock, config: WorldConfig) -> "CodeSendLimit":
        """Sign-in and account-settings codes: so many per account within the hour, then wait."""
        return cls(db, clock, PER_ACCOUNT, config.max_codes_per_account,
                   config.codes_per_account_window, _wait_refusal)

    @classmethod
    def per_letter(cls, db: Database, clock: Clock, config: WorldConfig) -> "CodeSendLimit":
        """The wizards' codes: so many per activation letter for its life, then the helpdesk."""
        return cls(db, clock, PER_LETTER, config.max_codes_per_wizard, config.activation_code_ttl,
                   lambda _seconds: WIZARD_TOO_MANY)

    def reserve(self, key: str | int) -> str | None:
        """Count one more code under the key; why not, when the cap is reached, else None."""
        now = self._clock.timestamp()
        since = now - self._window
        table, column = self._counted.table, self._counted.key
        with self._db.transaction() as conn:
            # Sends older than the window no longer count: forgetting them bounds the table.
            conn.execute(f"DELETE FROM {table} WHERE {column} = ? AND sent_at <= ?", (key, since))
            rows = conn.execute(
                f"SELECT sent_at FROM {table} WHERE {column} = ? ORDER BY sent_at", (key,)
            ).fetchall()
            if len(rows) >= self._cap:
                return self._refusal(rows[0]["sent_at"] + self._window - now)
            conn.execute(f"INSERT INTO {table} ({column}, sent_at) VALUES (?, ?)", (key, now))
        return None

    def release(self, key: str | int) -> None:
        """Give back one reserved send, for a code the gateway did not take."""
        table, column = self._counted.table, self._counted.key
        with self._db.transaction() as conn:
            conn.execute(
                f"DELETE FROM {table} WHERE id = (SELECT MAX(id) FROM {table} WHERE {column} = ?)",
                (key,),
            )


def _wait_refusal(seconds: float) -> str:
    """When a new code may be asked for again, and who can help meanwhile."""
    minutes = max(1, math.ceil(seconds / 60))
    return (
        "Trop de codes ont été demandés. Vous pourrez demander un nouveau code dans "
        f"{minutes} minute(s). Pour toute question, contactez notre helpdesk au "
        f"{HELPDESK['phone']} ou par mail ({HELPDESK['email']})."
    )
