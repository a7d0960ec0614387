"""Tests of the requirements matrix and of expected deviations in the reports of a run."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from report_sessions import InnerRun

from harness.deviations import evaluate, parse
from harness.report import merge
from harness.report import requirements_matrix as matrix
from harness.report.requirements_matrix import Catalogue
from harness.report.results import RunResults, TestResult
from harness.report.run_data import RunData, write_reports
from harness.requirements import REPO_ROOT, Requirement, ScenarioRef, load_catalogue
from harness.verdicts import CONFORMANCE, REFERENCE

pytest_plugins = ["pytester"]

# Requirements of the guides' page 10, and one the catalogue leaves out with a reason.
CATALOGUE_IDS = [r.id for r in load_catalogue(REPO_ROOT / "features" / "requirements.toml")]
LEFT_OUT_ID = "PAT-03-03"
DECLARED = '[[deviation]]\nrequirement = "PAT-10-02"\nreason = "pas de chiffre"\n'


def requirement(id_: str, left_out: str | None = None) -> Requirement:
    """Return a patient requirement of page 10 (or of the page its id names)."""
    return Requirement(id_, "patient", int(id_[4:6]), "Étape 2 – Mot de passe", f"Texte de {id_}", left_out)


def scenario(
    name: str, outcome: str = "passed", *, tags: tuple[str, ...] = (), verdict: str = CONFORMANCE,
    line: int = 3, nodeid: str | None = None,
) -> TestResult:
    """Return the result of a scenario of p10.feature that passed, failed or did not run."""
    failed = outcome == "failed"
    record: dict[str, Any] = {
        "feature": "Mot de passe", "feature_file": "patient/p10.feature", "feature_keyword": "Fonctionnalité",
        "feature_line": 1, "feature_description": "", "feature_tags": [], "keyword": "Scénario",
        "name": name, "line": line, "tags": list(tags), "verdict": verdict, "findings": [],
        "requirements": list(tags), "pages": [], "steps": [],
        "failing_step": "Alors la règle est rappelée" if failed else None,
        "error": "aucun message d'erreur" if failed else None,
        "error_type": "AssertionError" if failed else None, "slug": f"slug-{line}",
        "screenshot": None, "screenshot_error": None, "trace": None, "trace_error": None,
    }
    return TestResult(nodeid or f"test_guides.py::test_{line}", record,
                      failed_phase="call" if failed else None, error="boom" if failed else None,
                      skip_reason="la cible n'a pas d'horloge" if outcome == "not run" else None,
                      call_passed=outcome == "passed", failed_reports=int(failed))


def catalogue(
    *requirements: Requirement, refs: dict[str, tuple[ScenarioRef, ...]] | None = None
) -> Catalogue:
    """Return a catalogue of these requirements, the feature files' scenarios as given."""
    return Catalogue(requirements, refs or {})


def rows_by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Return the matrix's rows by requirement id."""
    return {row["id"]: row for row in rows}


def test_each_requirement_gets_the_verdict_of_its_conformance_scenarios():
    results = RunResults([
        scenario("Conforme", tags=("PAT-10-01", "PAT-10-02"), line=12),
        scenario("Chaque règle", "failed", tags=("PAT-10-02",), line=19),
        scenario("Masqués", "not run", tags=("PAT-10-03",), line=30),
        scenario("Bloqué", "failed", tags=("PAT-10-01",), verdict=REFERENCE, line=50),
    ])
    refs = {"PAT-10-04": (ScenarioRef("patient/p10.feature", "Étape précédente", 37, ("PAT-10-04",)),)}
    cat = catalogue(*(requirement(f"PAT-10-0{n}") for n in range(1, 5)), requirement("PAT-10-05"),
                    requirement(LEFT_OUT_ID, "The MyDSP app is outside the portal"), refs=refs)

    rows = rows_by_id(matrix.build(cat, results, evaluate(None, results)))

    assert {key: row["verdict"] for key, row in rows.items()} == {
        "PAT-10-01": "met", "PAT-10-02": "not met", "PAT-10-03": "not run", "PAT-10-04": "not run",
        "PAT-10-05": "left out", LEFT_OUT_ID: "left out",
    }
    assert rows["PAT-10-02"]["reason"] == (
        "Chaque règle at « Alors la règle est rappelée »: aucun message d'erreur")
    assert rows["PAT-10-03"]["reason"] == "la cible n'a pas d'horloge"
    assert rows["PAT-10-04"]["reason"] == matrix.NOT_SELECTED_REASON
    assert rows["PAT-10-04"]["scenarios"][0]["outcome"] == "not selected"
    assert rows["PAT-10-05"]["reason"] == matrix.UNCOVERED_REASON
    assert rows[LEFT_OUT_ID]["reason"] == "The MyDSP app is outside the portal"
    # The reference scenario's failure is a note beside the verdict, not the verdict.
    assert rows["PAT-10-01"]["notes"] == ["differs from the reference: Bloqué: aucun message d'erreur"]
    assert [s["outcome"] for s in rows["PAT-10-01"]["scenarios"]] == ["passed", "failed"]


