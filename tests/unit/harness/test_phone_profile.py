"""The @telephone profile in a real browser: the phone's screen, taps, and pages that do not fit."""

import pytest
from harness_process import run_pytester

pytest_plugins = ["pytester"]

FEATURE = """\
# language: fr
Fonctionnalité: Le profil téléphone

  @telephone
  Scénario: Sur le téléphone, le bouton est touché du doigt
    Étant donné une page qui dit comment son bouton « Valider » a été actionné
    Quand il clique sur « Valider »
    Alors le message « touché, écran de {width} pixels » s'affiche

  Scénario: Sans le profil téléphone, le bouton est cliqué sur un grand écran
    Étant donné une page qui dit comment son bouton « Valider » a été actionné
    Quand il clique sur « Valider »
    Alors le message « cliqué, écran de 1280 pixels » s'affiche

  @telephone
  Scénario: Un bouton recouvert par un autre élément ne peut pas être touché
    Étant donné une page dont le bouton « Valider » est recouvert
    Quand il clique sur « Valider »

  @telephone
  Scénario: Un tableau plus étroit que l'écran tient dans l'écran
    Étant donné une page dont le tableau fait 300 pixels de large
    Alors la page tient dans l'écran du téléphone

  @telephone
  Scénario: Un tableau de 800 pixels ne tient pas dans l'écran
    Étant donné une page dont le tableau fait 800 pixels de large
    Alors la page tient dans l'écran du téléphone
"""

# In a conftest, as in the repository's, so that --phone-device is known when options are read.
# With the report plugin and no --base-url the run is strict, as on the reference world: the
# page that does not fit (an accessibility advisory, WCAG 1.4.10) fails its step.
CONFTEST = """\
pytest_plugins = [
    "fixtures.browser", "fixtures.playwright_settings", "harness.report.plugin", "steps.navigation",
    "steps.activation", "steps.screen_fit",
]
"""

STEPS = """\
from pytest_bdd import given, parsers, scenarios

scenarios("telephone.feature")

# As the portal's layout does, so that a phone lays the page out at its own width.
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'


@given(parsers.parse("une page qui dit comment son bouton « {button} » a été actionné"))
def _(scenario_page, button):
    scenario_page.set_content(VIEWPORT + f'''
        <main><p id="how">rien</p><button type="button">{button}</button></main>
        <script>
          const button = document.querySelector("button");
          let touched = false;
          button.addEventListener("touchstart", () => {{ touched = true; }});
          button.addEventListener("click", () => {{
            const how = touched ? "touché" : "cliqué";
            document.getElementById("how").textContent = `${{how}}, écran de ${{innerWidth}} pixels`;
          }});
        </script>''')


@given(parsers.parse("une page dont le bouton « {button} » est recouvert"))
def _(scenario_page, button):
    # Playwright would try for the scenario's five seconds; one is enough to see it fail.
    scenario_page.set_default_timeout(1_000)
    scenario_page.set_content(VIEWPORT + f'''
        <main><button type="button">{button}</button>
          <div style="position: fixed; inset: 0; background: white">Une fenêtre par-dessus</div>
        </main>''')


@given(parsers.parse("une page dont le tableau fait {width:d} pixels de large"))
def _(scenario_page, width):
    scenario_page.set_content(VIEWPORT + f'''
        <main><h1>Mes derniers documents</h1>
          <table style="width: {width}px"><tr><td>12/03/2024</td><td><a href="#">Bilan</a></td></tr></table>
        </main>''')
"""


def run_profile(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, width: int,
                *options: str) -> pytest.RunResult:
    """Run the profile's scenarios in a fresh pytest process, with the given options."""
    pytester.makefile(".feature", telephone=FEATURE.format(width=width))
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_telephone=STEPS)
    return run_pytester(pytester, monkeypatch, "--reports-dir", "reports", *options)


@pytest.mark.browser
@pytest.mark.parametrize(("options", "width"), [((), 390), (("--phone-device", "Pixel 7"), 412)])
def test_phone_scenarios_tap_on_the_phones_screen_and_fail_when_a_page_does_not_fit(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, options: tuple[str, ...], width: int
) -> None:
    result = run_profile(pytester, monkeypatch, width, *options)
    result.assert_outcomes(passed=3, failed=2)
    output = result.stdout.str()
    assert "link or button « Valider » is covered by another element and cannot be pressed" in output
    assert f"does not fit the phone's screen, {width} px wide" in output
    assert "the page is 8" in output and "so it scrolls sideways" in output
    assert "link « Bilan » lies at" in output


def test_an_unknown_phone_device_stops_the_run_before_any_scenario(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = run_profile(pytester, monkeypatch, 390, "--phone-device", "Pixl 7")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "--phone-device « Pixl 7 » is not one of Playwright's device descriptors" in result.stderr.str()
    assert "Did you mean « Pixel 7 »" in result.stderr.str()
