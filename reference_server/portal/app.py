"""The portal's root app: the site's pages, the activation area and, in test mode, /_test/."""

from bottle import Bottle, HTTPError, request, template

from reference_server.portal import activation, pages, test_support
from reference_server.portal.services import PortalServices
from reference_server.portal.web import HELPDESK, TEMPLATES

ERROR_HEADINGS = {
    403: "Accès refusé",
    404: "Page introuvable",
    405: "Action non autorisée",
    500: "Erreur du serveur",
}
DEFAULT_MESSAGES = {
    404: "La page demandée n'existe pas.",
    405: "Cette action n'est pas possible sur cette page.",
    500: "Une erreur inattendue est survenue. Veuillez réessayer ou contacter notre helpdesk.",
}


def create_app(services: PortalServices, persona_seed: int | None = None) -> Bottle:
    """Assemble the portal from one Bottle app per area."""
    root = Bottle()
    root.merge(pages.create_app(services))
    root.mount("/activation/", _with_error_pages(activation.create_app(services)))
    if services.config.test_support:
        root.mount("/_test/", test_support.create_app(services, persona_seed))
    return _with_error_pages(root)


def _with_error_pages(app: Bottle) -> Bottle:
    """French error pages instead of Bottle's English ones."""
    for status in ERROR_HEADINGS:
        app.error(status)(_error_page)
    return app


def _error_page(error: HTTPError) -> str:
    """An error page in the portal's layout; its message is escaped like any other text."""
    message = error.body if error.status_code == 403 else DEFAULT_MESSAGES[error.status_code]
    return template(
        "error.tpl",
        template_lookup=[TEMPLATES],
        heading=ERROR_HEADINGS[error.status_code],
        message=message,
        helpdesk=HELPDESK,
        flashes=[],
        path=request.path,
    )
