"""Tests of junit.xml as CI tools read it: one class per feature, French titles, short properties."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from junitparser import JUnitXml, Properties, TestCase
from report_sessions import ACCOUNT_FILES, InnerRun

from benchmarks.junit import acceptance_cases, read_cases
from harness.report import junit
from harness.report.results import TestResult

pytest_plugins = ["pytester"]

OUTLINE_FEATURE = """\
# language: fr
@patient
Fonctionnalité: Étape 3 – Sécurisation du compte

  @p11 @PAT-11-01
  Plan du scénario: Le patient reçoit son code
    Quand il choisit « <canal> »
    Alors il reçoit un code par <message>

    Exemples:
      | canal  | message                        |
      | Mobile | SMS                            |
      | E-mail | e-mail                         |
      | Carte  | carte d'identité électronique  |
"""

OUTLINE_STEPS = """\
from pytest_bdd import parsers, scenarios, then, when

scenarios("patient/p11.securisation.feature")


@when(parsers.parse("il choisit « {canal} »"))
def choix(canal):
    pass


@then(parsers.parse("il reçoit un code par {message}"))
def code(message):
    pass
"""

JUNIT = "out/junit.xml"
# The account scenarios, and an outline in a features subfolder.
JUNIT_FILES = {
    **ACCOUNT_FILES,
    "patient/p11.securisation.feature": OUTLINE_FEATURE,
    "test_securisation.py": OUTLINE_STEPS,
}
# A passed scenario's test case: its name, class and four properties, not a record's repr.
MAX_PASSED_CASE_BYTES = 600


@pytest.fixture
def junit_run(shared_run: Callable[..., InnerRun]) -> Path:
    """Run the account scenarios and an outline in a features subfolder once; return junit.xml."""
    run = shared_run(JUNIT_FILES, f"--junitxml={JUNIT}")
    # The reports are in out/reports of the run's folder.
    return run.reports_dir.parents[1] / JUNIT


@pytest.fixture
def accounts(junit_run: Path) -> str:
    """Return the class of comptes.feature: pytest-bdd names a feature file with its folder's name."""
    # As it names the project's features patient/p09_code_activation.feature. junit.xml is out/junit.xml
    # in the run's folder.
    return f"{junit_run.parents[1].name}.comptes"


def cases(path: Path) -> dict[tuple[str, str], TestCase]:
    """Return junit.xml's test cases by class name and name, as a JUnit consumer library reads them."""
    return {(case.classname, case.name): case for suite in JUnitXml.fromfile(str(path)) for case in suite}


def properties(case: TestCase) -> dict[str, str]:
    """Return a test case's properties."""
    found = case.child(Properties)
    return {prop.name: prop.value for prop in found} if found is not None else {}


def test_scenarios_are_named_by_feature_and_french_title(junit_run: Path, accounts: str):
    found = cases(junit_run)

    assert sorted(found) == sorted([
        (accounts, "Le compte <script>alert(1)</script> est refusé"),
        (accounts, "Un compte est créé"),
        (accounts, "Un compte sans portail"),
        (accounts, "Une inscription impossible sur cette cible"),
        # The folder under the features is the package, the file the class; its dot is not a package.
        ("patient.p11_securisation", "Le patient reçoit son code [Carte, carte d'identité électronique]"),
        ("patient.p11_securisation", "Le patient reçoit son code [E-mail, e-mail]"),
        ("patient.p11_securisation", "Le patient reçoit son code [Mobile, SMS]"),
        # Tests that are not scenarios keep pytest's names.
        ("test_comptes", "test_unitaire_qui_echoue"),
        ("test_comptes", "test_unitaire_qui_passe"),
    ])


def test_the_file_is_utf8_without_python_escapes(junit_run: Path):
    content = junit_run.read_bytes()

    assert "carte d'identité électronique".encode() in content
    assert b"\\x" not in content
    assert b"esante_scenario" not in content


