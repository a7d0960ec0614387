"""The harness's verdict on a portal it was not written against: the independent portal of this folder.

That portal follows the patient guide (pp. 6–14) with markup unlike the reference's: a top bar
that is no landmark, buttons that are inputs or links, one error summary and no aria-invalid,
the CGU PDF shown inline, a progress bar marked by a class. Every conformance scenario of those
pages must pass there, and each fault seeded into it must fail the scenario of its instruction,
naming the guide's words.
"""

from pathlib import Path
from xml.etree import ElementTree

import pytest
from harness_process import EXPECTED_FAILURE_WAIT, run_module, run_scenarios
from harness_process import summary as run_summary

from tests.portability.independent_portal.server import running_portal

pytestmark = pytest.mark.browser

# The pages the independent portal has, without the phone profile's journeys beyond them.
SELECTION = "patient and (p6 or p7 or p8 or p9 or p10 or p11 or p12 or p14) and not telephone"


def test_every_conformance_scenario_of_its_pages_passes(tmp_path: Path) -> None:
    with running_portal() as url:
        run = run_scenarios(tmp_path, "--base-url", url, "-m", SELECTION, "-n", "2")
    summary = run_summary(tmp_path)
    conformance = summary["verdicts"]["conformance"]

    assert run.returncode == 0, run.stdout[-3000:]
    assert conformance["failed"] == 0
    assert conformance["passed"] >= 20, conformance
    # It has no clock control: those scenarios are not run, never passed.
    not_run = summary["scenarios"]["not_run"]
    assert not_run == summary["verdicts"]["reference"]["not_run"] + conformance["not_run"] == 3
    # Its markup is legitimate but not the preferred one: that is reported apart, as advisories.
    assert summary["verdicts"]["accessibility"]["criteria"].get("1.3.1", 0) > 0


# Each fault breaks one guide instruction; the scenario of that instruction fails, saying why.
FAULTS = {
    "password_without_digit": ("chaque_règle and abcdefgh", "Chaque règle du mot de passe",
                               "shows no error message"),
    "skip_password_step": ("saisit_son_matricule_et_son_code", "Le patient saisit son matricule",
                           "« Mot de passe »"),
    "renamed_matricule_label": ("saisit_son_matricule_et_son_code", "Le patient saisit son matricule",
                                "« Matricule »"),
    "cgu_not_required": ("refusée_tant_que_les_cgu", "L'activation est refusée tant que les CGU",
                         "shows no error message"),
}


@pytest.mark.parametrize("fault", sorted(FAULTS))
def test_a_seeded_fault_fails_the_scenario_of_its_instruction(tmp_path: Path, fault: str) -> None:
    selection, scenario, words = FAULTS[fault]
    with running_portal(frozenset({fault})) as url:
        run = run_scenarios(tmp_path, "--base-url", url, *EXPECTED_FAILURE_WAIT,
                            "-m", "patient and not telephone", "-k", selection)
    summary = run_summary(tmp_path)
    failed = [item["name"] for item in summary["failed_scenarios"]]

    assert run.returncode == 1, run.stdout[-3000:]
    assert any(name.startswith(scenario) for name in failed), failed
    assert words in run.stdout


def test_scenarios_needing_what_its_test_support_lacks_are_not_run_with_the_reason(tmp_path: Path) -> None:
    # Its personas come without LuxTrust products: the step-4 association cannot be tried there.
    with running_portal() as url:
        run = run_scenarios(tmp_path, "--base-url", url, "-m", "patient and p13 and not telephone")
    summary = run_summary(tmp_path)
    skipped = ElementTree.parse(tmp_path / "junit.xml").getroot().iter("skipped")

    assert run.returncode == 0, run.stdout[-3000:]
    assert summary["scenarios"]["failed"] == 0
    assert summary["scenarios"]["not_run"] >= 2
    reasons = [element.get("message", "") for element in skipped]
    assert reasons and all("LuxTrust test products" in reason for reason in reasons), reasons


def test_the_preflight_says_what_it_lacks_and_which_scenarios_will_not_run(tmp_path: Path) -> None:
    with running_portal() as url:
        preflight = run_module("harness", "check-target", "--base-url", url, "-m", "patient")

    assert preflight.returncode == 0, preflight.stdout + preflight.stderr
    assert f"✓ portal: 200 {url}" in preflight.stdout
    assert "✗ clock: not movable" in preflight.stdout
    assert "✗ publications: no /_test/publications" in preflight.stdout
    assert "will not run" in preflight.stdout
    assert "the target has no clock: " in preflight.stdout
