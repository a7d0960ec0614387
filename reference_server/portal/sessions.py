"""Server-side sessions: the cookie carries a random token, the database keeps the rest."""

import hashlib
import json
import secrets
from dataclasses import dataclass, field

from reference_server.clock import Clock
from reference_server.storage import Database

COOKIE_NAME = "esante_session"


def _key(token: str) -> str:
    """The stored key of a token, so a copy of the database holds no live session."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Session:
    """One visitor's session: its token and its JSON data."""

    token: str
    data: dict[str, object] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The hash under which the session is stored, also usable as an owner id."""
        return _key(self.token)

    @property
    def csrf_token(self) -> str:
        """The synchroniser token every form of this session must send back."""
        return str(self.data["csrf"])


class SessionStore:
    """Create, load, save, rotate and end sessions, expiring idle ones."""

    def __init__(self, db: Database, clock: Clock, idle_timeout_seconds: float) -> None:
        self._db = db
        self._clock = clock
        self._idle = idle_timeout_seconds

    def new(self) -> Session:
        """A fresh session with its own CSRF token."""
        return Session(secrets.token_urlsafe(32), {"csrf": secrets.token_urlsafe(32)})

    def load(self, token: str | None) -> Session | None:
        """The session behind a cookie token, unless unknown or idle for too long."""
        if not token:
            return None
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT data, last_seen FROM sessions WHERE id = ?", (_key(token),)
            ).fetchone()
        if row is None:
            return None
        if self._clock.timestamp() - row["last_seen"] > self._idle:
            self.end(token)
            return None
        return Session(token, json.loads(row["data"]))

    def save(self, session: Session) -> None:
        """Store the session's data and note that it was just used."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO sessions (id, data, created_at, last_seen) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET data = excluded.data, last_seen = excluded.last_seen",
                (session.key, json.dumps(session.data), now, now),
            )

    def rotate(self, session: Session) -> Session:
        """Move the data to a new token and CSRF token, ending the old one (against fixation)."""
        self.end(session.token)
        fresh = self.new()
        fresh.data = {**session.data, "csrf": fresh.data["csrf"]}
        return fresh

    def end(self, token: str) -> None:
        """Forget a session on the server, so its cookie no longer works."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM sessions WHERE id = ?", (_key(token),))
