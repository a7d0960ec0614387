"""junit.xml as pytest writes it, put in a fixed order, and the junit.xml of several runs merged."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

# The suite counts pytest writes; a merged suite's are the sums of its runs'.
COUNTS = ("tests", "errors", "failures", "skipped")


def case_key(case: ET.Element) -> tuple[str, str]:
    """Return the sort key of a test case: its class name (module path) and its name."""
    return (case.get("classname", ""), case.get("name", ""))


def sort_cases(suite: ET.Element) -> None:
    """Put a suite's test cases in name order, whichever order the workers finished them in."""
    cases = suite.findall("testcase")
    for case in cases:
        suite.remove(case)
    # Properties and other children stay first, as pytest writes them.
    suite.extend(sorted(cases, key=case_key))


def order_file(path: Path) -> None:
    """Rewrite a junit.xml with its test cases in a fixed order, if the file is there."""
    if not path.is_file():
        return
    tree = ET.parse(path)
    for suite in tree.getroot().iter("testsuite"):
        sort_cases(suite)
    write(tree.getroot(), path)


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
