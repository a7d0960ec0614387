"""Tests of the four verdicts in the report plugin: findings, summaries and the exit code."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html import unescape

import pytest
from report_sessions import InnerRun

pytest_plugins = ["pytester"]

VERDICT_FEATURE = """\
# language: fr
@patient
Fonctionnalité: Mot de passe du patient

  @p10
  Scénario: Le mot de passe est choisi
    Étant donné un formulaire de mot de passe
    Quand le patient choisit un mot de passe
    Alors le mot de passe est accepté

  @reference @p12
  Scénario: Le compte est bloqué après trois essais
    Étant donné un formulaire de mot de passe
    Alors le compte est bloqué après trois essais

  @accessibilite @p21
  Scénario: Les erreurs sont annoncées
    Étant donné un formulaire de mot de passe
    Alors l'erreur est annoncée
"""

VERDICT_STEPS = """\
import os

from pytest_bdd import given, scenarios, then, when

from harness.verdicts import LOG, advise, differs

scenarios("mot_de_passe.feature")


@given("un formulaire de mot de passe")
def formulaire():
    pass


@when("le patient choisit un mot de passe")
def choix():
    if os.environ.get("NO_FINDINGS"):
        return
    advise("« Connexion » was found outside any banner landmark", "1.3.1 Info and Relationships",
           page="/connexion")
    differs("the error does not name the rule « au minimum 8 caractères »")


@then("le mot de passe est accepté")
def accepte():
    pass


@then("le compte est bloqué après trois essais")
def bloque():
    assert os.environ.get("REFERENCE_PASSES"), "the account was still open after 5 attempts"


@then("l'erreur est annoncée")
def annoncee():
    assert os.environ.get("ACCESSIBILITY_PASSES"), "WCAG 3.3.1: the error is not announced"


def test_sans_constat():
    assert LOG.collected() == []
