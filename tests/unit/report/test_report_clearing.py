"""Tests of when the previous run's reports and evidence go: as a run starts its tests, and only then."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from report_sessions import InnerRun

pytest_plugins = ["pytester"]

REPORTS = "out/reports"
JUNIT = "out/junit.xml"
OLD = "old"
PREVIOUS = (
    "report.html", "summary.json", "cucumber.json", "records.json", "requirements.json", "requirements.csv",
)
OLD_EVIDENCE = "scenarios/un-ancien-scenario-0badf00d/final.png"

EVIDENCE_TESTS = """\
import pytest
from pathlib import Path


@pytest.mark.parametrize("number", range(4))
def test_evidence(number):
    folder = Path("out/reports/scenarios") / f"test-{number}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "final.png").write_text("new")
"""


@pytest.fixture
def previous_run(pytester: pytest.Pytester) -> Path:
    """Leave the reports, junit.xml and evidence of an earlier run; return the pytester directory."""
    reports = pytester.path / REPORTS
    (reports / OLD_EVIDENCE).parent.mkdir(parents=True)
    for name in (*PREVIOUS, OLD_EVIDENCE):
        (reports / name).write_text(OLD)
    (pytester.path / JUNIT).write_text(OLD)
    return pytester.path


def untouched(root: Path) -> bool:
    """Tell whether every report, junit.xml and the evidence of the earlier run are still there."""
    paths = [root / REPORTS / name for name in (*PREVIOUS, OLD_EVIDENCE)] + [root / JUNIT]
    return all(path.read_text() == OLD for path in paths)


@pytest.mark.parametrize(
    "arguments",
    [
        ["--collect-only"],
        ["--co", "-q"],
        ["-n", "2", "--collect-only"],
        ["--fixtures"],
        ["--fixtures-per-test"],
        ["--markers"],
        ["--help"],
        ["--version"],
        ["--no-such-option"],
        ["no_such_test.py"],
    ],
    ids=lambda arguments: " ".join(arguments),
)
@pytest.mark.usefixtures("account_scenarios")
def test_a_session_that_runs_no_test_keeps_the_last_reports(
    previous_run: Path, run_inner: Callable[..., InnerRun], arguments: list[str]
):
    run = run_inner(f"--junitxml={JUNIT}", *arguments, reports_dir=REPORTS)

    assert untouched(previous_run), run.result.stdout.str()


@pytest.mark.usefixtures("account_scenarios")
def test_a_run_replaces_the_reports_and_starts_from_empty_evidence(
    previous_run: Path, run_inner: Callable[..., InnerRun]
):
    run = run_inner(f"--junitxml={JUNIT}", reports_dir=REPORTS)

    assert run.summary["scenarios"] == {"passed": 1, "flaky": 0, "failed": 2, "not_run": 1}
    assert json.loads((previous_run / REPORTS / "records.json").read_text())["results"]
    assert "<testsuites" in (previous_run / JUNIT).read_text()
    assert not (previous_run / REPORTS / "scenarios").exists()


def test_workers_evidence_is_kept_and_only_the_earlier_runs_goes(
    pytester: pytest.Pytester, previous_run: Path, run_inner: Callable[..., InnerRun]
):
    pytester.makepyfile(test_evidence=EVIDENCE_TESTS)

    run = run_inner("-n", "2", reports_dir=REPORTS)

    run.result.assert_outcomes(passed=4)
    folders = sorted(path.name for path in (previous_run / REPORTS / "scenarios").iterdir())
    assert folders == ["test-0", "test-1", "test-2", "test-3"]