def test_a_declared_failure_is_an_expected_deviation_and_another_failure_is_not():
    results = RunResults([
        scenario("Chaque règle", "failed", tags=("PAT-10-02",), line=19),
        scenario("Étape précédente", "failed", tags=("PAT-10-04",), line=37),
    ])
    declared = parse(DECLARED + 'ticket = "ESANTE-1"\n', "d.toml")
    outcomes = evaluate(declared, results)
    cat = catalogue(requirement("PAT-10-02"), requirement("PAT-10-04"))

    rows = rows_by_id(matrix.build(cat, results, outcomes))

    assert rows["PAT-10-02"]["verdict"] == "expected deviation"
    assert rows["PAT-10-02"]["reason"] == "pas de chiffre [ESANTE-1]"
    assert rows["PAT-10-02"]["deviations"] == [{"declared": "PAT-10-02", "status": "expected failure",
                                                "reason": "pas de chiffre", "ticket": "ESANTE-1",
                                                "where": "d.toml:1"}]
    assert rows["PAT-10-02"]["scenarios"][0]["outcome"] == "expected failure"
    assert rows["PAT-10-04"]["verdict"] == "not met"


def test_an_outline_example_is_named_by_its_parameters():
    results = RunResults([
        scenario("Chaque règle", tags=("PAT-10-02",), line=19,
                 nodeid="t.py::test_r[chromium-abc1234-au minimum 8 caract\\xe8res]"),
        scenario("Chaque règle", "failed", tags=("PAT-10-02",), line=19,
                 nodeid="t.py::test_r[chromium-abcdefgh-au moins un caract\\xe8re num\\xe9rique]"),
    ])

    row = matrix.build(catalogue(requirement("PAT-10-02")), results, evaluate(None, results))[0]

    assert [s["name"] for s in row["scenarios"]] == [
        "Chaque règle [abc1234-au minimum 8 caractères]",
        "Chaque règle [abcdefgh-au moins un caractère numérique]",
    ]


