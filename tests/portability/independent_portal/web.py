"""Helpers shared by the portal's pages: templates, form fields, sessions and CSRF tokens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import bottle

from .world import Session, World

TEMPLATES = Path(__file__).parent / "templates"
SESSION_COOKIE = "esante_sid"
STEP_NAMES = (
    "Code d'activation",
    "Mot de passe",
    "Sécurisation de votre compte",
    "Autres moyens d'authentification",
    "Confirmation",
)


@dataclass(frozen=True)
class Context:
    """What every page handler needs: the world's state and the seeded faults."""

    world: World
    faults: frozenset[str]

    def has_fault(self, name: str) -> bool:
        """Whether the named fault is seeded."""
        return name in self.faults


def render(name: str, session: Session, **values: Any) -> str:
    """Render a template with the values every page uses."""
    values.setdefault("errors", [])
    values.setdefault("values", {})
    return bottle.template(
        name, template_lookup=[str(TEMPLATES)], csrf=session.csrf, step_names=STEP_NAMES, **values
    )


def field(name: str) -> str:
    """A submitted form field, decoded as UTF-8 and stripped."""
    return (bottle.request.forms.getunicode(name) or "").strip()


def raw_field(name: str) -> str:
    """A submitted form field, decoded as UTF-8 but kept as typed (for passwords)."""
    return bottle.request.forms.getunicode(name) or ""


def current_session(ctx: Context) -> Session:
    """The visitor's server-side session, created and put in a cookie when missing."""
    cookie = bottle.request.get_cookie(SESSION_COOKIE)
    session_id, session = ctx.world.session(cookie)
    if session_id != cookie:
        bottle.response.set_cookie(SESSION_COOKIE, session_id, path="/", httponly=True, samesite="lax")
    return session


def posted_session(ctx: Context) -> Session:
    """The session of a form submission, refused unless the form carries the session's CSRF token."""
    session = current_session(ctx)
    if field("_csrf") != session.csrf:
        bottle.abort(403, "Votre session a expiré.")
    return session


def go(path: str) -> NoReturn:
    """Redirect the browser to a page of the portal (303 See Other)."""
    bottle.redirect(path, 303)
