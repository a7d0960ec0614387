"""The systems of one process keep their templates apart, though several share names."""

from __future__ import annotations

import bottle

from harness.report import render as report_render
from reference_server.luxtrust import web as luxtrust_web
from reference_server.messaging import app as messaging_app
from reference_server.myguichet import app as myguichet_app
from reference_server.portal import web as portal_web

LOOKUPS = {
    "portal": portal_web.TEMPLATES,
    "MyGuichet.lu": myguichet_app.TEMPLATES,
    "LuxTrust": luxtrust_web.TEMPLATES,
    "gateway": messaging_app.TEMPLATES,
    "report": report_render.TEMPLATES,
}


def test_each_system_has_one_lasting_template_lookup_of_its_own() -> None:
    # Bottle caches a compiled template under the id of the lookup list it was given: a list
    # made at each call dies at once, its id is reused, and the portal's « home.tpl » was once
    # served as MyGuichet.lu's. Module-level lists live as long as the process.
    assert all(isinstance(lookup, list) for lookup in LOOKUPS.values())
    assert len({id(lookup) for lookup in LOOKUPS.values()}) == len(LOOKUPS)


def test_same_named_templates_render_from_their_own_system() -> None:
    common = {"csrf_token": "", "flashes": [], "navigation": (), "section": None,
              "breadcrumb": [], "citizen": None, "helpdesk": portal_web.HELPDESK, "path": "/",
              "signed_in": None, "heading": "Titre", "message": "Message"}
    portal_page = bottle.template("error.tpl", template_lookup=portal_web.TEMPLATES, **common)
    myguichet_page = bottle.template("error.tpl", template_lookup=myguichet_app.TEMPLATES, **common)
    assert "— MyGuichet.lu</title>" in myguichet_page
    assert "MyGuichet.lu</title>" not in portal_page
