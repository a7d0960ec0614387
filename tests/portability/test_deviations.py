"""Expected deviations against a portal the harness was not written against (issue 13's done-when).

The independent portal of this folder can be started with a password rule removed
(``password_without_digit``). A deviations file declaring that failure makes a run with the fault
pass, saying "1 expected failure"; the same file against the portal without the fault makes the
run fail, saying "1 unexpected pass".
"""

from pathlib import Path

import pytest
from harness_process import EXPECTED_FAILURE_WAIT, run_scenarios
from harness_process import summary as run_summary

from tests.portability.independent_portal.server import running_portal

pytestmark = pytest.mark.browser

# The one scenario the fault breaks: the digit rule's example of the password rules' outline.
SELECTION = ("-m", "patient and not telephone", "-k", "chaque_règle and abcdefgh")
DEVIATIONS = """\
[[deviation]]
requirement = "PAT-10-02"
reason = "Le portail n'impose pas de chiffre dans le mot de passe"
ticket = "ESANTE-1234"
"""


def run_with_deviations(tmp_path: Path, faults: frozenset[str]) -> tuple[int, str]:
    """Run the selection against the independent portal with the deviations file; exit code and output."""
    deviations = tmp_path / "independent.deviations.toml"
    deviations.write_text(DEVIATIONS, encoding="utf-8")
    with running_portal(faults) as url:
        run = run_scenarios(tmp_path / "reports", "--base-url", url, "--deviations", str(deviations),
                            *EXPECTED_FAILURE_WAIT, *SELECTION)
    return run.returncode, run.stdout


def test_a_declared_known_failure_gives_exit_0_with_1_expected_failure(tmp_path: Path) -> None:
    code, output = run_with_deviations(tmp_path, frozenset({"password_without_digit"}))
    summary = run_summary(tmp_path / "reports")

    assert code == 0, output[-3000:]
    assert "1 expected failure" in output
    assert summary["verdicts"]["conformance"]["failed"] == 1
    assert [item["declared"] for item in summary["deviations"]["expected_failures"]] == ["PAT-10-02"]


def test_removing_the_failures_cause_gives_1_unexpected_pass_and_a_failed_run(tmp_path: Path) -> None:
    code, output = run_with_deviations(tmp_path, frozenset())
    summary = run_summary(tmp_path / "reports")

    assert code != 0, output[-3000:]
    assert "1 unexpected pass" in output
    assert summary["verdicts"]["conformance"] == {"passed": 1, "flaky": 0, "failed": 0, "not_run": 0}
    assert [item["declared"] for item in summary["deviations"]["unexpected_passes"]] == ["PAT-10-02"]
