"""Reading the harness's reports: JUnit test cases and Cucumber step durations."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

# The harness's JUnit names a scenario by its feature file and French title, and gives it the
# property `feature`, which no other test case carries.
SCENARIO_PROPERTY = "feature"
NANOSECONDS = 1e9


@dataclass(frozen=True)
class TestCase:
    """One JUnit test case: its name, its time (setup + call + teardown) and its outcome."""

    classname: str
    name: str
    time_s: float
    outcome: str  # "passed", "failed" or "skipped"
    scenario: bool = False


def _outcome(case: ET.Element) -> str:
    """What a JUnit test case element says of its outcome."""
    if case.find("skipped") is not None:
        return "skipped"
    if case.find("failure") is not None or case.find("error") is not None:
        return "failed"
    return "passed"


def read_cases(junit: Path) -> list[TestCase]:
    """Every test case of a JUnit file, in the order pytest reported them."""
    root = ET.parse(junit).getroot()
    return [
        TestCase(case.get("classname", ""), case.get("name", ""), float(case.get("time", "0")),
                 _outcome(case), _is_scenario(case))
        for case in root.iter("testcase")
    ]


def _is_scenario(case: ET.Element) -> bool:
    """Whether a JUnit test case is a scenario, by the property only scenarios carry."""
    return any(prop.get("name") == SCENARIO_PROPERTY for prop in case.iter("property"))


def acceptance_cases(cases: list[TestCase]) -> list[TestCase]:
    """The scenarios, leaving out any other test of the run."""
    return [case for case in cases if case.scenario]


def step_seconds(cucumber: Path, scenario: str) -> float:
    """The sum of a scenario's step durations in a cucumber.json holding one run of it."""
    features = json.loads(cucumber.read_text(encoding="utf-8"))
    found = [element for feature in features for element in feature.get("elements", [])
             if element.get("name") == scenario]
    if len(found) != 1:
        raise ValueError(f"{cucumber} holds {len(found)} runs of « {scenario} », not one")
    steps = found[0].get("steps", [])
    return sum(step.get("result", {}).get("duration", 0) for step in steps) / NANOSECONDS
