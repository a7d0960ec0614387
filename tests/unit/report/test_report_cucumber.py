"""cucumber.json as QA tools read it, from a serial run and from a parallel one.

Tags carry « @ », steps after a failure are skipped, and scenarios not run are there as skipped
with their reason.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from report_sessions import InnerRun

pytest_plugins = ["pytester"]


def cucumber(run: InnerRun) -> list[dict[str, Any]]:
    return json.loads((run.reports_dir / "cucumber.json").read_text(encoding="utf-8"))


def elements(features: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {element["name"]: element for feature in features for element in feature["elements"]}


def statuses(element: dict[str, Any]) -> list[str]:
    return [step["result"]["status"] for step in element["steps"]]


@pytest.mark.usefixtures("account_scenarios")
def test_cucumber_json_is_what_cucumber_tools_expect(run_inner: Callable[..., InnerRun]):
    features = cucumber(run_inner())
    scenarios = elements(features)

    assert [tag["name"] for tag in features[0]["tags"]] == ["@PAT-01-02", "@patient"]
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
