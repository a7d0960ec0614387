"""Retries with pytest-rerunfailures: a scenario that passes after a failed attempt is flaky, not passed.

It is counted apart in the terminal, summary.json, report.html, junit.xml (Surefire's
flakyFailure), cucumber.json (an @flaky tag and the failed attempt as output) and the
requirements matrix, serially and under pytest-xdist; a flaky pass alone does not fail the run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from cucumber_report import schema_errors
from report_sessions import FLAKY_FEATURE, FLAKY_STEPS, InnerRun

pytest_plugins = ["pytester"]

FLAKY = "Une connexion instable"


@pytest.fixture
def flaky_scenarios(pytester: pytest.Pytester) -> None:
    pytester.makefile(".feature", instable=FLAKY_FEATURE)
    pytester.makepyfile(test_instable=FLAKY_STEPS)


def junit_case(run: InnerRun, name: str) -> ET.Element:
    cases = [case for case in ET.parse(run.reports_dir / "junit.xml").getroot().iter("testcase")
             if case.get("name") == name]
    assert len(cases) == 1, f"one test case per scenario, not one per attempt: {len(cases)}"
    return cases[0]


@pytest.mark.usefixtures("flaky_scenarios")
@pytest.mark.parametrize("workers", [(), ("-n", "2")], ids=["serial", "xdist"])
def test_a_pass_after_a_retry_is_reported_as_flaky_everywhere(
    run_inner: Callable[..., InnerRun], workers: tuple[str, ...]
):
    run = run_inner("--reruns", "1", "--junitxml", "out/reports/junit.xml", *workers)

    outcomes = run.result.parseoutcomes()
    assert (outcomes["passed"], outcomes["failed"], outcomes["rerun"]) == (2, 1, 2)
    run.result.stdout.fnmatch_lines(["Scenarios: 1 passed, 1 flaky, 1 failed, 0 not run",
                                     f"FLAKY Connexion instable > {FLAKY} | passed at attempt 2 *"])
    summary = run.summary
    assert summary["scenarios"] == {"passed": 1, "flaky": 1, "failed": 1, "not_run": 0}
    [flaky] = summary["flaky_scenarios"]
    assert flaky["name"] == FLAKY and flaky["attempts"] == 2
    assert flaky["failed_attempts"][0]["error"].startswith("le portail n'a pas répondu")
    assert flaky["failed_attempts"][0]["failing_step"] == "Alors il est connecté à la seconde tentative"
    assert [item["name"] for item in summary["failed_scenarios"]] == ["Une connexion refusée"]

    assert '<span class="badge flaky">flaky</span>' in run.html
    assert "Attempt 1 failed" in run.html and "le portail n&#039;a pas répondu" in run.html

    case = junit_case(run, FLAKY)
    assert [child.tag for child in case if child.tag != "properties"] == ["flakyFailure"]
    assert {(p.get("name"), p.get("value")) for p in case.iter("property")} >= {("flaky", "true"),
                                                                                 ("attempts", "2")}
    refused = [child.tag for child in junit_case(run, "Une connexion refusée")]
    assert refused[-2:] == ["failure", "rerunFailure"]

    cucumber = run.cucumber
    assert schema_errors(cucumber) == []
    elements = {element["name"]: element for element in cucumber[0]["elements"]}
    assert {"name": "@flaky"} in elements[FLAKY]["tags"]
    assert [step["result"]["status"] for step in elements[FLAKY]["steps"]] == ["passed", "passed"]
    assert "attempt 1 failed" in elements[FLAKY]["steps"][0]["output"][0]
    assert "@flaky" not in str(elements["Une connexion qui réussit"]["tags"])


@pytest.mark.usefixtures("flaky_scenarios")
def test_a_flaky_pass_does_not_fail_the_run(run_inner: Callable[..., InnerRun]):
    run = run_inner("--reruns", "1", "-k", "not refusée")

    assert run.result.ret == pytest.ExitCode.OK
    assert run.summary["scenarios"] == {"passed": 1, "flaky": 1, "failed": 0, "not_run": 0}


@pytest.mark.usefixtures("flaky_scenarios")
def test_without_reruns_the_flaky_scenario_fails(run_inner: Callable[..., InnerRun]):
    run = run_inner("-k", "not refusée")

    assert run.result.ret == pytest.ExitCode.TESTS_FAILED
    assert run.summary["scenarios"] == {"passed": 1, "flaky": 0, "failed": 1, "not_run": 0}
    assert run.summary["flaky_scenarios"] == []


@pytest.mark.usefixtures("flaky_scenarios")
def test_pytest_bdd_cucumberjson_is_refused_with_reruns(run_inner: Callable[..., InnerRun]):
    # pytest-bdd's writer raises on rerun reports, then the run hangs under xdist.
    run = run_inner("--reruns", "1", "--cucumberjson", "out/bdd.json")

    assert run.result.ret == pytest.ExitCode.USAGE_ERROR
    run.result.stderr.fnmatch_lines(["*--cucumberjson cannot be used with --reruns*"])
