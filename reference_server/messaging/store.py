"""The gateway's outbox, in its own SQLite file."""

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from reference_server.clock import Clock
from reference_server.domain.contact import normalise
from reference_server.storage import Database

SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL CHECK (channel IN ('sms', 'email')),
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    sent_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS messages_by_recipient ON messages (recipient, id);
"""


@dataclass(frozen=True)
class Message:
    """One delivered SMS or e-mail."""

    id: int
    channel: str
    to: str
    subject: str
    body: str
    sent_at: str

    def as_json(self) -> dict[str, object]:
        """The message as the gateway's API returns it."""
        return asdict(self)


class Outbox:
    """Store and list delivered messages."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self._db = Database(path, SCHEMA)
        self._clock = clock

    def deliver(self, channel: str, to: str, subject: str, body: str) -> int:
        """Keep a message; recipients are normalised so look-ups match however they were typed."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO messages (channel, recipient, subject, body, sent_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (channel, normalise(to), subject, body, self._clock.timestamp()),
            )
            return int(cursor.lastrowid or 0)

    def list(self, to: str | None = None, limit: int = 200) -> list[Message]:
        """Messages newest first, for one recipient or for all."""
        query = "SELECT * FROM messages"
        params: tuple[object, ...] = ()
        if to:
            query += " WHERE recipient = ?"
            params = (normalise(to),)
        query += " ORDER BY id DESC LIMIT ?"
        with self._db.reading() as conn:
            rows = conn.execute(query, (*params, limit)).fetchall()
        return [_message(row) for row in rows]


def _message(row: dict) -> Message:
    """Turn a row into a message with an ISO 8601 timestamp."""
    sent_at = dt.datetime.fromtimestamp(row["sent_at"], dt.UTC).isoformat(timespec="seconds")
    return Message(row["id"], row["channel"], row["recipient"], row["subject"], row["body"], sent_at)
