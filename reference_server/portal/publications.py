"""Events and surveys the portal publishes (professional guide p. 14 notifications)."""

import datetime as dt
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.storage import Database

KINDS = {"event": "Événement", "survey": "Sondage"}


@dataclass(frozen=True)
class Publication:
    """One published event or survey."""

    id: int
    kind: str
    title: str
    published_at: dt.datetime

    @property
    def kind_label(self) -> str:
        """« Événement » or « Sondage »."""
        return KINDS[self.kind]


class Publications:
    """Publish and list events and surveys."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def publish(self, kind: str, title: str) -> Publication:
        """Record a publication, dated by the world's clock."""
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO publications (kind, title, published_at) VALUES (?, ?, ?)",
                (kind, title, now),
            )
        return Publication(int(cursor.lastrowid or 0), kind, title, dt.datetime.fromtimestamp(now, dt.UTC))

    def latest(self, limit: int = 20) -> list[Publication]:
        """The newest publications first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, kind, title, published_at FROM publications ORDER BY id DESC LIMIT ?",
                (limit,),
            ).fetchall()
        return [
            Publication(row["id"], row["kind"], row["title"],
                        dt.datetime.fromtimestamp(row["published_at"], dt.UTC))
            for row in rows
        ]
