"""The independent portal's app factory, with its seeded faults."""

from __future__ import annotations

import bottle

from .pages import install_pages
from .support_api import install_support
from .web import Context, render
from .wizard import install_wizard
from .world import Session, World

FAULTS = frozenset(
    {
        # « au moins un caractère numérique » is not enforced.
        "password_without_digit",
        # After step 1 the wizard jumps straight to « Sécurisation de votre compte ».
        "skip_password_step",
        # The step-1 field is labelled « Numéro d'identification » instead of « Matricule ».
        "renamed_matricule_label",
        # « Activer mon compte » starts the wizard without the CGU box ticked.
        "cgu_not_required",
    }
)


def create_app(faults: frozenset[str] = frozenset(), *, test_support: bool = True) -> bottle.Bottle:
    """Build the portal, breaking the guide instructions that the named faults break."""
    unknown = set(faults) - FAULTS
    if unknown:
        raise ValueError(f"Unknown faults: {', '.join(sorted(unknown))}; known: {', '.join(sorted(FAULTS))}")
    app = bottle.Bottle()
    ctx = Context(World(), frozenset(faults))
    install_pages(app, ctx)
    install_wizard(app, ctx)
    if test_support:
        install_support(app, ctx)
    install_error_pages(app)
    return app


def install_error_pages(app: bottle.Bottle) -> None:
    """French pages for unknown addresses and refused forms."""

    @app.error(404)
    def not_found(_error: bottle.HTTPError) -> str:
        return render(
            "message",
            Session(),
            heading="Page introuvable",
            text="L'adresse demandée n'existe pas sur ce portail.",
            link="/",
            link_text="Retour à l'accueil",
        )

    @app.error(403)
    def refused(_error: bottle.HTTPError) -> str:
        return render(
            "message",
            Session(),
            heading="Votre session a expiré",
            text="Le formulaire n'a pas pu être pris en compte. Veuillez recommencer.",
            link="/patient",
            link_text="Retour à l'espace patient",
        )