"""

CONFORMANCE_FAILURE_STEPS = VERDICT_STEPS.replace(
    'def accepte():\n    pass', 'def accepte():\n    assert False, "the password was refused"'
)

# The files verdict_scenarios writes, for the tests that share one run of them.
VERDICT_FILES = {"mot_de_passe.feature": VERDICT_FEATURE, "test_mot_de_passe.py": VERDICT_STEPS}

CONFORMANCE_ONLY = ("--conformance-only",)
STRICT = ("--all-verdicts",)
OTHER_PORTAL = ("--base-url", "http://portal.invalid")


@pytest.fixture
def verdict_scenarios(pytester: pytest.Pytester) -> None:
    """Write a feature with a conformance, a reference and an accessibility scenario."""
    pytester.makefile(".feature", mot_de_passe=VERDICT_FEATURE)
    pytester.makepyfile(test_mot_de_passe=VERDICT_STEPS)


@pytest.mark.parametrize("options", [CONFORMANCE_ONLY, OTHER_PORTAL], ids=["option", "base-url"])
def test_only_conformance_decides_without_strict_verdicts(
    shared_run: Callable[..., InnerRun], options: tuple[str, ...]
):
    run = shared_run(VERDICT_FILES, *options)

    run.result.assert_outcomes(passed=2, failed=2)
    assert run.result.ret == 0
    summary = run.summary
    assert summary["strict"] is False
    assert summary["verdicts"]["conformance"] == {"passed": 1, "flaky": 0, "failed": 0, "not_run": 0}
    assert summary["verdicts"]["reference"] == {
        "as_reference": 0, "flaky": 0, "differs": 1, "not_run": 0, "findings": 1,
    }
    accessibility = summary["verdicts"]["accessibility"]
    assert accessibility["advisories"] == 2
    assert accessibility["criteria"] == {"1.3.1": 1, "3.3.1": 1}
    assert summary["failed_scenarios"] == []
    [differing] = summary["differing_scenarios"]
    assert differing["name"] == "Le compte est bloqué après trois essais"
    assert differing["message"] == "the account was still open after 5 attempts"
    run.result.stdout.fnmatch_lines(
        [
            "Scenarios: 1 passed, 2 failed, 0 not run",
            "Conformance: 1 passed, 0 failed, 0 not run",
            "Reference behaviour: 0 as the reference, 1 differs from the reference, "
            "1 difference recorded by steps",
            "Accessibility: 0 scenarios passed, 1 failed, 2 advisories (WCAG 1.3.1 ×1, WCAG 3.3.1 ×1)",
            "(conformance only decides the exit code; --all-verdicts counts the others)",
        ]
    )
    run.result.stdout.fnmatch_lines(
        [
            "DIFFERS Mot de passe du patient > Le compte est bloqué après trois essais "
            "| step: Alors le compte est bloqué après trois essais "
            "| the account was still open after 5 attempts",
            "ADVISORY WCAG 1.3.1 « Connexion » was found outside any banner landmark | page: /connexion "
            "| Mot de passe du patient > Le mot de passe est choisi",
        ]
    )


@pytest.mark.usefixtures("verdict_scenarios")
@pytest.mark.parametrize("options", [STRICT, ()], ids=["option", "reference-world"])
def test_strict_verdicts_fail_the_run_and_the_step_of_a_finding(
    run_inner: Callable[..., InnerRun], options: tuple[str, ...]
):
    run = run_inner(*options)

    run.result.assert_outcomes(passed=1, failed=3)
    assert run.result.ret == 1
    summary = run.summary
    assert summary["strict"] is True
    [failure] = summary["failed_scenarios"]
    # The first finding fails its step, so the second is never made.
    assert failure["failing_step"] == "Quand le patient choisit un mot de passe"
    [finding] = summary["findings"]
    assert finding["criterion"] == "1.3.1 Info and Relationships"
    run.result.stdout.fnmatch_lines(["(strict: reference, accessibility and security count)"])


@pytest.mark.usefixtures("verdict_scenarios")
def test_every_verdict_as_expected_passes_strictly(
    run_inner: Callable[..., InnerRun], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("NO_FINDINGS", "1")
    monkeypatch.setenv("REFERENCE_PASSES", "1")
    monkeypatch.setenv("ACCESSIBILITY_PASSES", "1")

    run = run_inner(*STRICT)

    assert run.result.ret == 0
    verdicts = run.summary["verdicts"]
    assert verdicts["reference"]["as_reference"] == 1
    assert verdicts["accessibility"]["advisories"] == 0
    run.result.stdout.fnmatch_lines(
        [
            "Reference behaviour: 1 as the reference, 0 differ from the reference",
            "Accessibility: 1 scenario passed, 0 advisories",
        ]
    )


@pytest.mark.parametrize("options", [CONFORMANCE_ONLY, STRICT], ids=["conformance-only", "strict"])
def test_a_failed_conformance_scenario_fails_the_run(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun], options: tuple[str, ...]
):
    pytester.makefile(".feature", mot_de_passe=VERDICT_FEATURE)
    pytester.makepyfile(test_mot_de_passe=CONFORMANCE_FAILURE_STEPS)

    run = run_inner(*options)

    assert run.result.ret == 1
    [failure] = run.summary["failed_scenarios"]
    assert failure["name"] == "Le mot de passe est choisi"


def test_findings_carry_their_step_into_summary_and_html(shared_run: Callable[..., InnerRun]):
    run = shared_run(VERDICT_FILES, *CONFORMANCE_ONLY)

    step = "Quand le patient choisit un mot de passe"
    assert run.summary["findings"] == [
        {
            "scenario": "Le mot de passe est choisi",
            "feature": "Mot de passe du patient",
            "step": step,
            "verdict": "accessibility",
            "criterion": "1.3.1 Info and Relationships",
            "message": "« Connexion » was found outside any banner landmark",
            "page": "/connexion",
        },
        {
            "scenario": "Le mot de passe est choisi",
            "feature": "Mot de passe du patient",
            "step": step,
            "verdict": "reference",
            "criterion": None,
            "message": "the error does not name the rule « au minimum 8 caractères »",
            "page": None,
        },
    ]
    text = unescape(run.html)
    assert "accessibility advisory, WCAG 1.3.1 Info and Relationships" in text
    assert "WCAG 3.3.1" in text
    assert "the error does not name the rule « au minimum 8 caractères »" in text
    assert "Differs from the reference" in text


def test_html_names_a_failed_reference_scenario_as_differing(shared_run: Callable[..., InnerRun]):
    html = shared_run(VERDICT_FILES, *CONFORMANCE_ONLY).html

    assert '<span class="badge differs">differs from the reference</span>' in html
    assert '<span class="badge advisory">advisory</span>' in html
    assert '<span class="badge failed">failed</span>' not in html
    assert "reference behaviour</span>" in html
    assert "Only conformance decides the exit code" in html


@pytest.mark.usefixtures("verdict_scenarios")
@pytest.mark.parametrize("workers", ["0", "2"])
def test_findings_stay_with_the_test_that_made_them(
    run_inner: Callable[..., InnerRun], workers: str
):
    # One worker process, or none, runs every test in turn: the log must be fresh for each.
    run = run_inner(*CONFORMANCE_ONLY, "-n", workers)

    # test_sans_constat, a plain test run after the scenarios, checks it is handed no finding.
    run.result.assert_outcomes(passed=2, failed=2)
    # Under xdist too, the controller's exit code leaves the advisory failures out.
    assert run.result.ret == 0
    assert {finding["scenario"] for finding in run.summary["findings"]} == {
        "Le mot de passe est choisi"
    }


def test_records_name_guide_pages_past_the_ninth(shared_run: Callable[..., InnerRun]):
    text = unescape(shared_run(VERDICT_FILES, *CONFORMANCE_ONLY).html)

    assert "guide pages: patient, p10" in text
    assert "guide pages: patient, p12" in text
    assert "guide pages: patient, p21" in text


SECURITY_FEATURE = """\
# language: fr
@securite
Fonctionnalité: Sessions du portail

  @ASVS-7.2.1
  Scénario: La session expire après inactivité
    Étant donné une session ouverte
    Alors la session expire

  @ASVS-3.3.1
  Scénario: Le cookie de session est HttpOnly
    Étant donné une session ouverte
    Alors le cookie est HttpOnly
