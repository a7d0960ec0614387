"""MyGuichet.lu's pages: sign-in with LuxTrust, the private space, and the DSP consent (pp. 4–5)."""

from dataclasses import asdict, dataclass
from pathlib import Path

from bottle import Bottle, HTTPError, redirect, request, response, static_file, template

from reference_server.clock import Clock
from reference_server.http_guard import GuardRefusal, guard
from reference_server.luxtrust_client import (
    LuxTrustClient,
    LuxTrustError,
    LuxTrustIdentity,
    LuxTrustLink,
    PendingLogin,
    UsedIdTokens,
)
from reference_server.myguichet import catalogue, test_support
from reference_server.myguichet.citizens import Citizen, Citizens
from reference_server.myguichet.dsp import DspConsentPages
from reference_server.myguichet.esante_client import EsanteClient, EsanteLink
from reference_server.myguichet.settings import SettingsPages
from reference_server.sessions import (
    SessionPlugin,
    SessionStore,
    current_session,
    flash,
    note_csrf_given,
    replace_session,
    take_flashes,
)
from reference_server.storage import Database

HERE = Path(__file__).parent
# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(HERE / "templates")]
COOKIE_NAME = "myguichet_session"
CITIZEN_KEY = "citizen"
# Where a request keeps the citizen it has read, so that the check and the layout share it.
CITIZEN_ENVIRON = "myguichet.citizen"
DEVICE_KEY = "luxtrust_device"
PENDING_KEY = "luxtrust_pending"
SESSION_IDLE_SECONDS = 30 * 60
NAVIGATION = (
    ("/mes-demarches", "Mes démarches"),
    ("/mes-donnees", "Mes données"),
    ("/mes-communications", "Mes communications"),
    ("/parametres", "Paramètres"),
)
HOME = ("/mes-demarches", "Accueil")
SECURITY_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
ERRORS = {
    400: ("Demande non valide", "La demande n'est pas valide. Veuillez revenir en arrière et recommencer."),
    403: ("Accès refusé", "Votre session a expiré ou la requête n'est pas valide. Recommencez."),
    404: ("Page introuvable", "La page demandée n'existe pas."),
    405: ("Action non autorisée", "Cette action n'est pas possible sur cette page."),
    413: ("Demande trop volumineuse", "La demande est trop volumineuse."),
    500: ("Erreur du serveur", "Une erreur inattendue est survenue. Veuillez réessayer plus tard."),
}


@dataclass(frozen=True)
class MyGuichetServices:
    """What MyGuichet.lu's pages share: its citizens, sessions, LuxTrust and the eSanté link."""

    citizens: Citizens
    sessions: SessionStore
    luxtrust: LuxTrustClient
    esante: EsanteClient
    portal_url: str


def build(
    data_dir: Path, clock: Clock, luxtrust: LuxTrustLink, esante: EsanteLink, test_mode: bool
) -> Bottle:
    """MyGuichet.lu with its own database, as LuxTrust's client and the portal's partner."""
    db = Database(data_dir / "myguichet.sqlite3", (HERE / "schema.sql").read_text(encoding="utf-8"))
    services = MyGuichetServices(
        citizens=Citizens(db, clock),
        sessions=SessionStore(db, clock, SESSION_IDLE_SECONDS, COOKIE_NAME),
        luxtrust=LuxTrustClient.for_link(luxtrust, clock, UsedIdTokens(db, clock).accept_once),
        esante=EsanteClient(esante),
        portal_url=esante.portal_url,
    )
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    pages = Pages(services)
    _sign_in_routes(app, services, pages)
    _private_space_routes(app, pages)
    DspConsentPages(services, pages).install(app)
    SettingsPages(services, pages).install(app)
    app.route("/static/<name:path>", "GET", lambda name: static_file(name, root=str(HERE / "static")),
              skip=[SessionPlugin.name])
    if test_mode:
        app.mount("/_test/", test_support.create_app(services.citizens))
    app.add_hook("after_request", _security_headers)
    for status in ERRORS:
        app.error(status)(_error_page)
    return guard(app)


