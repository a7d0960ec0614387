"""What LuxTrust's pages share: browser sessions, CSRF checks, templates and error pages."""

import functools
import hashlib
import hmac
import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bottle import Bottle, HTTPError, HTTPResponse, Route, request, response, template

from reference_server.clock import Clock
from reference_server.luxtrust.store import LuxTrustStore

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]
STATIC = str(Path(__file__).parent / "static")
COOKIE_NAME = "luxtrust_session"
SESSION_KEY = "luxtrust.session"
# Set when a route reads the session: only then is a new one stored.
SESSION_USED = "luxtrust.session.used"
PLUGIN_NAME = "luxtrust_session"
SESSION_IDLE_SECONDS = 30 * 60

CSRF_REFUSAL = (
    "Votre session a expiré ou la requête n'est pas valide. "
    "Retournez sur le site qui vous a envoyé vers LuxTrust et recommencez."
)
ERROR_HEADINGS = {
    400: "Demande non valide",
    403: "Accès refusé",
    404: "Page introuvable",
    405: "Action non autorisée",
    413: "Demande trop volumineuse",
    500: "Erreur du serveur",
}
DEFAULT_MESSAGES = {
    400: "La demande n'est pas valide.",
    404: "La page demandée n'existe pas.",
    405: "Cette action n'est pas possible sur cette page.",
    413: "La demande est trop volumineuse.",
    500: "Une erreur inattendue est survenue. Veuillez réessayer plus tard.",
}
# Nothing of LuxTrust's may be framed by another site: a framed login page invites clickjacking.
SECURITY_HEADERS = {
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@dataclass(frozen=True)
class BrowserSession:
    """A browser's session: the cookie's random token and the CSRF token of its forms."""

    token: str
    csrf_token: str

    @property
    def key(self) -> str:
        """The hash under which the session is stored, and to which logins are bound."""
        return hashlib.sha256(self.token.encode()).hexdigest()


class SessionPlugin:
    """Bottle plugin: loads the session, checks the CSRF token on POST, saves and sets the cookie."""

    name = PLUGIN_NAME
    api = 2

    def __init__(self, store: LuxTrustStore, clock: Clock, secure_cookie: bool) -> None:
        self._store = store
        self._clock = clock
        self._secure = secure_cookie

    def apply(self, callback: Callable[..., object], route: Route) -> Callable[..., object]:
        """Wrap a route; JSON endpoints are registered with skip=[PLUGIN_NAME] and have no session."""

        @functools.wraps(callback)
        def wrapper(*args: object, **kwargs: object) -> object:
            loaded = self._load()
            session = loaded or BrowserSession(secrets.token_urlsafe(32), secrets.token_urlsafe(32))
            request.environ[SESSION_KEY] = session
            if request.method == "POST":
                _verify_csrf(session)
            try:
                body = callback(*args, **kwargs)
            except HTTPResponse as early:
                self._persist(session, early, stored=loaded is not None)
                raise
            self._persist(session, response, stored=loaded is not None)
            return body

        return wrapper

    def _load(self) -> BrowserSession | None:
        """The session behind the cookie, unless unknown or idle for too long."""
        token = request.get_cookie(COOKIE_NAME)
        if not token:
            return None
        session = BrowserSession(token, "")
        csrf = self._store.session_csrf(session.key, self._clock.timestamp() - SESSION_IDLE_SECONDS)
        return BrowserSession(token, csrf) if csrf else None

    def _persist(self, session: BrowserSession, target: HTTPResponse, *, stored: bool) -> None:
        """Save the session and give the browser its cookie, with the pages' protective headers.

        A new session is kept only when the route used it (a form's token, a login bound to it):
        a refused or malformed request from a browser without a cookie leaves no row behind.
        """
        for name, value in SECURITY_HEADERS.items():
            target.set_header(name, value)
        used = request.environ.get(SESSION_USED, False) and request.method != "HEAD"
        if not (stored or used):
            return
        # A new session clears the idle ones; one already stored only has its last use noted.
        prune = None if stored else self._clock.timestamp() - SESSION_IDLE_SECONDS
        self._store.save_session(session.key, session.csrf_token, prune_idle_before=prune)
        target.set_cookie(
            COOKIE_NAME, session.token, path="/", httponly=True, samesite="lax", secure=self._secure
        )


def _verify_csrf(session: BrowserSession) -> None:
    """Refuse a POST whose form token is not this session's."""
    sent = request.forms.get("csrf_token", "")
    if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        raise HTTPError(403, CSRF_REFUSAL)


def current_session() -> BrowserSession:
    """The session of the request being handled, which is then worth keeping."""
    request.environ[SESSION_USED] = True
    return request.environ[SESSION_KEY]


def render(name: str, **context: object) -> str:
    """Render a template with the session's CSRF token; {{ }} escapes HTML."""
    context.setdefault("errors", {})
    return template(name, template_lookup=TEMPLATES, csrf_token=current_session().csrf_token, **context)


def form_text(name: str) -> str:
    """A form field as text, decoded as UTF-8 (Bottle's forms default to latin-1)."""
    return request.forms.getunicode(name, default="") or ""


def json_response(body: object, status: int = 200, **headers: str) -> HTTPResponse:
    """A JSON answer, raised or returned; raised, it skips the HTML error pages."""
    return HTTPResponse(
        json.dumps(body), status=status, headers={"Content-Type": "application/json", **headers}
    )


def with_error_pages(app: Bottle) -> Bottle:
    """French error pages instead of Bottle's English ones."""
    for status in ERROR_HEADINGS:
        app.error(status)(_error_page)
    return app


def _error_page(error: HTTPError) -> str:
    """An error page in LuxTrust's layout; the message is escaped like any other text."""
    status = error.status_code
    message = error.body if status in (400, 403, 413) and error.body else DEFAULT_MESSAGES.get(status, "")
    for name, value in SECURITY_HEADERS.items():
        response.set_header(name, value)
    return template(
        "erreur.tpl", template_lookup=TEMPLATES, heading=ERROR_HEADINGS[status], message=message
    )
