"""Limits on how often something may happen for a key (an account, a letter) within a window."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.storage import Database


@dataclass(frozen=True)
class Counted:
    """Where the events are counted: a table of the portal's schema, its key column and time column."""

    table: str
    key: str
    at: str = "sent_at"


class RateLimit:
    """Count the events under each key and refuse more than the cap within the window."""

    def __init__(self, db: Database, clock: Clock, counted: Counted, cap: int, window: dt.timedelta,
                 refusal: Callable[[float], str]) -> None:
        self._db = db
        self._clock = clock
        self._counted = counted
        self._cap = cap
        self._window = window.total_seconds()
        # Why an event is refused, given the seconds until the oldest counted one leaves the window.
        self._refusal = refusal

    def reserve(self, key: str | int) -> str | None:
        """Count one more event under the key; why not, when the cap is reached, else None."""
        now = self._clock.timestamp()
        table, column, at = self._counted.table, self._counted.key, self._counted.at
        with self._db.transaction() as conn:
            # Events older than the window no longer count: forgetting them bounds the table.
            conn.execute(f"DELETE FROM {table} WHERE {column} = ? AND {at} <= ?", (key, now - self._window))
            rows = conn.execute(
                f"SELECT {at} AS at FROM {table} WHERE {column} = ? ORDER BY {at}", (key,)
            ).fetchall()
            if len(rows) >= self._cap:
                return self._refusal(rows[0]["at"] + self._window - now)
            conn.execute(f"INSERT INTO {table} ({column}, {at}) VALUES (?, ?)", (key, now))
        return None

    def release(self, key: str | int) -> None:
        """Give back the latest event counted under the key, for one that did not happen after all."""
        table, column = self._counted.table, self._counted.key
        with self._db.transaction() as conn:
            conn.execute(
                f"DELETE FROM {table} WHERE id = (SELECT MAX(id) FROM {table} WHERE {column} = ?)",
                (key,),
            )
