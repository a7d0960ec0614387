"""The accessibility profile scans the pages of a scenario's other sessions, not only its own page.

A scenario may open another person's browser (a second context), as « l'enfant retire le parent
des « Assistants » dans une autre session » does. The pages that browser shows are the portal's
too: axe-core's findings on them are reported, with their page and the step that left them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from bottle import Bottle
from harness_process import run_pytester

from reference_server.serving import BackgroundServer

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.browser

PAGES = {
    "accessible": '<!doctype html><html lang="fr"><head><title>Accueil</title></head>'
                  "<body><main><h1>Accueil</h1><p>Bienvenue.</p></main></body></html>",
    # No lang on <html>: axe-core's html-has-lang, WCAG 3.1.1.
    "sans-langue": "<!doctype html><html><head><title>Assistants</title></head>"
                   "<body><main><h1>Assistants</h1><p>Aucun assistant.</p></main></body></html>",
}

FEATURE = """\
# language: fr
Fonctionnalité: Deux sessions

  Scénario: Une autre session ouvre une page sans langue
    Étant donné une page accessible
    Quand une autre session ouvre la page sans langue
    Alors la page accessible est toujours affichée
"""

CONFTEST = """\
pytest_plugins = ["fixtures.browser", "fixtures.playwright_settings", "harness.report.plugin"]
"""

STEPS = """\
import os

from pytest_bdd import given, scenarios, then, when

scenarios("sessions.feature")
SITE = os.environ["ESANTE_TEST_SITE"]


@given("une page accessible")
def _(page):
    page.goto(SITE + "accessible")


@when("une autre session ouvre la page sans langue")
def _(new_context):
    new_context().new_page().goto(SITE + "sans-langue")


@then("la page accessible est toujours affichée")
def _(page):
    assert page.url.endswith("/accessible")
"""


@pytest.fixture
def site() -> Iterator[str]:
    """The two pages on a free loopback port; the site's base URL."""
    app = Bottle()
    for name, body in PAGES.items():
        app.route(f"/{name}", "GET", lambda body=body: body)
    server = BackgroundServer("two-pages")
    url = server.bind()
    server.serve(app)
    yield url
    server.stop()


def test_findings_on_another_sessions_page_are_reported_with_their_page_and_step(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, site: str
) -> None:
    pytester.makefile(".feature", sessions=FEATURE)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_sessions=STEPS)
    monkeypatch.setenv("ESANTE_TEST_SITE", site)

    run_pytester(pytester, monkeypatch, "--reports-dir", "reports", "--axe", "--base-url", site)

    summary = json.loads((pytester.path / "reports" / "summary.json").read_text(encoding="utf-8"))
    assert summary["scenarios"]["passed"] == 1, summary
    found = [finding for finding in summary["findings"] if "axe" in finding]
    lang = [finding for finding in found if finding["axe"]["rule"] == "html-has-lang"]
    assert [finding["page"] for finding in lang] == [site + "sans-langue"], found
    assert lang[0]["step"] == "Quand une autre session ouvre la page sans langue"
    assert lang[0]["criterion"] == "3.1.1 Language of Page"
    # Both sessions were scanned after the When and the Then: the Given's page, then two each.
    assert summary["axe"]["page_states"] == 5, summary["axe"]
