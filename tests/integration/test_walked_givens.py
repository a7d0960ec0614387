"""A target whose test support has no shortcuts: every « Étant donné » walks the portal's pages, and passes.

The reference world is served as ``python -m reference_server --test-support --without-shortcuts``
would serve it: personas, messages and clock, but no activated accounts, sessions or assistants on
request. The selection covers each Given that takes a shortcut where one is offered.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from harness_process import run_module, run_scenarios, summary
from web_client import json_request

from reference_server.config import WorldConfig
from reference_server.world import World, WorldUrls

pytestmark = pytest.mark.browser

# A professional activated and signed in with LuxTrust; a parent and child activated, the parent made
# « Assistant DSP » by the child, both signed in with their passwords; a patient at step 3; a
# professional at step 3; a patient and a professional at step 1, the CGU accepted.
SELECTION = " or ".join((
    "test_le_dernier_moyen_de_connexion_ne_peut_pas_être_supprimé",
    "test_le_professionnel_vérifie_ses_informations_personnelles",
    "test_un_assistant_retiré_perd_laccès_aussitôt",
    "test_un_code_à_usage_unique_erroné_est_refusé",
    "test_le_patient_saisit_son_matricule_et_son_code_dactivation",
    "test_létape_1_présente_les_produits_luxtrust_acceptés",
))


@pytest.fixture(scope="module")
def world_without_shortcuts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorldUrls]:
    """The reference world with a test support that offers no shortcut."""
    config = WorldConfig(data_dir=tmp_path_factory.mktemp("world"), test_support=True, test_shortcuts=False)
    with World(config) as urls:
        yield urls


def codes_sent(urls: WorldUrls) -> int:
    """How many one-time codes the world's gateway has sent so far, to anyone."""
    listed = json_request(urls.test_support + "messages").json()
    assert isinstance(listed, list)
    return sum(1 for message in listed if message.get("code"))


def test_every_given_walks_the_pages_and_passes(world_without_shortcuts: WorldUrls, tmp_path: Path):
    reports = tmp_path / "reports"

    done = run_scenarios(reports, "--base-url", world_without_shortcuts.portal, "-k", SELECTION,
                         "--all-verdicts")

    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    counts = summary(reports)["scenarios"]
    assert (counts["passed"], counts["failed"], counts["not_run"]) == (6, 0, 0), counts
    # The walks typed the codes the wizard and the sign-in send; the shortcuts send none.
    assert codes_sent(world_without_shortcuts) >= 3


def test_the_preflight_says_the_givens_will_walk(world_without_shortcuts: WorldUrls):
    preflight = run_module("harness", "check-target", "--base-url", world_without_shortcuts.portal)

    assert preflight.returncode == 0, preflight.stdout + preflight.stderr
    assert "✗ shortcuts: none: every « Étant donné » walks the portal's pages" in preflight.stdout
