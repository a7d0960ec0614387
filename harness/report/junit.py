"""junit.xml as pytest writes it, made readable by CI tools and put in a fixed order; several runs' merged.

pytest names every test case after its Python test: one class for every scenario
(tests.acceptance.test_guides), a function name with escaped parameters, and the scenario record
carried in user_properties written out as a Python repr. The rewrite gives a scenario its
feature's class (patient.p09_code_activation: in Jenkins, package patient, class
p09_code_activation) and its French title with the example's values, and replaces the repr by a
few short properties. Other tests keep the names pytest gives them.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

# The very functions pytest's junitxml names the test cases with, so that a case is found
# whatever pytest's version escapes or mangles; and where it keeps its writer.
from _pytest.junitxml import bin_xml_escape, mangle_test_address, xml_key

from harness.report.records import USER_PROPERTY, ScenarioRecord
from harness.report.results import TestResult
from harness.requirements import security_ids

# The suite counts pytest writes; a merged suite's are the sums of its runs'.
COUNTS = ("tests", "errors", "failures", "skipped")
# Where a scenario record's example values are kept (the row of an outline's Examples table).
EXAMPLE = "example"
# A test case's class name and name: how junit.xml tells the test cases apart.
CaseKey = tuple[str, str]


@dataclass(frozen=True)
class CaseName:
    """How junit.xml names one scenario: its class, its name and its short properties."""

    classname: str
    name: str
    properties: tuple[tuple[str, str], ...] = ()


def case_key(case: ET.Element) -> CaseKey:
    """Return the sort key of a test case: its class name and its name."""
    return (case.get("classname", ""), case.get("name", ""))


def pytest_key(nodeid: str, prefix: str | None = None) -> CaseKey:
    """Return the class name and name pytest's junitxml gives the test case of a test id."""
    names = mangle_test_address(nodeid)
    classnames = [prefix, *names[:-1]] if prefix else names[:-1]
    return (".".join(classnames), bin_xml_escape(names[-1]))


def feature_classname(feature_file: str) -> str:
    """Return a feature file's class name: its path under features/, dotted, without .feature."""
    path = PurePosixPath(feature_file.replace("\\", "/"))
    parts = [part for part in (*path.parent.parts, path.stem) if part not in ("", ".", "..", "/")]
    # A dot inside a name would make CI tools cut one more package out of it.
    return ".".join(part.replace(".", "_") for part in parts)


def scenario_name(record: ScenarioRecord) -> str:
    """Return a scenario's title, followed by its example's values for a scenario outline."""
    # Only outlines have one, and records.json written before examples has none.
    example = record.get(EXAMPLE) or {}
    values = ", ".join(str(value) for value in example.values())
    return f"{record['name']} [{values}]" if values else record["name"]


def scenario_case(record: ScenarioRecord) -> CaseName:
    """Return how junit.xml names a scenario, with its feature, requirements and tags."""
    properties = [("feature", record["feature"])]
    if record["requirements"]:
        properties.append(("requirements", ",".join(record["requirements"])))
    # A security scenario names OWASP ASVS (and NIST) requirements instead of the guides'.
    if security := security_ids(record["tags"]):
        properties.append(("security_requirements", ",".join(security)))
    if record["tags"]:
        properties.append(("tags", ",".join(record["tags"])))
    properties.append(("verdict", record["verdict"]))
    return CaseName(feature_classname(record["feature_file"]), scenario_name(record), tuple(properties))


def scenario_cases(results: Iterable[TestResult], prefix: str | None = None) -> dict[CaseKey, CaseName]:
    """Return the new name of each scenario's test case, by the key pytest's junitxml gave it."""
    named = {pytest_key(r.nodeid, prefix): scenario_case(r.record) for r in results if r.record is not None}
    # The same scenario run twice (another browser, a second binding) keeps pytest's name beside it.
    twice = Counter((case.classname, case.name) for case in named.values())
    return {
        key: case if twice[(case.classname, case.name)] == 1
        else CaseName(case.classname, f"{case.name} ({key[1]})", case.properties)
        for key, case in named.items()
    }


def rename_case(case: ET.Element, cases: Mapping[CaseKey, CaseName]) -> None:
    """Rename a scenario's test case and replace its record's repr by short properties."""
    drop_record(case)
    new = cases.get(case_key(case))
    if new is None:
        return
    case.set("classname", new.classname)
    case.set("name", new.name)
    properties = case.find("properties")
    if properties is None:
        properties = ET.Element("properties")
        # Properties come first in a test case, before its failure or its output.
        case.insert(0, properties)
    for index, (name, value) in enumerate(new.properties):
        properties.insert(index, ET.Element("property", {"name": name, "value": value}))


