"""Inner pytest sessions running the report plugin, and the small French features they run."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
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
