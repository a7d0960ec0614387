"""The security and accessibility profiles, unchanged, on a portal the harness was not written against.

The independent portal of this folder follows the patient guide's activation (pp. 6–14) and has
no sign-in: every security scenario fails there, in its Given or its first attempt. With
``--base-url`` that is reported apart, as the security verdict, beside axe-core's findings, and
the exit code stays conformance's; ``--count-security`` makes it count.
"""

from pathlib import Path

import pytest
from harness_process import EXPECTED_FAILURE_WAIT, run_scenarios
from harness_process import summary as run_summary

from tests.portability.independent_portal.server import running_portal

pytestmark = pytest.mark.browser

# Two scenarios, each walking an activation on that portal first: one fails in its When, one in
# its Given (a signed-in patient), which is where most of the profile fails there.
SELECTION = ("-m", "securite", "-k", "même_réponse or cadre_dun_autre_site")
SECURITY_IDS = [["ASVS-3.4.6"], ["ASVS-6.3.8"]]


def test_security_failures_are_reported_apart_from_conformance(tmp_path: Path) -> None:
    with running_portal() as url:
        run = run_scenarios(tmp_path, "--base-url", url, "--axe", *EXPECTED_FAILURE_WAIT, *SELECTION)
    summary = run_summary(tmp_path)
    verdicts = summary["verdicts"]
    failed = summary["security_scenarios"]

    assert run.returncode == 0, run.stdout[-3000:]
    assert verdicts["security"] == {"passed": 0, "flaky": 0, "failed": 2, "not_run": 0}
    assert sorted(item["security_requirements"] for item in failed) == SECURITY_IDS
    assert all("« Matricule & Mot de passe » was not found" in item["message"] for item in failed), failed
    assert "SECURITY ASVS-6.3.8 " in run.stdout
    # Conformance is untouched: no scenario of it ran, no guide requirement is met or not met.
    assert verdicts["conformance"] == {"passed": 0, "flaky": 0, "failed": 0, "not_run": 0}
    assert summary["failed_scenarios"] == []
    assert summary["requirements"]["totals"]["not met"] == 0
    assert summary["requirements"]["security_totals"]["not met"] == 2
    # axe-core scanned the pages the scenarios left, on this portal too, as a report only.
    assert summary["axe"]["mode"] == "report"
    assert summary["axe"]["page_states"] > 0
    assert summary["axe"]["errors"] == []


def test_count_security_makes_the_security_failures_decide_the_exit_code(tmp_path: Path) -> None:
    with running_portal() as url:
        run = run_scenarios(tmp_path, "--base-url", url, "--count-security", *EXPECTED_FAILURE_WAIT,
                            "-m", "securite", "-k", "cadre_dun_autre_site")
    summary = run_summary(tmp_path)

    assert run.returncode == 1, run.stdout[-3000:]
    assert summary["count_security"] is True
    assert summary["verdicts"]["security"]["failed"] == 1
    assert summary["verdicts"]["conformance"]["failed"] == 0