def drop_record(case: ET.Element) -> None:
    """Remove the scenario record pytest wrote as a Python repr, and properties left empty."""
    for properties in case.findall("properties"):
        for prop in properties.findall("property"):
            if prop.get("name") == USER_PROPERTY:
                properties.remove(prop)
        if not len(properties):
            case.remove(properties)


def sort_cases(suite: ET.Element) -> None:
    """Put a suite's test cases in name order, whichever order the workers finished them in."""
    cases = suite.findall("testcase")
    for case in cases:
        suite.remove(case)
    # Properties and other children stay first, as pytest writes them.
    suite.extend(sorted(cases, key=case_key))


def retried_cases(
    results: Iterable[TestResult], prefix: str | None = None
) -> dict[CaseKey, list[dict[str, Any]]]:
    """Return the failed attempts of each test pytest-rerunfailures ran again, by its pytest key."""
    return {pytest_key(r.nodeid, prefix): r.attempts for r in results if r.attempts}


def fold_attempts(suite: ET.Element, retried: Mapping[CaseKey, list[dict[str, Any]]]) -> None:
    """Keep one test case per retried test, its last attempt's, with its failed attempts noted."""
    # pytest's junitxml writes a test case per attempt; the earlier ones say nothing of their failure.
    last: dict[CaseKey, ET.Element] = {}
    for case in suite.findall("testcase"):
        key = case_key(case)
        if key in retried:
            if key in last:
                suite.remove(last[key])
            last[key] = case
    for key, case in last.items():
        note_attempts(case, retried[key])


def note_attempts(case: ET.Element, attempts: Sequence[Mapping[str, Any]]) -> None:
    """Mark a retried test case as Maven Surefire does: flakyFailure (passed) or rerunFailure elements."""
    passed = not any(child.tag in ("failure", "error") for child in case)
    properties = case.find("properties")
    if properties is None:
        properties = ET.Element("properties")
        case.insert(0, properties)
    properties.append(ET.Element("property", {"name": "attempts", "value": str(len(attempts) + 1)}))
    if passed:
        properties.append(ET.Element("property", {"name": "flaky", "value": "true"}))
    # Jenkins' JUnit plugin reads Surefire's elements and shows such a test as flaky.
    tag = "flakyFailure" if passed else "rerunFailure"
    for attempt in attempts:
        error = str(attempt.get("error") or "failed")
        element = ET.SubElement(case, tag, {"message": error.splitlines()[0] if error else "failed"})
        element.text = bin_xml_escape(error)


def order_file(
    path: Path,
    cases: Mapping[CaseKey, CaseName] | None = None,
    retried: Mapping[CaseKey, list[dict[str, Any]]] | None = None,
) -> None:
    """Rewrite a junit.xml with its scenarios renamed and its test cases in a fixed order, if it is there."""
    if not path.is_file():
        return
    tree = ET.parse(path)
    for suite in tree.getroot().iter("testsuite"):
        fold_attempts(suite, retried or {})
        for case in suite.findall("testcase"):
            rename_case(case, cases or {})
        sort_cases(suite)
    write(tree.getroot(), path)


def keep_previous(config: pytest.Config) -> None:
    """Stop pytest's junitxml from writing a junit.xml of no test over the last run's."""
    writer = config.stash.get(xml_key, None)
    if writer is None:
        return
    # Its end-of-session hook is already under way: it writes to nowhere, then is gone, and
    # its terminal summary does not name a file it did not write.
    writer.logfile = os.devnull
    del config.stash[xml_key]
    config.pluginmanager.unregister(writer)


def merge(roots: Sequence[ET.Element]) -> ET.Element:
    """Return one pytest-style junit document holding every test case of the given documents."""
    suites = [suite for root in roots for suite in root.iter("testsuite")]
    merged = ET.Element("testsuites", {"name": "pytest tests"})
    first = suites[0].attrib if suites else {}
    suite = ET.SubElement(merged, "testsuite", {
        "name": first.get("name", "pytest"),
        **{name: str(sum(int(s.get(name, "0")) for s in suites)) for name in COUNTS},
        # The runs' own durations added up: the machine time the whole selection took.
        "time": f"{sum(float(s.get('time', '0')) for s in suites):.3f}",
        "timestamp": min((s.get("timestamp", "") for s in suites), default=""),
        "hostname": first.get("hostname", ""),
    })
    suite.extend(case for s in suites for case in s.findall("testcase"))
    sort_cases(suite)
    return merged


def write(root: ET.Element, path: Path) -> None:
    """Write a junit document."""
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
