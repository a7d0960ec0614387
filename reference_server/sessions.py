"""Server-side sessions for the portal and MyGuichet, checked for CSRF on every POST.

The cookie carries a random token and the database keeps the rest.
"""

import functools
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from bottle import HTTPError, HTTPResponse, Route, request, response

from reference_server.clock import Clock
from reference_server.storage import Database

SESSION_KEY = "reference.session"
IDLE_KEY = "reference.session_idle_seconds"
CSRF_REFUSAL = (
    "Votre session a expiré ou la requête n'est pas valide. "
    "Veuillez revenir à la page précédente et recommencer."
)


def _key(token: str) -> str:
    """The stored key of a token, so a copy of the database holds no live session."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Session:
    """One visitor's session: its token, its JSON data, and whether it must be kept."""

    token: str
    data: dict[str, object] = field(default_factory=dict)
    # Already in the store: it is saved again, so that its idle time starts over.
    stored: bool = False
    # A page sent its CSRF token in a form, which a later POST will send back.
    csrf_given: bool = False

    @property
    def worth_keeping(self) -> bool:
        """Whether the store must keep it: a visitor without one leaves no row behind."""
        return self.stored or self.csrf_given or any(key != "csrf" for key in self.data)

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

    def __init__(self, db: Database, clock: Clock, idle_timeout_seconds: float, cookie_name: str) -> None:
        # All loopback systems share the host 127.0.0.1, and cookies ignore ports: each system
        # needs a cookie name of its own.
        self.cookie_name = cookie_name
        self._db = db
        self._clock = clock
        self._idle = idle_timeout_seconds

    @property
    def idle_seconds(self) -> float:
        """How long a session lives without a request, which pages warn of before it ends."""
        return self._idle

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
        return Session(token, json.loads(row["data"]), stored=True)

    def save(self, session: Session) -> None:
        """Store the session's data and note that it was just used."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            if not session.stored:
                # Each new row clears the idle ones, so that the table holds recent visitors only.
                conn.execute("DELETE FROM sessions WHERE last_seen < ?", (now - self._idle,))
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


class SessionPlugin:
    """Bottle plugin: loads the session, checks the CSRF token on POST, saves and sets the cookie."""

    name = "reference_session"
    api = 2

    def __init__(self, sessions: SessionStore) -> None:
        self.sessions = sessions

    def apply(self, callback: Callable[..., object], route: Route) -> Callable[..., object]:
        """Wrap a route; routes configured with csrf=False (JSON APIs) skip the token check."""
        check_csrf = route.config.get("csrf", True)

        @functools.wraps(callback)
        def wrapper(*args: object, **kwargs: object) -> object:
            token = request.get_cookie(self.sessions.cookie_name)
            request.environ[SESSION_KEY] = self.sessions.load(token) or self.sessions.new()
            request.environ[IDLE_KEY] = self.sessions.idle_seconds
            if check_csrf and request.method == "POST":
                _verify_csrf(current_session())
            try:
                body = callback(*args, **kwargs)
            except HTTPResponse as early:
                self._persist(current_session(), early)
                raise
            self._persist(current_session(), response)
            return body

        return wrapper

    def _persist(self, session: Session, target: HTTPResponse) -> None:
        """Save the session and give the browser its cookie, if there is anything to keep."""
        # Pages carry per-session tokens and personal data: keep them out of shared caches.
        target.set_header("Cache-Control", "no-store")
        # A HEAD sends no body, so no form: the token it rendered was never given out.
        if not session.worth_keeping or (request.method == "HEAD" and not session.stored):
            return
        self.sessions.save(session)
        target.set_cookie(self.sessions.cookie_name, session.token, path="/", httponly=True,
                          samesite="lax")


def _verify_csrf(session: Session) -> None:
    """Refuse a POST whose form token is not this session's."""
    sent = request.forms.get("csrf_token", "")
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPError(403, CSRF_REFUSAL)


def idle_seconds() -> float | None:
    """The idle timeout of the sessions of the request being handled, if it has a session."""
    return request.environ.get(IDLE_KEY)


def current_session() -> Session:
    """The session of the request being handled."""
    return request.environ[SESSION_KEY]


def note_csrf_given(page: str) -> str:
    """Remember that a rendered page hands out the session's CSRF token, which must then be kept."""
    session = current_session()
    if session.csrf_token in page:
        session.csrf_given = True
    return page


def replace_session(session: Session) -> None:
    """Make a rotated session the one that is saved and sent back."""
    request.environ[SESSION_KEY] = session


def flash(message: str) -> None:
    """Keep a message to show on the next page rendered for this session."""
    current_session().data.setdefault("flash", []).append(message)


def take_flashes() -> list[str]:
    """The messages kept for this session, which are shown once."""
    return current_session().data.pop("flash", [])  # type: ignore[return-value]


def form_text(name: str) -> str:
    """A form field as text, decoded as UTF-8 (Bottle's forms default to latin-1)."""
    return request.forms.getunicode(name, default="") or ""
