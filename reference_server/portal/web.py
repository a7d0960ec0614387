"""What every portal page shares: sessions and CSRF checks (from reference_server.sessions), and rendering."""

from pathlib import Path

from bottle import request, template

from reference_server.sessions import (
    SessionPlugin,
    current_session,
    flash,
    form_text,
    replace_session,
    take_flashes,
)

# Every area of the portal imports its web helpers from this one module.
__all__ = ["HELPDESK", "TEMPLATES", "SessionPlugin", "current_session", "flash", "form_text",
           "render", "replace_session"]

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]

HELPDESK = {
    "phone": "(+352) 27 12 50 18 33",
    "phone_link": "+352271250183",
    "email": "helpdesk@esante.lu",
}


def render(name: str, **context: object) -> str:
    """Render a template with what every page needs; {{ }} escapes HTML."""
    session = current_session()
    flashes = take_flashes()
    return template(
        name,
        template_lookup=TEMPLATES,
        csrf_token=session.csrf_token,
        helpdesk=HELPDESK,
        flashes=flashes,
        path=request.path,
        signed_in=session.data.get("account_name"),
        **context,
    )
