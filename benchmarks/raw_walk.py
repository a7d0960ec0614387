"""The patient activation walk (patient guide pp. 6–14) in plain Playwright, timed without the harness.

It makes the clicks and fills of the scenario « Le patient active son compte de bout en bout »
(features/patient/p13-14_fin_activation.feature) with direct selectors and the guide's exact
words, and no fallbacks, no soft checks, no trace and no screenshot: the floor the harness's
own run of that scenario is compared with. Run alone: `python -m benchmarks.raw_walk`.
"""

from __future__ import annotations

import argparse
import json
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from typing import Any

from playwright.sync_api import Browser, Page, Playwright, expect, sync_playwright

from benchmarks.stats import median
from harness.browser import find_browser, launch_args
from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World

# The harness's settings for every scenario (fixtures/playwright_settings.py), so that both
# sides wait and render alike.
TIMEOUT_MS = 5_000
CONTEXT_OPTIONS: dict[str, Any] = {"locale": "fr-LU", "accept_downloads": True}
CHANNELS = ("Mobile", "E-mail")
# The harness types a strong password from Faker; any conforming one costs the same to type.
PASSWORD = "Kw7rTz2mPq9x"
HTTP_TIMEOUT_S = 30


@dataclass(frozen=True)
class WalkTiming:
    """The phases of one timed walk, in seconds."""

    context_s: float  # new_context + new_page, as the harness's context and page fixtures
    persona_s: float  # POST /_test/personas, as the scenario's « Étant donné »
    walk_s: float  # from page.goto of the home page to « Connectez-vous » shown
    close_s: float  # context.close(), as the fixtures' teardown

    @property
    def steps_s(self) -> float:
        """What the harness's step durations cover: the persona and the walk."""
        return self.persona_s + self.walk_s

    @property
    def scenario_s(self) -> float:
        """What the harness's JUnit time covers: context, persona, walk and closing."""
        return self.context_s + self.persona_s + self.walk_s + self.close_s


# The test-support interface ---------------------------------------------------------------------


