"""cucumber.json as QA tools read it, from a serial run and from a parallel one.

Tags carry « @ », steps after a failure are skipped, scenarios not run are there as skipped
with their reason, every step that drove a page embeds its screenshot, and the whole file is
valid against the Cucumber project's JSON schema.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from cucumber_report import SCREEN_STATUSES, schema_errors, write_screen_scenarios
from report_sessions import ACCOUNT_FILES, InnerRun

pytest_plugins = ["pytester"]


def cucumber(run: InnerRun) -> list[dict[str, Any]]:
    return json.loads((run.reports_dir / "cucumber.json").read_text(encoding="utf-8"))


def elements(features: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {element["name"]: element for feature in features for element in feature["elements"]}


def statuses(element: dict[str, Any]) -> list[str]:
    return [step["result"]["status"] for step in element["steps"]]


def test_cucumber_json_is_what_cucumber_tools_expect(shared_run: Callable[..., InnerRun]):
    features = cucumber(shared_run(ACCOUNT_FILES))
    scenarios = elements(features)

    assert [tag["name"] for tag in features[0]["tags"]] == ["@PAT-01-02", "@patient"]
    # Where the feature's tags are written: « @patient @PAT-01-02 » on line 2.
    assert features[0]["tags"][0]["location"] == {"line": 2, "column": 10}
    assert features[0]["keyword"] == "Fonctionnalité" and features[0]["uri"].endswith("comptes.feature")
    refused = scenarios["Le compte <script>alert(1)</script> est refusé"]
    assert [tag["name"] for tag in refused["tags"]] == ["@PAT-01-03"]
    assert statuses(refused) == ["passed", "passed", "failed", "skipped"]
    assert "le portail a accepté" in refused["steps"][2]["result"]["error_message"]
    assert refused["steps"][0]["keyword"] == "Étant donné qu'"
    assert statuses(scenarios["Un compte est créé"]) == ["passed"] * 3
    not_run = scenarios["Une inscription impossible sur cette cible"]
    assert statuses(not_run) == ["skipped", "skipped"]
    assert "la cible n'offre pas l'inscription" in not_run["steps"][0]["result"]["error_message"]
    # A scenario whose fixture failed before any step is there too, its steps skipped.
    assert statuses(scenarios["Un compte sans portail"]) == ["skipped"]


@pytest.mark.usefixtures("account_scenarios")
def test_a_parallel_run_writes_the_same_scenarios_and_results(run_inner: Callable[..., InnerRun]):
    serial = elements(cucumber(run_inner(reports_dir="serial")))
    parallel = elements(cucumber(run_inner("-n", "2", reports_dir="parallel")))

    assert serial.keys() == parallel.keys()
    assert {name: statuses(e) for name, e in serial.items()} == {
        name: statuses(e) for name, e in parallel.items()
    }


def embedded_pngs(step: dict[str, Any]) -> list[bytes]:
    return [base64.b64decode(embedding["data"]) for embedding in step.get("embeddings", [])]


@pytest.mark.browser
@pytest.mark.usefixtures("account_scenarios")
@pytest.mark.parametrize("workers", [(), ("-n", "2")], ids=["serial", "parallel"])
def test_cucumber_json_is_valid_against_the_cucumber_schema_and_embeds_step_screenshots(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun], workers: tuple[str, ...]
):
    write_screen_scenarios(pytester)
    features = run_inner(*workers).cucumber

    assert schema_errors(features) == []
    scenarios = elements(features)
    assert {name: statuses(scenarios[name]) for name in SCREEN_STATUSES} == SCREEN_STATUSES
    not_run = scenarios["Une page que la cible n'a pas"]["steps"][0]["result"]
    assert "la cible n'a pas de page d'accueil" in not_run["error_message"]
    # A PNG of the page after every step that ran, the failed one included, and none after it.
    shown = [embedded_pngs(step) for step in scenarios["Le titre est affiché"]["steps"]]
    assert [len(pngs) for pngs in shown] == [1, 1, 1]
    assert all(png.startswith(b"\x89PNG") for pngs in shown for png in pngs)
    failed = [len(embedded_pngs(step)) for step in scenarios["Le titre attendu manque"]["steps"]]
    assert failed == [1, 1, 0]
    # Scenarios that never asked for a page have no screenshot.
    assert not any(embedded_pngs(step) for step in scenarios["Un compte est créé"]["steps"])


def test_the_schema_refuses_what_cucumber_tools_would_misread(shared_run: Callable[..., InnerRun]):
    features = shared_run(ACCOUNT_FILES).cucumber
    assert schema_errors(features) == []
    broken = copy.deepcopy(features)
    step = broken[0]["elements"][0]["steps"][0]
    step["embeddings"] = [{"data": "iVBORw0KGgo="}]
    step["result"]["status"] = "not run"

    errors = schema_errors(broken)

    assert any("'mime_type' is a required property" in error for error in errors)
    assert any("'not run' is not one of" in error for error in errors)


@pytest.mark.browser
def test_without_step_screenshots_only_the_final_screenshot_is_kept(
    pytester: pytest.Pytester, run_inner: Callable[..., InnerRun]
):
    write_screen_scenarios(pytester)

    run = run_inner("--no-step-screenshots")

    steps = [step for element in elements(run.cucumber).values() for step in element["steps"]]
    assert not any("embeddings" in step for step in steps)
    assert sorted(path.name for path in (run.reports_dir / "scenarios").rglob("*.png")) == ["final.png"] * 2