class Pages:
    """Rendering and the sign-in check that every private page goes through."""

    def __init__(self, services: MyGuichetServices) -> None:
        self.services = services

    def signed_in(self) -> Citizen | None:
        """The citizen the session belongs to, read once per request."""
        if CITIZEN_ENVIRON not in request.environ:
            number = current_session().data.get(CITIZEN_KEY)
            request.environ[CITIZEN_ENVIRON] = self.services.citizens.get(str(number)) if number else None
        return request.environ[CITIZEN_ENVIRON]

    def citizen(self) -> Citizen:
        """The signed-in citizen; anyone else is sent to the home page to sign in."""
        citizen = self.signed_in()
        if citizen is None:
            flash("Veuillez vous connecter à votre espace privé.")
            redirect("/")
        return citizen

    def device(self) -> LuxTrustIdentity:
        """The LuxTrust product the citizen signed in with, kept in the session."""
        return LuxTrustIdentity(**current_session().data[DEVICE_KEY])  # type: ignore[arg-type]

    def render(self, name: str, section: str | None, trail: tuple[tuple[str, str], ...] = (),
               **context: object) -> str:
        """A page in MyGuichet.lu's layout; {{ }} escapes HTML."""
        session = current_session()
        crumbs = (HOME, *trail) if section else ()
        # The last crumb is the page itself: shown, not linked.
        breadcrumb = [*crumbs[:-1], ("", crumbs[-1][1])] if crumbs else []
        return note_csrf_given(template(
            name, template_lookup=TEMPLATES, csrf_token=session.csrf_token,
            flashes=take_flashes(), navigation=NAVIGATION, section=section, breadcrumb=breadcrumb,
            citizen=self.signed_in(), **context,
        ))


def _sign_in_routes(app: Bottle, services: MyGuichetServices, pages: Pages) -> None:
    """The home page, the round trip to LuxTrust, and signing out."""

    @app.get("/")
    def home() -> str:
        if current_session().data.get(CITIZEN_KEY):
            redirect("/mes-demarches")
        return pages.render("home.tpl", None)

    @app.post("/luxtrust/connexion")
    def leave_for_luxtrust() -> None:
        url, pending = services.luxtrust.start()
        current_session().data[PENDING_KEY] = pending.as_dict()
        redirect(url)

    @app.get("/luxtrust/retour")
    def back_from_luxtrust() -> None:
        # Whatever happens next, this attempt is over: its state and nonce are used up.
        pending = current_session().data.pop(PENDING_KEY, None)
        if pending is None or request.query.get("error"):
            flash("La connexion avec LuxTrust n'a pas abouti. Veuillez recommencer.")
            redirect("/")
        try:
            identity = services.luxtrust.finish(
                PendingLogin(**pending), request.query.getunicode("state", default="") or "",
                request.query.getunicode("code", default="") or "",
            )
        except LuxTrustError:
            flash("La connexion avec LuxTrust n'a pas pu être vérifiée. Veuillez recommencer.")
            redirect("/")
        _open_private_space(services, identity)
        redirect("/mes-demarches")

    @app.post("/deconnexion")
    def sign_out() -> None:
        services.sessions.end(current_session().token)
        replace_session(services.sessions.new())
        flash("Vous êtes déconnecté de votre espace privé.")
        redirect("/")


def _open_private_space(services: MyGuichetServices, identity: LuxTrustIdentity) -> None:
    """A new session for the citizen LuxTrust vouched for; a first visit opens their space."""
    services.citizens.enrol(Citizen(identity.national_id, identity.given_name,
                                    identity.family_name, email=None, mobile=None))
    fresh = services.sessions.rotate(current_session())
    fresh.data = {
        "csrf": fresh.data["csrf"],
        CITIZEN_KEY: identity.national_id,
        DEVICE_KEY: asdict(identity),
    }
    replace_session(fresh)


def _private_space_routes(app: Bottle, pages: Pages) -> None:
    """« Mes démarches », « Mes données », « Mes communications »."""

    @app.get("/mes-demarches")
    def procedures() -> str:
        pages.citizen()
        return pages.render("simple.tpl", "Mes démarches", heading="Mes démarches",
                            paragraphs=("Vous n'avez aucune démarche en cours.",))

    @app.get("/mes-donnees")
    def my_data() -> str:
        pages.citizen()
        return pages.render("my_data.tpl", "Mes données", (("/mes-donnees", "Mes données"),),
                            groups=catalogue.GROUPS)

    @app.get("/mes-donnees/<slug>")
    def other_source(slug: str) -> str:
        pages.citizen()
        source = catalogue.source(slug)
        if source is None or source.is_dsp:
            raise HTTPError(404)
        return pages.render("source.tpl", "Mes données",
                            (("/mes-donnees", "Mes données"), ("", source.name)), source=source)

    @app.get("/mes-communications")
    def communications() -> str:
        pages.citizen()
        return pages.render("simple.tpl", "Mes communications", heading="Mes communications",
                            paragraphs=("Vous n'avez aucune communication.",))


def _security_headers() -> None:
    """No framing, no sniffing, no caching of personal pages."""
    for name, value in SECURITY_HEADERS.items():
        response.set_header(name, value)


def _error_page(error: HTTPError) -> str:
    """A French error page; the layout shows no private navigation."""
    heading, message = ERRORS[error.status_code]
    if isinstance(error, GuardRefusal):
        message = str(error.body)
    # A server error replaces the response's headers: they are set again here.
    _security_headers()
    return template("error.tpl", template_lookup=TEMPLATES, heading=heading, message=message,
                    csrf_token="", flashes=[], navigation=NAVIGATION, section=None,
                    breadcrumb=[], citizen=None)