def test_the_csv_has_a_bom_fixed_columns_and_one_line_per_requirement(tmp_path: Path):
    results = RunResults([scenario("A, « b »", tags=("PAT-10-01",)),
                          scenario("C", "failed", tags=("PAT-10-01",), verdict=REFERENCE, line=9)])
    rows = matrix.build(catalogue(requirement("PAT-10-01"), requirement("PAT-10-02")), results,
                        evaluate(None, results))

    matrix.write(tmp_path, rows, {"target": "reference world"})

    raw = (tmp_path / "requirements.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == list(matrix.COLUMNS)
    assert [line[0] for line in table[1:]] == ["PAT-10-01", "PAT-10-02"]
    assert table[1][matrix.COLUMNS.index("scenarios")] == "A, « b » (passed) | C (reference, failed)"
    content = json.loads((tmp_path / "requirements.json").read_text(encoding="utf-8"))
    assert content["totals"] == {"met": 1, "not met": 0, "expected deviation": 0, "not run": 0, "left out": 1}


# The report plugin in inner sessions: the matrix and the deviations from a run's records.

PASSWORD_FEATURE = """\
# language: fr
@patient @p10
Fonctionnalité: Mot de passe

  @PAT-10-01
  Scénario: Le mot de passe est défini
    Quand le patient définit un mot de passe
    Alors il passe à l'étape suivante

  @PAT-10-02 @refus
  Plan du scénario: Une règle du mot de passe est rappelée
    Quand le patient saisit « <mot de passe> »
    Alors la règle « <règle> » est rappelée

    Exemples:
      | mot de passe | règle                           |
      | abc1234      | au minimum 8 caractères         |
      | abcdefgh     | au moins un caractère numérique |

  @PAT-10-03
  Scénario: Les caractères saisis sont masqués
    Étant donné que la cible ne le permet pas

  @PAT-10-04
  Scénario: « Etape précédente » ramène à l'étape 1
    Alors l'étape précédente s'affiche

  @reference @PAT-10-01
  Scénario: Le compte est bloqué après cinq essais
    Alors le compte est bloqué
"""

PASSWORD_STEPS = """\
import os

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

scenarios("mot_de_passe.feature")


@when("le patient définit un mot de passe")
def definit():
    pass


@then("il passe à l'étape suivante")
def suivante():
    pass


@when(parsers.parse("le patient saisit « {mot} »"), target_fixture="mot")
def saisit(mot):
    return mot


@then(parsers.parse("la règle « {regle} » est rappelée"))
def rappel(mot, regle):
    assert not (os.environ.get("FAULT") and mot == "abcdefgh"), f"aucun message n'indique « {regle} »"


@given("la cible ne le permet pas")
def cible():
    pytest.skip("la cible n'offre pas le masquage")


@then("l'étape précédente s'affiche")
def precedente():
    assert os.environ.get("PREVIOUS_FIXED"), "le lien « Etape précédente » manque"


@then("le compte est bloqué")
def bloque():
    assert False, "the account was still open after 5 attempts"
"""

DEVIATIONS = """\
[[deviation]]
requirement = "PAT-10-02"
reason = "Le portail n'impose pas de chiffre"
ticket = "ESANTE-1234"

[[deviation]]
scenario = "« Etape précédente » ramène à l'étape 1"
reason = "Le lien manque"

[[deviation]]
scenario = "Un scénario renommé depuis"
reason = "plus là"
"""


@pytest.fixture
def password_scenarios(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> None:
    """Write the password feature, its steps and a deviations file; the digit rule broken."""
    pytester.makefile(".feature", mot_de_passe=PASSWORD_FEATURE)
    pytester.makepyfile(test_mot_de_passe=PASSWORD_STEPS)
    pytester.makefile(".toml", deviations=DEVIATIONS)
    monkeypatch.setenv("FAULT", "1")


def matrix_of(run: InnerRun) -> dict[str, dict[str, Any]]:
    """Return the rows of a run's requirements.json by id."""
    content = json.loads((run.reports_dir / "requirements.json").read_text(encoding="utf-8"))
    return rows_by_id(content["requirements"])


@pytest.mark.usefixtures("password_scenarios")
@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_every_run_writes_a_row_for_every_requirement_of_both_guides(
    run_inner: Callable[..., InnerRun], workers: list[str]
):
    run = run_inner("--conformance-only", *workers)

    rows = matrix_of(run)
    assert list(rows) == sorted(CATALOGUE_IDS, key=lambda id_: (not id_.startswith("PAT"), id_[4:6], id_))
    assert {key: rows[key]["verdict"] for key in ("PAT-10-01", "PAT-10-02", "PAT-10-03", "PAT-10-04")} == {
        "PAT-10-01": "met", "PAT-10-02": "not met", "PAT-10-03": "not run", "PAT-10-04": "not met",
    }
    assert rows["PAT-10-03"]["reason"] == "la cible n'offre pas le masquage"
    assert rows["PAT-09-01"]["verdict"] == "not run"
    assert rows[LEFT_OUT_ID]["verdict"] == "left out"
    assert rows["PAT-10-01"]["notes"][0].startswith("differs from the reference: Le compte est bloqué")
    assert run.summary["requirements"]["totals"]["met"] == 1
    csv_ids = [line[0] for line in csv.reader(io.StringIO((run.reports_dir / "requirements.csv")
                                                           .read_text(encoding="utf-8-sig")))]
    assert csv_ids == ["id", *rows]


@pytest.mark.usefixtures("password_scenarios")
def test_declared_failures_are_expected_and_do_not_fail_the_run(run_inner: Callable[..., InnerRun]):
    run = run_inner("--conformance-only", "--deviations", "deviations.toml")

    assert run.result.ret == 0, run.result.stdout.str()
    output = run.result.stdout.str()
    assert "Deviations: 2 expected failures, 0 unexpected passes, 1 stale (deviations.toml)" in output
    assert "Conformance: 2 passed, 2 failed (2 expected), 1 not run" in output
    assert "EXPECTED FAILURE Mot de passe > Une règle du mot de passe est rappelée" in output
    assert "STALE deviation « Un scénario renommé depuis » (deviations.toml:10)" in output
    deviations = run.summary["deviations"]
    assert [item["declared"] for item in deviations["expected_failures"]] == [
        "PAT-10-02", "« « Etape précédente » ramène à l'étape 1 »"]
    assert deviations["stale"][0]["where"] == "deviations.toml:10"
    rows = matrix_of(run)
    assert rows["PAT-10-02"]["verdict"] == rows["PAT-10-04"]["verdict"] == "expected deviation"
    html = unescape(run.html)
    assert "Expected deviations" in html and "Le portail n'impose pas de chiffre [ESANTE-1234]" in html
    assert 'class="badge expected-failure">expected failure<' in html


@pytest.mark.usefixtures("password_scenarios")
def test_a_declared_failure_that_passes_fails_the_run(
    run_inner: Callable[..., InnerRun], monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PREVIOUS_FIXED", "1")
    monkeypatch.delenv("FAULT")

    run = run_inner("--conformance-only", "--deviations", "deviations.toml")

    assert run.result.ret == 1
    output = run.result.stdout.str()
    assert "Deviations: 0 expected failures, 2 unexpected passes, 1 stale" in output
    assert ("UNEXPECTED PASS PAT-10-02 (deviations.toml:1): Une règle du mot de passe est rappelée passed"
            in output)
    assert matrix_of(run)["PAT-10-02"]["deviations"][0]["status"] == "unexpected pass"


@pytest.mark.usefixtures("password_scenarios")
def test_a_mistake_in_the_deviations_file_stops_the_run_naming_its_line(
    run_inner: Callable[..., InnerRun], pytester: pytest.Pytester
):
    pytester.makefile(".toml", broken='[[deviation]]\nrequirement = "PAT-10-02"\nreasn = "typo"\n')

    run = run_inner("--deviations", "broken.toml")

    assert run.result.ret == pytest.ExitCode.USAGE_ERROR
    assert "broken.toml:3: unknown key 'reasn'" in run.result.stderr.str()


# merge-reports: the merged run's matrix, and shards that declared other deviations.


def run_data(results: list[TestResult], deviations: dict[str, Any] | None, **changes: Any) -> RunData:
    """Return a finished run of these results against a portal."""
    fields: dict[str, Any] = {
        "target": "http://portal/", "faker_seed": 7, "strict": False, "run_date": "2026-12-01",
        "started": "2026-12-01T10:00:00+01:00", "status": 0, "failed_reports": 0, "stopped": False,
        "shard": None, "deviations": deviations, **changes,
    }
    return RunData(results=RunResults(results), **fields)


def test_merged_shards_give_the_whole_run_its_matrix_and_its_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture
):
    declared = parse(DECLARED, "d.toml")
    failing = scenario("Chaque règle", "failed", tags=("PAT-10-02",), line=19)
    passing = scenario("Conforme", tags=("PAT-10-02",), line=12)
    data = declared.to_data()
    write_reports(tmp_path / "a", "a", run_data([failing], data, status=1, failed_reports=1, shard="1/2"))
    write_reports(tmp_path / "b", "b", run_data([passing], data, shard="2/2"))

    code = merge.main([str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")])

    assert code == 0, capsys.readouterr().out
    assert "1 expected failure, 0 unexpected passes" in capsys.readouterr().out
    rows = rows_by_id(json.loads((tmp_path / "out" / "requirements.json").read_text(encoding="utf-8"))
                      ["requirements"])
    assert rows["PAT-10-02"]["verdict"] == "expected deviation"
    assert [s["name"] for s in rows["PAT-10-02"]["scenarios"]][:2] == ["Conforme", "Chaque règle"]


def test_shards_with_other_deviations_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture):
    declared = parse(DECLARED, "d.toml")
    write_reports(tmp_path / "a", "a", run_data([scenario("A", line=3)], declared.to_data()))
    write_reports(tmp_path / "b", "b", run_data([scenario("B", line=4)], None))

    code = merge.main([str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(tmp_path / "out")])

    assert code == merge.REFUSED
    assert "declared different expected deviations" in capsys.readouterr().err


def test_a_requirement_met_only_by_a_flaky_scenario_is_met_flaky():
    flaky = scenario("Instable", tags=("PAT-10-01",), line=12)
    flaky.attempts = [{"phase": "call", "error": "le portail n'a pas répondu\nassert 1 > 1",
                       "failing_step": "Alors la règle est rappelée"}]
    results = RunResults([flaky, scenario("Conforme", tags=("PAT-10-02",), line=19),
                          scenario("Aussi conforme", tags=("PAT-10-02",), line=25, nodeid="t::other")])
    rows = rows_by_id(matrix.build(catalogue(requirement("PAT-10-01"), requirement("PAT-10-02")),
                                   results, evaluate(None, results)))

    assert rows["PAT-10-01"]["verdict"] == "met"
    assert rows["PAT-10-01"]["reason"] == (
        "met (flaky): Instable passed at attempt 2, after: le portail n'a pas répondu")
    [shown] = rows["PAT-10-01"]["scenarios"]
    assert shown["outcome"] == "flaky"
    assert rows["PAT-10-02"]["reason"] == ""
