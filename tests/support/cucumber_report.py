"""What the tests of cucumber.json share: scenarios that drive a page, the schema, a real reporter.

The scenarios run in an inner pytest session with the report plugin, so that cucumber.json has a
passed, a failed and a not-run scenario, and a screenshot after each step that drove the page.
The schema is the Cucumber project's own (cucumber_json_schema/README.md says which and why).
The reporter is multiple-cucumber-html-reporter, a third-party consumer of the format, installed
from npm into the project's .tools/ folder (Node.js and npm from Debian when missing).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from jsonschema.validators import validator_for
from real_servers import TOOLS, ServerUnavailable, _install_lock, _run, ensure_node

REPO_ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = Path(__file__).with_name("cucumber_json_schema") / "cucumber-jvm.json"
REPORTER = "multiple-cucumber-html-reporter"
# The last release that runs on Debian's Node.js 20: 3.11 wants Node.js 24, and 4.x Node.js 22.
REPORTER_VERSION = "3.10.0"
REPORTER_TIMEOUT = 120.0
# Loads the reporter from its folder, then renders the Cucumber JSON files of one directory.
GENERATE = (
    "require(process.argv[1]).generate("
    "{jsonDir: process.argv[2], reportPath: process.argv[3], disableLog: true})"
)

SCREEN_FEATURE = """\
# language: fr
@accueil
Fonctionnalité: Page d'accueil

  @PAT-01-01
  Scénario: Le titre est affiché
    Étant donné une page d'accueil
    Quand le visiteur la lit
    Alors le titre est "Bonjour"

  Scénario: Le titre attendu manque
    Étant donné une page d'accueil
    Alors le titre est "Au revoir"
    Et la page reste ouverte

  Scénario: Une page que la cible n'a pas
    Étant donné une page que la cible n'a pas
    Alors le titre est "Bonjour"
"""

SCREEN_STEPS = """\
import pytest
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("accueil.feature")


@given("une page d'accueil")
def accueil(page):
    page.set_content("<h1>Bonjour</h1><p>Bienvenue sur le portail.</p>")


@given("une page que la cible n'a pas")
def page_absente():
    pytest.skip("la cible n'a pas de page d'accueil")


@when("le visiteur la lit")
def lecture(page):
    page.locator("p").scroll_into_view_if_needed()


@then(parsers.parse('le titre est "{titre}"'))
def titre(page, titre):
    expect(page.locator("h1")).to_have_text(titre, timeout=500)


@then("la page reste ouverte")
def ouverte(page):
    pass
"""

# The harness's own browser set-up finds a Chromium as a run does, and says what to do when there is
# none. From a conftest, as in the harness, so that its fixtures override pytest-playwright's.
SCREEN_CONFTEST = 'pytest_plugins = ["fixtures.browser"]\n'

# The scenario names and the outcome of each of their steps, as cucumber.json must say them.
SCREEN_STATUSES = {
    "Le titre est affiché": ["passed", "passed", "passed"],
    "Le titre attendu manque": ["passed", "failed", "skipped"],
    "Une page que la cible n'a pas": ["skipped", "skipped"],
}


def write_screen_scenarios(pytester: pytest.Pytester) -> None:
    """Write the page-driving feature, its steps and the browser set-up into an inner session's folder."""
    pytester.makefile(".feature", accueil=SCREEN_FEATURE)
    pytester.makepyfile(test_accueil=SCREEN_STEPS)
    pytester.makeconftest(SCREEN_CONFTEST)


def run_with_report(pytester: pytest.Pytester, *args: str, reports_dir: str) -> pytest.RunResult:
    """Run the inner session in its own process with the report plugin, as a run of the harness does."""
    return pytester.runpytest_subprocess("-p", "harness.report.plugin", "--reports-dir", reports_dir, *args)


def schema_errors(document: Any) -> list[str]:
    """Return where and why a cucumber.json breaks the Cucumber JSON schema: none when it is valid."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    errors = validator_class(schema).iter_errors(document)
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message[:300]}" for error in errors]


def ensure_reporter() -> Path:
    """The reporter's package folder, installed from npm into .tools/ if missing."""
    prefix = TOOLS / f"{REPORTER}-{REPORTER_VERSION}"
    package = prefix / "node_modules" / REPORTER
    with _install_lock():
        if (package / "package.json").exists():
            return package
        ensure_node(REPORTER)
        _run(("npm", "install", "--prefix", str(prefix), f"{REPORTER}@{REPORTER_VERSION}", "--no-audit",
              "--no-fund", "--loglevel=error"), f"npm install {REPORTER}@{REPORTER_VERSION}")
    if not (package / "package.json").exists():
        raise ServerUnavailable(f"npm installed {REPORTER}@{REPORTER_VERSION}, but {package} is missing")
    return package


def render_html_report(cucumber_json: Path, out: Path) -> Path:
    """Render one cucumber.json with the reporter into out; return its index.html."""
    package = ensure_reporter()
    ensure_node(REPORTER)
    # The reporter reads every .json file of its input folder: give it cucumber.json alone.
    inputs = out / "cucumber-json"
    inputs.mkdir(parents=True, exist_ok=True)
    (inputs / "cucumber.json").write_bytes(cucumber_json.read_bytes())
    html = out / "html"
    done = subprocess.run(("node", "-e", GENERATE, str(package), str(inputs), str(html)),
                          capture_output=True, text=True, timeout=REPORTER_TIMEOUT, check=False)
    if done.returncode != 0:
        raise AssertionError(f"{REPORTER} failed (exit {done.returncode}):\n{done.stdout}{done.stderr}")
    return html / "index.html"
