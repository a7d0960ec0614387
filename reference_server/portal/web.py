"""What every portal page shares: the session plugin, CSRF checks and template rendering."""

import functools
import hmac
from collections.abc import Callable
from pathlib import Path

from bottle import HTTPError, HTTPResponse, Route, request, response, template

from reference_server.portal.sessions import COOKIE_NAME, Session, SessionStore

TEMPLATES = str(Path(__file__).parent / "templates")
SESSION_KEY = "esante.session"

HELPDESK = {
    "phone": "(+352) 27 12 50 18 33",
    "phone_link": "+352271250183",
    "email": "helpdesk@esante.lu",
}


class SessionPlugin:
    """Bottle plugin: loads the session, checks the CSRF token on POST, saves and sets the cookie."""

    name = "esante_session"
    api = 2

    def __init__(self, sessions: SessionStore) -> None:
        self.sessions = sessions

    def apply(self, callback: Callable[..., object], route: Route) -> Callable[..., object]:
        """Wrap a route; routes configured with csrf=False (JSON APIs) skip the token check."""
        check_csrf = route.config.get("csrf", True)

        @functools.wraps(callback)
        def wrapper(*args: object, **kwargs: object) -> object:
            session = self.sessions.load(request.get_cookie(COOKIE_NAME)) or self.sessions.new()
            request.environ[SESSION_KEY] = session
            if check_csrf and request.method == "POST":
                _verify_csrf(session)
            try:
                body = callback(*args, **kwargs)
            except HTTPResponse as early:
                self._persist(request.environ[SESSION_KEY], early)
                raise
            self._persist(request.environ[SESSION_KEY], response)
            return body

        return wrapper

    def _persist(self, session: Session, target: HTTPResponse) -> None:
        """Save the session and give the browser its cookie."""
        self.sessions.save(session)
        target.set_cookie(COOKIE_NAME, session.token, path="/", httponly=True, samesite="lax")
        # Pages carry per-session tokens and personal data: keep them out of shared caches.
        target.set_header("Cache-Control", "no-store")


def _verify_csrf(session: Session) -> None:
    """Refuse a POST whose form token is not this session's."""
    sent = request.forms.get("csrf_token", "")
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPError(
            403,
            "Votre session a expiré ou la requête n'est pas valide. "
            "Veuillez revenir à la page précédente et recommencer.",
        )


def current_session() -> Session:
    """The session of the request being handled."""
    return request.environ[SESSION_KEY]


def replace_session(session: Session) -> None:
    """Make a rotated session the one that is saved and sent back."""
    request.environ[SESSION_KEY] = session


def render(name: str, **context: object) -> str:
    """Render a template with what every page needs; {{ }} escapes HTML."""
    session = current_session()
    flashes = session.data.pop("flash", [])
    return template(
        name,
        template_lookup=[TEMPLATES],
        csrf_token=session.csrf_token,
        helpdesk=HELPDESK,
        flashes=flashes,
        path=request.path,
        signed_in=session.data.get("account_name"),
        **context,
    )


def flash(message: str) -> None:
    """Keep a message to show on the next page rendered for this session."""
    session = current_session()
    session.data.setdefault("flash", []).append(message)


def form_text(name: str) -> str:
    """A form field as text, decoded as UTF-8 (Bottle's forms default to latin-1)."""
    return request.forms.getunicode(name, default="") or ""
