"""A page whose wording differs from the guide fails its scenario, naming the guide's words."""

import pytest
from harness_process import run_pytester

pytest_plugins = ["pytester"]

FEATURE = """\
# language: fr
Fonctionnalité: Formulation des pages

  Scénario: Les mots du guide, même sans accent sur la majuscule
    Étant donné une page qui propose le bouton « Etape suivante » et dit « Votre activation est terminée ! »
    Quand il clique sur « Étape suivante »
    Alors le message « Votre activation est terminée! » s'affiche

  Scénario: Un bouton aux mots différents de ceux du guide
    Étant donné une page qui propose le bouton « Continuer » et dit « Votre activation est terminée! »
    Quand il clique sur « Étape suivante »
    Alors le message « Votre activation est terminée! » s'affiche

  Scénario: Un message aux mots différents de ceux du guide
    Étant donné une page qui propose le bouton « Étape suivante » et dit « Activation réussie »
    Quand il clique sur « Étape suivante »
    Alors le message « Votre activation est terminée! » s'affiche
"""

# In a conftest, as in the repository's, so that --action-timeout is known when options are read.
CONFTEST = """\
pytest_plugins = [
    "fixtures.world", "fixtures.browser", "fixtures.playwright_settings",
    "steps.navigation", "steps.activation",
]
"""

STEPS = """\
import html

from pytest_bdd import given, parsers, scenarios

scenarios("formulation.feature")


@given(parsers.parse("une page qui propose le bouton « {button} » et dit « {sentence} »"))
def _(scenario_page, button, sentence):
    scenario_page.set_content(
        f"<main><p>{html.escape(sentence)}</p><button type='button'>{html.escape(button)}</button></main>"
    )
"""


@pytest.mark.browser
def test_differing_wording_fails_naming_the_guide_words_within_the_action_timeout(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makefile(".feature", formulation=FEATURE)
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_formulation=STEPS)
    # The pages are complete once set: a second is enough to see a missing word fail, not five.
    result = run_pytester(pytester, monkeypatch, "--action-timeout", "1000")
    result.assert_outcomes(passed=1, failed=2)
    output = result.stdout.str()
    assert "The guide's link or button « Étape suivante » was not found" in output
    assert "the guide's words « Votre activation est terminée! » are not shown" in output
    # Both failures waited the --action-timeout, not the default five seconds. (On CI pytest does
    # not shorten assertion messages, so a wait may be quoted more than once.)
    assert output.count("with timeout 1000ms") >= 2, output
    assert "with timeout 5000ms" not in output, output
