"""The harness's verdict on a portal it was not written against: the independent portal of this folder.

That portal follows the patient guide (pp. 6–14) with markup unlike the reference's: a top bar
that is no landmark, buttons that are inputs or links, one error summary and no aria-invalid,
the CGU PDF shown inline, a progress bar marked by a class. Every conformance scenario of those
pages must pass there, and each fault seeded into it must fail the scenario of its instruction,
naming the guide's words.
"""

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.portability.independent_portal.server import running_portal

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
# The pages the independent portal has, without the phone profile's journeys beyond them.
SELECTION = "patient and (p6 or p7 or p8 or p9 or p10 or p11 or p12 or p14) and not telephone"


def run_scenarios(base_url: str, reports: Path, *options: str) -> subprocess.CompletedProcess[str]:
    """Run the harness against a portal, as a vendor would, in a process of its own."""
    command = [
        sys.executable, "-m", "pytest", "tests/acceptance", "-p", "no:cacheprovider", "-q",
        "--base-url", base_url, "--reports-dir", str(reports), f"--junitxml={reports}/junit.xml", *options,
    ]
    # Scenarios run in a separate process: pytest-playwright's state does not nest in one.
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    return subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, env=environment,
                          timeout=600, check=False)


def test_every_conformance_scenario_of_its_pages_passes(tmp_path: Path) -> None:
    with running_portal() as url:
        run = run_scenarios(url, tmp_path, "-m", SELECTION, "-n", "2")
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
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
        run = run_scenarios(url, tmp_path, "-m", "patient and not telephone", "-k", selection)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    failed = [item["name"] for item in summary["failed_scenarios"]]

    assert run.returncode == 1, run.stdout[-3000:]
    assert any(name.startswith(scenario) for name in failed), failed
    assert words in run.stdout


def test_scenarios_needing_what_its_test_support_lacks_are_not_run_with_the_reason(tmp_path: Path) -> None:
    # Its personas come without LuxTrust products: the step-4 association cannot be tried there.
    with running_portal() as url:
        run = run_scenarios(url, tmp_path, "-m", "patient and p13 and not telephone")
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    skipped = ElementTree.parse(tmp_path / "junit.xml").getroot().iter("skipped")

    assert run.returncode == 0, run.stdout[-3000:]
    assert summary["scenarios"]["failed"] == 0
    assert summary["scenarios"]["not_run"] >= 2
    reasons = [element.get("message", "") for element in skipped]
    assert reasons and all("LuxTrust test products" in reason for reason in reasons), reasons


def test_the_preflight_says_what_it_lacks_and_which_scenarios_will_not_run(tmp_path: Path) -> None:
    with running_portal() as url:
        preflight = subprocess.run(
            [sys.executable, "-m", "harness", "check-target", "--base-url", url, "-m", "patient"],
            cwd=REPO_ROOT, capture_output=True, text=True, timeout=120, check=False,
        )

    assert preflight.returncode == 0, preflight.stdout + preflight.stderr
    assert f"✓ portal: 200 {url}" in preflight.stdout
    assert "✗ clock: not movable" in preflight.stdout
    assert "✗ publications: no /_test/publications" in preflight.stdout
    assert "will not run" in preflight.stdout
    assert "the target has no clock: " in preflight.stdout