"""

SECURITY_STEPS = """\
import os

from pytest_bdd import given, scenarios, then

scenarios("sessions.feature")


@given("une session ouverte")
def session():
    pass


@then("la session expire")
def expire():
    pass


@then("le cookie est HttpOnly")
def httponly():
    assert os.environ.get("SECURITY_PASSES"), "the session cookie lacks HttpOnly"
"""


@pytest.fixture
def security_scenarios(pytester: pytest.Pytester) -> None:
    """Write a security feature: one scenario that passes, one that fails unless told."""
    pytester.makefile(".feature", sessions=SECURITY_FEATURE)
    pytester.makepyfile(test_sessions=SECURITY_STEPS)


@pytest.mark.usefixtures("security_scenarios")
def test_security_is_a_verdict_apart_from_conformance(run_inner: Callable[..., InnerRun]):
    run = run_inner(*OTHER_PORTAL, "--junitxml=out/reports/junit.xml")

    # Against another portal a security failure is reported, and decides nothing by default.
    assert run.result.ret == 0
    summary = run.summary
    assert summary["verdicts"]["security"] == {"passed": 1, "flaky": 0, "failed": 1, "not_run": 0}
    assert summary["verdicts"]["conformance"] == {"passed": 0, "flaky": 0, "failed": 0, "not_run": 0}
    assert summary["failed_scenarios"] == []
    [insecure] = summary["security_scenarios"]
    assert insecure["security_requirements"] == ["ASVS-3.3.1"]
    assert insecure["message"] == "the session cookie lacks HttpOnly"
    run.result.stdout.fnmatch_lines([
        "Security: 1 passed, 1 failed, 0 not run",
        "(conformance only decides the exit code; --all-verdicts counts the others)",
    ])
    run.result.stdout.fnmatch_lines([
        "SECURITY ASVS-3.3.1 Sessions du portail > Le cookie de session est HttpOnly "
        "| step: Alors le cookie est HttpOnly | the session cookie lacks HttpOnly",
    ])
    assert '<span class="badge security-failure">security failure</span>' in run.html
    assert "<h2>Security failures</h2>" in run.html
    properties = {(case.get("name"), prop.get("name")): prop.get("value")
                  for case in ET.parse(run.reports_dir / "junit.xml").iter("testcase")
                  for prop in case.iter("property")}
    cookie = "Le cookie de session est HttpOnly"
    assert properties[(cookie, "verdict")] == "security"
    assert properties[(cookie, "security_requirements")] == "ASVS-3.3.1"
    assert properties[("La session expire après inactivité", "verdict")] == "security"


@pytest.mark.usefixtures("security_scenarios")
@pytest.mark.parametrize(("options", "note"), [
    (STRICT, "(strict: reference, accessibility and security count)"),
    ((*OTHER_PORTAL, "--count-security"),
     "(conformance and security decide the exit code; --all-verdicts counts the others)"),
], ids=["strict", "count-security"])
def test_a_security_failure_fails_a_run_that_counts_security(
    run_inner: Callable[..., InnerRun], options: tuple[str, ...], note: str
):
    run = run_inner(*options)

    assert run.result.ret == 1
    run.result.stdout.fnmatch_lines([note])


@pytest.mark.usefixtures("verdict_scenarios", "security_scenarios")
def test_count_security_leaves_the_other_advisory_verdicts_reported(
    run_inner: Callable[..., InnerRun], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("SECURITY_PASSES", "1")

    run = run_inner(*OTHER_PORTAL, "--count-security")

    # The reference and accessibility scenarios still fail, and are still only reported.
    assert run.result.ret == 0
    assert run.summary["count_security"] is True
    assert run.summary["verdicts"]["security"]["passed"] == 2


@pytest.mark.usefixtures("security_scenarios")
def test_security_scenarios_get_asvs_rows_apart_from_the_guides(run_inner: Callable[..., InnerRun]):
    run = run_inner(*CONFORMANCE_ONLY)

    matrix = json.loads((run.reports_dir / "requirements.json").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in matrix["security"]}
    assert rows["ASVS-7.2.1"]["verdict"] == "met"
    assert rows["ASVS-3.3.1"]["verdict"] == "not met"
    assert "the session cookie lacks HttpOnly" in rows["ASVS-3.3.1"]["reason"]
    # No guide instruction is judged by a security scenario, nor is any ASVS id a guide row.
    assert not [row for row in matrix["requirements"] if row["id"].startswith("ASVS")]
    assert all(row["verdict"] in ("not run", "left out") for row in matrix["requirements"])
    assert run.summary["requirements"]["security_totals"]["not met"] >= 1


@pytest.mark.usefixtures("security_scenarios")
def test_an_expected_security_failure_is_forgiven_when_security_counts(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    pytester.makefile(".toml", deviations='[[deviation]]\nscenario = "Le cookie de session est HttpOnly"\n'
                                          'reason = "Le portail pose le cookie côté client"\n')

    run = run_inner(*OTHER_PORTAL, "--count-security", "--deviations", "deviations.toml")

    assert run.result.ret == 0
    [expected] = run.summary["deviations"]["expected_failures"]
    assert expected["declared"] == "« Le cookie de session est HttpOnly »"
    run.result.stdout.fnmatch_lines(["SECURITY (expected) ASVS-3.3.1 Sessions du portail > *"])
