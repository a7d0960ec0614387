"""Allure results from allure-pytest-bdd beside the report plugin (--alluredir).

Only the result files are checked: rendering them needs the Allure CLI, a Java program.
Scenarios are Allure tests, steps Allure steps; the step and final screenshots and a failure's
trace are attachments on disk; a rerun scenario gives one result per attempt, with one historyId.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from report_sessions import InnerRun
from test_report_browser import CHROMIUM, write_page_session

pytest_plugins = ["pytester"]
pytest.importorskip("allure_pytest_bdd")

# « Le titre est affiché » fails at its first attempt, then passes; « Le titre attendu manque » always fails.
FLAKY_PAGE_STEPS = """\
from playwright.sync_api import expect
from pytest_bdd import given, parsers, scenarios, then

scenarios("accueil.feature")
ATTEMPTS = {"n": 0}


@given("une page d'accueil")
def accueil(page, request):
    if "affich" in request.node.name:
        ATTEMPTS["n"] += 1
    page.set_content("<h1>Chargement</h1>" if ATTEMPTS["n"] == 1 else "<h1>Bonjour</h1>")


@then(parsers.parse('le titre est "{titre}"'))
def titre(page, titre):
    expect(page.locator("h1")).to_have_text(titre, timeout=500)
"""


def allure_results(directory: Path) -> list[dict[str, Any]]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*-result.json"))]


def attachments(result: dict[str, Any]) -> list[dict[str, Any]]:
    in_steps = [attachment for step in result["steps"] for attachment in step.get("attachments", [])]
    return result.get("attachments", []) + in_steps


@pytest.mark.browser
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no browser at {CHROMIUM}")
def test_allure_results_have_steps_evidence_and_retries(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    write_page_session(pytester, FLAKY_PAGE_STEPS)

    run = run_inner("--reruns", "1", "--alluredir", "allure-results")

    directory = pytester.path / "allure-results"
    results = allure_results(directory)
    by_name: dict[str, list[dict[str, Any]]] = {}
    for result in sorted(results, key=lambda r: r["start"]):
        by_name.setdefault(result["name"], []).append(result)
    assert sorted(by_name) == ["Le titre attendu manque", "Le titre est affiché"]
    flaky = by_name["Le titre est affiché"]
    # Allure shows results with one historyId as retries of one test: the last one is the outcome.
    assert [r["status"] for r in flaky] == ["failed", "passed"]
    assert len({r["historyId"] for r in flaky}) == 1
    # allure-pytest-bdd names a step with pytest-bdd's keyword, which title-cases the French.
    assert [step["name"] for step in flaky[1]["steps"]] == ["Étant Donné une page d'accueil",
                                                            'Alors le titre est "Bonjour"']
    assert [step["status"] for step in flaky[0]["steps"]] == ["passed", "failed"]
    failed = by_name["Le titre attendu manque"]
    assert [r["status"] for r in failed] == ["failed", "failed"]

    for result in results:
        kept = attachments(result)
        names = [a["name"] for a in kept]
        assert "final.png" in names and any(n.startswith("step-01.png: ") for n in names)
        assert ("trace.zip" in names) == (result["status"] == "failed")
        for attachment in kept:
            assert (directory / attachment["source"]).stat().st_size > 0
            if ".png" in attachment["name"]:
                assert attachment["type"] == "image/png"
                assert (directory / attachment["source"]).read_bytes().startswith(b"\x89PNG")
    # The report plugin's own reports are there as ever, the retry counted as flaky.
    assert run.summary["scenarios"] == {"passed": 0, "flaky": 1, "failed": 1, "not_run": 0}
