"""The portal's root app: the site's pages, the activation area and, in test mode, /_test/."""

from bottle import Bottle, HTTPError, request, response, template

from reference_server.http_guard import GuardRefusal, guard
from reference_server.portal import (
    account,
    activation,
    dsp,
    luxtrust_login,
    my_services,
    myguichet_api,
    pages,
    sign_in,
    test_support,
)
from reference_server.portal.account import MEANS, AccountPages
from reference_server.portal.activation import PatientWizard
from reference_server.portal.luxtrust_login import Purpose
from reference_server.portal.my_services import SignIn
from reference_server.portal.professional_activation import ProfessionalWizard
from reference_server.portal.services import PortalServices
from reference_server.portal.web import HELPDESK, TEMPLATES

ERROR_HEADINGS = {
    400: "Demande non valide",
    403: "Accès refusé",
    404: "Page introuvable",
    405: "Action non autorisée",
    413: "Demande trop volumineuse",
    500: "Erreur du serveur",
}
DEFAULT_MESSAGES = {
    400: "La demande n'est pas valide. Veuillez revenir à la page précédente et recommencer.",
    404: "La page demandée n'existe pas.",
    405: "Cette action n'est pas possible sur cette page.",
    413: "La demande est trop volumineuse.",
    500: "Une erreur inattendue est survenue. Veuillez réessayer ou contacter notre helpdesk.",
}
# The portal's pages, redirects and error pages may not be framed, sniffed or leak their address.
# Every script and style is a file of /static/: no inline code needs an exception in the policy.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(services: PortalServices, persona_seed: int | None = None) -> Bottle:
    """Assemble the portal from one Bottle app per area."""
    root = Bottle()
    # Before any route is added: the routes of every area are parsed by the root's router.
    root.router.add_filter("int", _ascii_int)
    patient, professional = PatientWizard(services), ProfessionalWizard(services)
    root.merge(pages.create_app(services))
    root.merge(my_services.create_app(services))
    root.merge(sign_in.create_app(services))
    account_app, account_pages = account.create_app(services)
    root.merge(account_app)
    root.merge(dsp.create_app(services))
    root.merge(myguichet_api.create_app(services))
    purposes = _purposes(services, patient, professional, account_pages)
    root.merge(luxtrust_login.create_app(services, purposes))
    root.mount("/activation/", activation.create_app(services, patient, professional))
    if services.config.test_support:
        root.mount("/_test/", test_support.create_app(services, persona_seed, services.config.test_shortcuts))
    root.add_hook("after_request", _security_headers)
    return guard(_with_error_pages(root))


def _ascii_int(_config: str) -> tuple[str, type[int], object]:
    """Bottle's :int filter with ASCII digits only and a bounded length."""
    # Bottle's own pattern, -?\d+, takes « １ » or « ٣ » for digits and numbers of any length.
    return r"[0-9]{1,18}", int, lambda value: str(int(value))


def _purposes(
    services: PortalServices,
    patient: PatientWizard,
    professional: ProfessionalWizard,
    account_pages: AccountPages,
) -> dict[str, Purpose]:
    """Every reason the portal has to send someone to LuxTrust."""
    cancelled = "La connexion LuxTrust a été annulée."
    return {
        "activation-professionnel": Purpose(
            back=f"{professional.start}/etape-1",
            cancelled=cancelled + " Aucun produit LuxTrust n'a été associé.",
            on_identity=professional.luxtrust_returned,
        ),
        "association-patient": Purpose(
            back=f"{patient.start}/etape-4",
            cancelled=cancelled + " Aucun produit LuxTrust n'a été associé.",
            on_identity=patient.luxtrust_returned,
        ),
        "association-compte": Purpose(
            back=MEANS,
            cancelled=cancelled + " Aucun produit LuxTrust n'a été associé.",
            on_identity=account_pages.luxtrust_returned,
        ),
        "connexion-patient": Purpose(
            back="/patient", cancelled=cancelled,
            on_identity=SignIn(services, "/patient").with_luxtrust,
        ),
        "connexion-professionnel": Purpose(
            back="/professionnel", cancelled=cancelled,
            on_identity=SignIn(services, "/professionnel").with_luxtrust,
        ),
    }


def _security_headers() -> None:
    """The portal's protective headers, unless a route set a stricter one (a DSP download does)."""
    for name, value in SECURITY_HEADERS.items():
        if response.get_header(name) is None:
            response.set_header(name, value)


def _with_error_pages(app: Bottle) -> Bottle:
    """French error pages instead of Bottle's English ones."""
    for status in ERROR_HEADINGS:
        app.error(status)(_error_page)
    return app


def _error_page(error: HTTPError) -> str:
    """An error page in the portal's layout; its message is escaped like any other text."""
    # A server error replaces the response's headers: they are set again here.
    _security_headers()
    chosen = error.status_code == 403 or isinstance(error, GuardRefusal)
    message = error.body if chosen else DEFAULT_MESSAGES[error.status_code]
    return template(
        "error.tpl",
        template_lookup=TEMPLATES,
        heading=ERROR_HEADINGS[error.status_code],
        message=message,
        helpdesk=HELPDESK,
        flashes=[],
        path=request.path,
        signed_in=None,
        csrf_token="",
    )
