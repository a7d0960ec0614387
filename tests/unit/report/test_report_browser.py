"""Tests of the evidence the report plugin keeps for scenarios that drive a real browser."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from report_sessions import InnerRun

pytest_plugins = ["pytester"]

CHROMIUM = "/usr/bin/chromium"

PAGE_FEATURE = """\
# language: fr
Fonctionnalité: Page d'accueil

  Scénario: Le titre est affiché
    Étant donné une page d'accueil
    Alors le titre est "Bonjour"

  Scénario: Le titre attendu manque
    Étant donné une page d'accueil
    Alors le titre est "Au revoir"
"""

PAGE_STEPS = """\
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then

scenarios("accueil.feature")


@given("une page d'accueil")
def accueil(page):
    page.set_content("<h1>Bonjour</h1>")


@then(parsers.parse('le titre est "{titre}"'))
def titre(page, titre):
    expect(page.locator("h1")).to_have_text(titre, timeout=1000)
"""

BROWSER_CONFTEST = f"""\
import pytest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {{
        **browser_type_launch_args,
        "executable_path": "{CHROMIUM}",
        "args": [
            "--no-sandbox",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }}
"""


def write_page_session(pytester: pytest.Pytester, steps: str = PAGE_STEPS) -> None:
    """The home-page feature with its steps, and a conftest launching the machine's Chromium."""
    pytester.makefile(".feature", accueil=PAGE_FEATURE)
    pytester.makepyfile(test_accueil=steps)
    pytester.makeconftest(BROWSER_CONFTEST)


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM}")
def test_screenshots_every_scenario_and_traces_only_failures(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    write_page_session(pytester)

    run = run_inner()

    run.result.assert_outcomes(passed=1, failed=1)
    folders = {path.name: path for path in (run.reports_dir / "scenarios").iterdir()}
    [passed] = [path for name, path in folders.items() if name.startswith("le-titre-est-affiche")]
    [failed] = [path for name, path in folders.items() if name.startswith("le-titre-attendu")]
    assert (passed / "final.png").read_bytes().startswith(b"\x89PNG")
    assert (failed / "final.png").read_bytes().startswith(b"\x89PNG")
    assert not (passed / "trace.zip").exists()
    assert (failed / "trace.zip").stat().st_size > 0
    html = run.html
    assert f'src="scenarios/{failed.name}/final.png"' in html
    assert f"./conformance trace out/reports/scenarios/{failed.name}/trace.zip" in html
    assert "Locator expected to have text" in html


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM}")
def test_without_traces_a_failure_keeps_its_screenshot_and_error_only(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    write_page_session(pytester)

    run = run_inner("--no-traces", "-k", "attendu")

    run.result.assert_outcomes(failed=1)
    [failed] = (run.reports_dir / "scenarios").iterdir()
    assert (failed / "final.png").read_bytes().startswith(b"\x89PNG")
    assert not (failed / "trace.zip").exists()
    assert "./conformance trace" not in run.html
    assert "Locator expected to have text" in run.html


FLAKY_PAGE_STEPS = """\
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then

scenarios("accueil.feature")
ATTEMPTS = {"n": 0}


@given("une page d'accueil")
def accueil(page):
    # The first attempt shows another title: the scenario fails once, then passes.
    ATTEMPTS["n"] += 1
    page.set_content("<h1>Bonjour</h1>" if ATTEMPTS["n"] > 1 else "<h1>Chargement</h1>")


@then(parsers.parse('le titre est "{titre}"'))
def titre(page, titre):
    expect(page.locator("h1")).to_have_text(titre, timeout=500)
"""


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM}")
def test_a_failed_attempt_keeps_its_screenshot_and_trace_apart(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    write_page_session(pytester, FLAKY_PAGE_STEPS)

    run = run_inner("--reruns", "1", "-k", "titre_est")

    assert run.result.ret == 0
    [folder] = (run.reports_dir / "scenarios").iterdir()
    assert (folder / "attempt-1" / "final.png").read_bytes().startswith(b"\x89PNG")
    assert (folder / "attempt-1" / "trace.zip").stat().st_size > 0
    # The passing attempt has its own final screenshot and, passing, no trace.
    assert (folder / "final.png").is_file() and not (folder / "trace.zip").exists()
    [flaky] = run.summary["flaky_scenarios"]
    attempt = flaky["failed_attempts"][0]
    assert attempt["trace"] == f"scenarios/{folder.name}/attempt-1/trace.zip"
    assert f'href="scenarios/{folder.name}/attempt-1/trace.zip"' in run.html
