"""What every portal page shares: sessions and CSRF checks (from reference_server.sessions), and rendering."""

from pathlib import Path

from bottle import request, template

from reference_server.sessions import (
    SessionPlugin,
    current_session,
    flash,
    form_text,
    idle_seconds,
    note_csrf_given,
    replace_session,
    take_flashes,
)

# Every area of the portal imports its web helpers from this one module.
__all__ = ["HELPDESK", "TEMPLATES", "SessionPlugin", "current_session", "flash", "form_text",
           "render", "replace_session"]

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]

# The session timeout the idle warning assumes where a page is rendered outside a session.
DEFAULT_IDLE_SECONDS = 1800

HELPDESK = {
    "phone": "(+352) 27 12 50 18 33",
    "phone_link": "+352271250183",
    "email": "helpdesk@esante.lu",
}
# The helpdesk as refusals name it: a sentence of its own, or the end of one.
HELPDESK_TEXT = f"Contactez notre helpdesk au {HELPDESK['phone']} ou par mail ({HELPDESK['email']})."
HELPDESK_LOWER = HELPDESK_TEXT[0].lower() + HELPDESK_TEXT[1:]


def render(name: str, **context: object) -> str:
    """Render a template with what every page needs; {{ }} escapes HTML."""
    session = current_session()
    flashes = take_flashes()
    return note_csrf_given(template(
        name,
        template_lookup=TEMPLATES,
        csrf_token=session.csrf_token,
        helpdesk=HELPDESK,
        flashes=flashes,
        path=request.path,
        signed_in=session.data.get("account_name"),
        # The idle warning (WCAG 2.2.1) counts down from the server's own timeout.
        session_idle_seconds=int(idle_seconds() or DEFAULT_IDLE_SECONDS),
        **context,
    ))