def _call(url: str, body: dict[str, object] | None = None) -> Any:
    """One JSON request to the test-support interface: a POST with a body, else a GET."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"},
                                     method="POST" if data is not None else "GET")
    with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT_S) as response:
        return json.load(response)


def create_patient(test_support: str) -> dict[str, Any]:
    """A new patient with a fresh activation letter."""
    return _call(test_support + "personas", {"kind": "patient"})


def latest_code(test_support: str, destination: str) -> str:
    """The one-time code of the newest message sent to a number or address."""
    query = urllib.parse.urlencode({"to": destination})
    messages = [m for m in _call(f"{test_support}messages?{query}") if m.get("code")]
    if not messages:
        raise RuntimeError(f"no one-time code was sent to {destination}")
    return str(messages[0]["code"])


def local_mobile(e164: str) -> str:
    """A Luxembourg number as the harness types it: 691 123 456."""
    digits = e164.removeprefix("+352")
    return " ".join(digits[i : i + 3] for i in range(0, len(digits), 3))


# The walk ---------------------------------------------------------------------------------------


def walk(page: Page, patient: dict[str, Any], channel: str, test_support: str) -> None:
    """The scenario's « Quand » and « Alors » steps, click for click, from the home page."""
    # « il clique sur « Connexion » puis sur « Patient » depuis l'accueil »
    page.goto("/")
    page.get_by_role("banner").get_by_role("link", name="Connexion", exact=True).click()
    page.get_by_role("link", name="Patient", exact=True).click()
    # « il clique sur « J'active mon compte » »
    page.get_by_role("link", name="J'active mon compte", exact=True).click()
    # « il coche « En cochant cette case, … » » and « il clique sur « Activer mon compte » »
    page.get_by_label("En cochant cette case, j'accepte les Conditions Générales d'Utilisation.",
                      exact=True).check()
    page.get_by_role("button", name="Activer mon compte", exact=True).click()
    # « il renseigne son matricule et clique sur « Valider » »
    page.get_by_role("textbox", name="Matricule", exact=True).fill(patient["matricule"])
    page.get_by_role("button", name="Valider", exact=True).click()
    # « il répond « Oui » à « Avez-vous reçu votre code d'activation ? » »
    page.get_by_role("group", name="Avez-vous reçu votre code d'activation ?", exact=True) \
        .get_by_role("radio", name="Oui", exact=True).check()
    # « il entre son code d'activation et clique sur « Étape suivante » »
    page.get_by_role("textbox", name="Code d'activation", exact=True).fill(patient["activation_code"])
    page.get_by_role("button", name="Étape suivante", exact=True).click()
    # « il définit un mot de passe conforme, le confirme et clique sur « Étape suivante » »
    # A password field has no ARIA role; its label's text ends with the required mark.
    page.get_by_label("Mot de passe *", exact=True).fill(PASSWORD)
    page.get_by_label("Confirmation du mot de passe *", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Étape suivante", exact=True).click()
    # « il choisit de recevoir son code à usage unique par « <canal> » et clique sur « Valider » »
    destination = send_code(page, patient, channel)
    # « il entre le code reçu et clique sur « Valider » »
    page.get_by_role("textbox", name="Code reçu par SMS ou par E-mail", exact=True).fill(
        latest_code(test_support, destination))
    page.get_by_role("button", name="Valider", exact=True).click()
    # « il clique sur « Étape suivante » sans associer de produit LuxTrust »
    page.get_by_role("button", name="Étape suivante", exact=True).click()
    # « le message « Votre activation est terminée! » s'affiche » and « « Connectez-vous » est proposé »
    expect(page.get_by_text("Votre activation est terminée!", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="Connectez-vous", exact=True)).to_be_visible()


def send_code(page: Page, patient: dict[str, Any], channel: str) -> str:
    """Choose the channel, type the patient's number or address, press « Valider »; return the destination."""
    destination = patient["mobile"] if channel == "Mobile" else patient["email"]
    typed = local_mobile(destination) if channel == "Mobile" else destination
    page.get_by_role("group", name="Code à usage unique à recevoir par", exact=True) \
        .get_by_role("radio", name=channel, exact=True).check()
    page.get_by_role("textbox", name=channel, exact=True).fill(typed)
    # As the harness does: the code is read out of band, so the sending must be over first.
    with page.expect_response(lambda response: response.request.method == "POST"):
        page.get_by_role("button", name="Valider", exact=True).click()
    return destination


def timed_walk(browser: Browser, portal: str, channel: str) -> WalkTiming:
    """One walk on a fresh context and a fresh patient, timed phase by phase."""
    started = time.perf_counter()
    context = browser.new_context(base_url=portal, **CONTEXT_OPTIONS)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    contexted = time.perf_counter()
    patient = create_patient(portal + "_test/")
    created = time.perf_counter()
    walk(page, patient, channel, portal + "_test/")
    walked = time.perf_counter()
    context.close()
    closed = time.perf_counter()
    return WalkTiming(contexted - started, created - contexted, walked - created, closed - walked)


# Running ----------------------------------------------------------------------------------------


@contextmanager
def reference_world() -> Iterator[str]:
    """The reference world as the tests start it (fixtures/world.py); yields the portal's URL."""
    world = World(WorldConfig(test_support=True, hashing=TEST_HASHING))
    urls = world.start()
    try:
        yield urls.portal
    finally:
        world.stop()


def launch(playwright: Playwright) -> Browser:
    """Chromium as the harness launches it (harness/browser.py), headless."""
    choice = find_browser(playwright_path=lambda: playwright.chromium.executable_path)
    if choice is None:
        raise RuntimeError("No Chromium found: run ./conformance setup first.")
    return playwright.chromium.launch(headless=True, **launch_args(choice))


def timed_walks(repetitions: int, channel: str) -> list[dict[str, float]]:
    """Walk once unmeasured (warm-up), then `repetitions` timed walks; each walk's figures."""
    expect.set_options(timeout=TIMEOUT_MS)
    with reference_world() as portal, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            # The first walk compiles the portal's templates and warms Chromium; the harness side
            # is measured after a warm-up scenario too.
            timed_walk(browser, portal, channel)
            timings = [timed_walk(browser, portal, channel) for _ in range(repetitions)]
        finally:
            browser.close()
    return [asdict(t) | {"steps_s": t.steps_s, "scenario_s": t.scenario_s} for t in timings]


def summarise(runs: list[dict[str, float]], channel: str) -> dict[str, Any]:
    """The walks' figures and their medians."""
    return {
        "channel": channel,
        "repetitions": len(runs),
        "runs": runs,
        "median_walk_s": median([r["walk_s"] for r in runs]),
        "median_steps_s": median([r["steps_s"] for r in runs]),
        "median_scenario_s": median([r["scenario_s"] for r in runs]),
    }


def run(repetitions: int = 5, channel: str = "Mobile") -> dict[str, Any]:
    """`repetitions` timed walks in one browser, after a warm-up; return every figure."""
    return summarise(timed_walks(repetitions, channel), channel)


def main(argv: list[str] | None = None) -> int:
    """Run the raw walk alone and print its figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.raw_walk", description=__doc__)
    parser.add_argument("-r", "--repetitions", type=int, default=5, help="timed walks (default 5)")
    parser.add_argument("--channel", choices=CHANNELS, default="Mobile", help="one-time code channel")
    options = parser.parse_args(argv)
    print(json.dumps(run(options.repetitions, options.channel), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