def test_scenarios_carry_short_properties_and_no_record(junit_run: Path, accounts: str):
    found = cases(junit_run)
    refused = found[(accounts, "Le compte <script>alert(1)</script> est refusé")]
    outline = found[("patient.p11_securisation", "Le patient reçoit son code [Mobile, SMS]")]

    assert properties(refused) == {
        "feature": "Création de compte patient",
        "requirements": "PAT-01-02,PAT-01-03",
        "tags": "PAT-01-02,PAT-01-03,patient",
        "verdict": "conformance",
    }
    assert properties(outline)["tags"] == "PAT-11-01,p11,patient"
    assert properties(found[("test_comptes", "test_unitaire_qui_passe")]) == {}
    for case in found.values():
        if case.is_passed:
            assert len(case.tostring()) < MAX_PASSED_CASE_BYTES, case.tostring()


def test_outcomes_and_skip_reasons_are_kept(junit_run: Path, accounts: str):
    found = cases(junit_run)

    skipped = found[(accounts, "Une inscription impossible sur cette cible")]
    assert skipped.is_skipped
    assert [result.message for result in skipped.result] == ["la cible n'offre pas l'inscription"]
    assert found[(accounts, "Le compte <script>alert(1)</script> est refusé")].is_failure
    assert found[(accounts, "Un compte sans portail")].is_error
    assert found[(accounts, "Un compte est créé")].is_passed
    suite = next(iter(JUnitXml.fromfile(str(junit_run))))
    assert (suite.tests, suite.failures, suite.errors, suite.skipped) == (9, 2, 1, 1)


def test_the_same_scenario_twice_keeps_pytest_names_apart():
    record = {"feature": "F", "feature_file": "f.feature", "name": "S", "requirements": [], "tags": [],
              "verdict": "conformance"}
    results = [TestResult(f"tests/test_f.py::test_s[{name}]", record) for name in ("chromium", "firefox")]

    named = junit.scenario_cases(results)

    assert sorted(case.name for case in named.values()) == [
        "S (test_s[chromium])", "S (test_s[firefox])",
    ]


def test_cases_are_found_under_the_name_pytest_gave_them():
    # pytest escapes the non-ASCII characters of parameter ids, not those of function names.
    name = "test_r\u00e8gle[chromium-caract\\xe8re]"

    assert junit.pytest_key(f"tests/acceptance/test_g.py::{name}") == ("tests.acceptance.test_g", name)
    assert junit.pytest_key(f"tests/test_f.py::{name}", "ci") == ("ci.tests.test_f", name)


def test_a_merge_keeps_the_renamed_cases(tmp_path: Path):
    document = ET.fromstring(
        '<testsuites><testsuite name="pytest" tests="1" errors="0" failures="0" skipped="0" time="1">'
        '<testcase classname="tests.test_f" name="test_s" time="1"><properties>'
        '<property name="esante_scenario" value="{\'feature\': ...}"/></properties></testcase>'
        "</testsuite></testsuites>"
    )
    path = tmp_path / "junit.xml"
    junit.write(document, path)
    record = {"feature": "F", "feature_file": "guide/f.feature", "name": "S", "requirements": ["PAT-01-01"],
              "tags": ["PAT-01-01"], "verdict": "conformance"}

    junit.order_file(path, junit.scenario_cases([TestResult("tests/test_f.py::test_s", record)]))
    merged = junit.merge([ET.parse(path).getroot()])

    [case] = merged.iter("testcase")
    assert (case.get("classname"), case.get("name")) == ("guide.f", "S")
    names = [prop.get("name") for prop in case.iter("property")]
    assert names == ["feature", "requirements", "tags", "verdict"]


def test_the_benchmarks_read_the_scenarios_of_this_junit(junit_run: Path):
    # benchmarks/ times scenarios from the harness's junit.xml: it must tell them from other tests.
    scenarios = acceptance_cases(read_cases(junit_run))

    assert len(scenarios) == 7
    assert "Le patient reçoit son code [Mobile, SMS]" in {case.name for case in scenarios}
    assert not any(case.name.startswith("test_") for case in scenarios)
