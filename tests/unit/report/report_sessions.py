"""Inner pytest sessions running the report plugin, and the small French features they run."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[3]

ACCOUNT_FEATURE = """\
# language: fr
@patient @PAT-01-02
Fonctionnalité: Création de compte patient

  Scénario: Un compte est créé
    Étant donné qu'un patient existe
    Quand il s'inscrit
    Alors le compte est créé

  @PAT-01-03
  Scénario: Le compte <script>alert(1)</script> est refusé
    Étant donné qu'un patient existe
    Quand il s'inscrit
    Alors le compte est refusé
    Et un message est affiché

  Scénario: Une inscription impossible sur cette cible
    Étant donné que la cible ne permet pas l'inscription
    Quand il s'inscrit

  Scénario: Un compte sans portail
    Étant donné qu'un patient existe
"""

ACCOUNT_STEPS = """\
import pytest
from pytest_bdd import given, scenario, scenarios, then, when


@pytest.fixture
def portail():
    raise RuntimeError("portail injoignable")


@scenario("comptes.feature", "Un compte sans portail")
def test_sans_portail(portail):
    pass


scenarios("comptes.feature")


@given("un patient existe")
def patient():
    pass


@given("la cible ne permet pas l'inscription")
def cible_sans_inscription():
    pytest.skip("la cible n'offre pas l'inscription")


@when("il s'inscrit")
def inscription():
    pass


@then("le compte est créé")
def compte_cree():
    pass


@then("le compte est refusé")
def compte_refuse():
    assert False, "le portail a accepté <b>le compte</b>"


@then("un message est affiché")
def message():
    pass


def test_unitaire_qui_passe():
    pass


def test_unitaire_qui_echoue():
    assert 1 + 1 == 3
"""

# The files account_scenarios writes, for the tests that share one run of them.
ACCOUNT_FILES = {"comptes.feature": ACCOUNT_FEATURE, "test_comptes.py": ACCOUNT_STEPS}


@dataclass(frozen=True)
class InnerRun:
    """The outcome of an inner pytest session and the files the plugin wrote."""

    result: pytest.RunResult
    reports_dir: Path

    @property
    def summary(self) -> dict[str, Any]:
        """Return the content of summary.json."""
        return json.loads((self.reports_dir / "summary.json").read_text(encoding="utf-8"))

    @property
    def html(self) -> str:
        """Return the content of report.html."""
        return (self.reports_dir / "report.html").read_text(encoding="utf-8")

    @property
    def cucumber(self) -> list[dict[str, Any]]:
        """Return the content of cucumber.json."""
        return json.loads((self.reports_dir / "cucumber.json").read_text(encoding="utf-8"))

    @property
    def records(self) -> dict[str, Any]:
        """Return the content of records.json."""
        return json.loads((self.reports_dir / "records.json").read_text(encoding="utf-8"))

    @property
    def nodeids(self) -> list[str]:
        """Return the test ids of every result records.json holds, in report order."""
        return [result["nodeid"] for result in self.records["results"]]

    @property
    def junit_cases(self) -> list[tuple[str, str, str]]:
        """Return junit.xml's test cases in file order: class name, name and outcome."""
        return junit_cases(self.reports_dir / "junit.xml")

    @property
    def junit_counts(self) -> dict[str, str]:
        """Return the tests, errors, failures and skipped counts of junit.xml's suite."""
        suite = ET.parse(self.reports_dir / "junit.xml").getroot().find("testsuite")
        assert suite is not None
        return {name: suite.get(name, "") for name in ("tests", "errors", "failures", "skipped")}


