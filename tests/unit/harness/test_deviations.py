"""Tests of the expected-deviations file: what it refuses, how entries match, what each becomes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from harness.deviations import (
    EXPECTED_FAILURE,
    NOT_RUN,
    STALE,
    UNEXPECTED_PASS,
    DeviationsError,
    evaluate,
    from_data,
    load,
    parse,
)
from harness.profiles import ProfileError, load_profile
from harness.report.results import RunResults, TestResult, exit_status
from harness.verdicts import CONFORMANCE, REFERENCE

FILE = "staging.deviations.toml"
KNOWN = {"PAT-10-01", "PAT-10-02", "PAT-10-04"}

VALID = """\
# What the staging portal is known to fail.

[[deviation]]
requirement = "PAT-10-02"
reason = "Le portail n'impose pas de chiffre"
ticket = "ESANTE-1234"

[[deviation]]
scenario = "Les Conditions Générales d'Utilisation se téléchargent en PDF"
feature = "Activation professionnelle"
reason = "Le PDF n'est pas encore publié"
"""


def scenario(
    name: str, outcome: str = "passed", *, requirements: tuple[str, ...] = (), verdict: str = CONFORMANCE,
    feature: str = "Mot de passe", line: int = 3,
) -> TestResult:
    """Return the result of a scenario that passed, failed once, or did not run."""
    record: dict[str, Any] = {"name": name, "feature": feature, "feature_file": "p10.feature", "line": line,
                              "verdict": verdict, "requirements": list(requirements), "failing_step": None,
                              "findings": [], "error": None, "error_type": None}
    failed = outcome == "failed"
    return TestResult(f"test_guides.py::test_{line}", record,
                      failed_phase="call" if failed else None, error="boom" if failed else None,
                      skip_reason="la cible n'a pas d'horloge" if outcome == "not run" else None,
                      call_passed=outcome == "passed", failed_reports=1 if failed else 0)


def declared(text: str) -> Any:
    """Return the entries of a deviations file's text."""
    return parse(text, FILE, KNOWN)


def refusal(text: str) -> str:
    """Return the message a deviations file is refused with."""
    with pytest.raises(DeviationsError) as refused:
        declared(text)
    return str(refused.value)


def test_a_valid_file_gives_its_entries_with_their_lines():
    deviations = declared(VALID)

    first, second = deviations.entries
    assert (first.requirement, first.ticket, first.line) == ("PAT-10-02", "ESANTE-1234", 3)
    assert first.because == "Le portail n'impose pas de chiffre [ESANTE-1234]"
    assert (second.feature, second.ticket, second.line) == ("Activation professionnelle", None, 8)
    assert second.scenario == "Les Conditions Générales d'Utilisation se téléchargent en PDF"
    assert deviations.where(second) == f"{FILE}:8"
    assert from_data(deviations.to_data()) == deviations


# The head of an entry declaring PAT-10-02, its reason to follow.
ENTRY = '[[deviation]]\nrequirement = "PAT-10-02"\n'


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (ENTRY + 'reasn = "typo"\n', f"{FILE}:3: unknown key 'reasn'"),
        (ENTRY, f"{FILE}:1: the deviation has no reason"),
        ('\n[[deviation]]\nreason = "x"\n', f"{FILE}:2: a deviation names either a requirement or a"),
        (ENTRY + 'scenario = "S"\nreason = "x"\n', "exactly one of them"),
        (ENTRY.replace("02", "2") + 'reason = "x"\n', f"{FILE}:2: requirement 'PAT-10-2' is not"),
        (ENTRY.replace("10-02", "99-01") + 'reason = "x"\n', "PAT-99-01 is not in features/requirements"),
        (ENTRY + 'reason = ""\n', f"{FILE}:3: reason must be a non-empty string"),
        (ENTRY + 'reason = "x"\nticket = 1234\n', f"{FILE}:4: ticket must be a non-empty string"),
        (ENTRY + 'feature = "F"\nreason = "x"\n', f"{FILE}:3: feature only narrows a scenario entry"),
        ('expected = "PAT-10-02"\n', f"{FILE}:1: unknown key 'expected'"),
        (ENTRY + 'reason = "x"\n\n' + ENTRY + 'reason = "y"\n', f"{FILE}:5: PAT-10-02 is already declared"),
        ('[[deviation]\nreason = "x"\n', f"{FILE}: not valid TOML"),
    ],
)
def test_a_mistake_is_refused_naming_its_line(text: str, message: str):
    assert message in refusal(text)


def test_a_missing_file_is_refused(tmp_path: Path):
    with pytest.raises(DeviationsError, match="cannot read the deviations file"):
        load(tmp_path / "absent.toml", "absent.toml")