def shared_session(
    root: Path, files: Mapping[str, str], *args: str, reports_dir: str = "out/reports"
) -> InnerRun:
    """Return the inner session of these files and arguments in a folder of root, run by its first caller."""
    key = json.dumps([sorted(files.items()), args, reports_dir])
    directory = root / f"run_{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    outcome = directory / "outcome.json"
    # xdist workers share root: the first to take the lock runs the session, the others wait for it.
    with (root / f"{directory.name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not outcome.exists():
            _run_session(directory, files, [*args], reports_dir, outcome)
    content = json.loads(outcome.read_text(encoding="utf-8"))
    result = pytest.RunResult(content["ret"], content["stdout"], content["stderr"], content["duration"])
    # As pytester does: the inner output is in the captured output of every test that fails on it.
    print("shared run:", *content["command"], "\n    in:", directory)
    print(*content["stdout"], sep="\n")
    print(*content["stderr"], sep="\n", file=sys.stderr)
    return InnerRun(result, directory / reports_dir)


def _run_session(
    directory: Path, files: Mapping[str, str], args: list[str], reports_dir: str, outcome: Path
) -> None:
    """Write the files into an empty directory, run pytest with the report plugin there, keep its outcome."""
    # A session stopped half way leaves files but no outcome: start again from nothing.
    shutil.rmtree(directory, ignore_errors=True)
    for name, text in files.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        (directory / name).write_text(text, encoding="utf-8")
    command = [
        sys.executable, "-m", "pytest", f"--basetemp={directory / 'runpytest-0'}",
        "-p", "harness.report.plugin", "--reports-dir", reports_dir, *args,
    ]
    # The environment run_inner gives an inner session through pytester: no outer options, no user
    # configuration, no colours, and the directory then the repository on the import path.
    env = {
        **os.environ, "PYTHONPATH": os.pathsep.join([str(directory), str(REPO_ROOT)]),
        "HOME": str(directory), "USERPROFILE": str(directory), "PY_COLORS": "0",
    }
    for name in ("PYTEST_ADDOPTS", "TOX_ENV_DIR"):
        env.pop(name, None)
    started = time.monotonic()
    completed = subprocess.run(
        command, cwd=directory, env=env, stdin=subprocess.DEVNULL, capture_output=True,
        encoding="utf-8", check=False,
    )
    content = {
        "command": command, "ret": completed.returncode, "stdout": completed.stdout.splitlines(),
        "stderr": completed.stderr.splitlines(), "duration": time.monotonic() - started,
    }
    # Written whole or not at all: a half-written outcome would pass for a finished session.
    partial = outcome.with_suffix(".partial")
    partial.write_text(json.dumps(content), encoding="utf-8")
    partial.replace(outcome)


def junit_cases(path: Path) -> list[tuple[str, str, str]]:
    """Return a junit.xml's test cases in file order: class name, name and outcome."""
    cases = ET.parse(path).getroot().iter("testcase")
    return [(case.get("classname", ""), case.get("name", ""), _junit_outcome(case)) for case in cases]


def _junit_outcome(case: ET.Element) -> str:
    """Return what a junit test case says happened: its failure, error or skip, or passed."""
    outcomes = [child.tag for child in case if child.tag in ("failure", "error", "skipped")]
    return "+".join(outcomes) or "passed"


def without_durations(content: Any) -> Any:
    """Return JSON content without its durations, the one thing that differs from run to run."""
    if isinstance(content, dict):
        return {key: without_durations(value) for key, value in content.items() if key != "duration"}
    if isinstance(content, list):
        return [without_durations(value) for value in content]
    return content


# A scenario that passes at once, one that fails once then passes (flaky), one that always fails.
FLAKY_FEATURE = """\
# language: fr
@patient @PAT-01-02
Fonctionnalité: Connexion instable

  Scénario: Une connexion qui réussit
    Étant donné qu'un patient existe
    Alors il est connecté

  Scénario: Une connexion instable
    Étant donné qu'un patient existe
    Alors il est connecté à la seconde tentative

  @PAT-01-03
  Scénario: Une connexion refusée
    Étant donné qu'un patient existe
    Alors la connexion est refusée
"""

FLAKY_STEPS = """\
from pytest_bdd import given, scenarios, then

scenarios("instable.feature")
# pytest-rerunfailures runs an attempt again in the same process (the same xdist worker).
ATTEMPTS = {"instable": 0}


@given("un patient existe")
def patient():
    pass


@then("il est connecté")
def connecte():
    pass


@then("il est connecté à la seconde tentative")
def seconde_tentative():
    ATTEMPTS["instable"] += 1
    assert ATTEMPTS["instable"] > 1, "le portail n'a pas répondu"


@then("la connexion est refusée")
def refusee():
    assert False, "connexion refusée"
"""