def test_a_requirement_entry_matches_its_conformance_scenarios_only():
    entry = declared(VALID).entries[0]

    assert entry.matches(scenario("S", requirements=("PAT-10-02",)).record)
    assert not entry.matches(scenario("S", requirements=("PAT-10-01",)).record)
    reference = scenario("S", requirements=("PAT-10-02",), verdict=REFERENCE)
    assert not entry.matches(reference.record)


def test_a_scenario_entry_matches_its_exact_title_in_the_feature_named():
    entry = declared(VALID).entries[1]
    title = "Les Conditions Générales d'Utilisation se téléchargent en PDF"

    assert entry.matches(scenario(title, feature="Activation professionnelle").record)
    assert not entry.matches(scenario(title, feature="Activation patient").record)
    assert not entry.matches(scenario(title[:-4], feature="Activation professionnelle").record)


DECLARED = """\
[[deviation]]
requirement = "PAT-10-02"
reason = "pas de chiffre"

[[deviation]]
requirement = "PAT-10-01"
reason = "corrigé depuis"

[[deviation]]
requirement = "PAT-10-04"
reason = "sans horloge"

[[deviation]]
scenario = "Un scénario renommé"
reason = "plus là"
"""


def run_of(*results: TestResult) -> RunResults:
    """Return a run of these results."""
    return RunResults(results)


def test_each_entry_becomes_an_expected_failure_an_unexpected_pass_not_run_or_stale():
    failing = scenario("Chaque règle", "failed", requirements=("PAT-10-02",), line=19)
    passing = scenario("Conforme", requirements=("PAT-10-01", "PAT-10-02"), line=12)
    skipped = scenario("Expire", "not run", requirements=("PAT-10-04",), line=40)
    deviations = declared(DECLARED)

    outcomes = evaluate(deviations, run_of(failing, passing, skipped))

    first, second, third, fourth = deviations.entries
    assert outcomes.status == {
        first: EXPECTED_FAILURE, second: UNEXPECTED_PASS, third: NOT_RUN, fourth: STALE,
    }
    # Only the failure is expected: the requirement's passing scenario is no surprise.
    assert outcomes.expected == {failing.nodeid: first}
    assert outcomes.unexpected == {passing.nodeid: second}
    assert outcomes.unexpected_passes == [second]


def test_expected_failures_forgive_their_reports_and_unexpected_passes_fail_the_run():
    failing = scenario("Chaque règle", "failed", requirements=("PAT-10-02",), line=19)
    results = run_of(failing)
    outcomes = evaluate(declared(DECLARED), results)
    forgiven = outcomes.expected_failed_reports(results, strict=True)
    options = {"strict": True, "advisory_failed_reports": 0, "stopped": False}

    assert forgiven == 1
    assert exit_status(1, failed_reports=1, expected_failed_reports=forgiven, **options) == 0
    # Another failure beside the expected one still fails the run.
    assert exit_status(1, failed_reports=2, expected_failed_reports=forgiven, **options) == 1
    assert exit_status(0, failed_reports=0, unexpected_passes=1, **options) == 1
    # An interrupted run keeps its own status.
    assert exit_status(2, failed_reports=1, expected_failed_reports=1, unexpected_passes=1, **options) == 2


def test_an_advisory_failure_is_not_forgiven_twice_without_strict_verdicts():
    differs = scenario("Bloqué", "failed", verdict=REFERENCE, line=30)
    results = RunResults([differs], advisory_failed_reports=1)
    outcomes = evaluate(declared('[[deviation]]\nscenario = "Bloqué"\nreason = "5 essais"\n'), results)

    assert outcomes.expected_failed_reports(results, strict=False) == 0
    assert outcomes.expected_failed_reports(results, strict=True) == 1


def test_without_a_file_nothing_is_expected():
    outcomes = evaluate(None, run_of(scenario("S", "failed")))

    assert outcomes.expected == {} and outcomes.unexpected_passes == []
    assert outcomes.summary(run_of()) is None


def test_a_profile_names_its_deviations_file_beside_it(tmp_path: Path):
    (tmp_path / "targets").mkdir()
    profile = tmp_path / "targets" / "staging.toml"
    portal = '[portal]\nurl = "https://portal.example/"\n\n'
    profile.write_text(portal + '[deviations]\nfile = "staging.deviations.toml"\n', encoding="utf-8")

    assert load_profile("staging", tmp_path).deviations == tmp_path / "targets" / "staging.deviations.toml"

    profile.write_text(portal + '[deviations]\npath = "x.toml"\n', encoding="utf-8")
    with pytest.raises(ProfileError, match=r"\[deviations\] takes only file, not path"):
        load_profile("staging", tmp_path)
