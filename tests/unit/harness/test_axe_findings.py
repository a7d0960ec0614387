"""Tests of the accessibility profile's conversion of axe-core results into advisories."""

from __future__ import annotations

from typing import Any

from harness.axe import criterion_of, findings_of, page_key, scannable
from harness.verdicts import ACCESSIBILITY, AxeNode, Finding

PAGE = "http://127.0.0.1:8100/activation/etape-1?erreur=1#matricule"

# What axe.run() answers, cut down to the fields the profile reads (axe-core 4.x's shape).
AXE_RESULTS: dict[str, Any] = {
    "testEngine": {"name": "axe-core", "version": "4.12.0"},
    "violations": [
        {
            "id": "color-contrast",
            "impact": "serious",
            "tags": ["cat.color", "wcag2aa", "wcag143", "TTv5", "EN-301-549"],
            "help": "Elements must meet minimum color contrast ratio thresholds",
            "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/color-contrast?application=axeAPI",
            "nodes": [
                {"target": ["#aide > p:nth-child(2)"],
                 "html": '<p style="color: #bbb">\n    Besoin   d\'aide ?</p>'},
                {"target": [".footer"], "html": "<footer class=\"footer\">…</footer>"},
            ],
        },
        {
            "id": "label",
            "impact": "critical",
            "tags": ["cat.forms", "wcag2a", "wcag412", "section508"],
            "help": "Form elements must have labels",
            "helpUrl": "https://dequeuniversity.com/rules/axe/4.12/label?application=axeAPI",
            "nodes": [{"target": [["my-form", "input[name=\"matricule\"]"]],
                       "html": "<input name=\"matricule\">"}],
        },
        {"id": "reflowing", "impact": None, "tags": ["wcag21aa", "wcag1410"], "help": "", "nodes": [
            {"target": ["iframe", "main"], "html": "<main>" + "x" * 400 + "</main>"}]},
        {"id": "nothing-left", "tags": ["wcag2a"], "help": "No node", "nodes": []},
    ],
}


def test_each_violation_becomes_an_accessibility_advisory_with_an_example_node():
    contrast, label, reflow = findings_of(AXE_RESULTS, PAGE)

    assert contrast == Finding(
        ACCESSIBILITY,
        "Elements must meet minimum color contrast ratio thresholds (axe-core color-contrast)",
        criterion="1.4.3 Contrast (Minimum)",
        page=PAGE,
        axe=AxeNode(
            rule="color-contrast",
            impact="serious",
            target="#aide > p:nth-child(2)",
            html="<p style=\"color: #bbb\"> Besoin d'aide ?</p>",
            help_url="https://dequeuniversity.com/rules/axe/4.12/color-contrast?application=axeAPI",
            nodes=2,
        ),
    )
    # A node in a shadow root is a path of selectors; one inside a frame, a path of frames.
    assert label.axe is not None and label.axe.target == 'my-form >> input[name="matricule"]'
    assert label.criterion == "4.1.2 Name, Role, Value"
    assert reflow.axe is not None and reflow.axe.target == "iframe >>> main"
    assert reflow.criterion == "1.4.10 Reflow"
    # No help text: the rule names itself; a long snippet is cut.
    assert reflow.message == "reflowing (axe-core reflowing)"
    assert len(reflow.axe.html) == 300 and reflow.axe.html.endswith("…")


def test_findings_travel_as_plain_data():
    [contrast, *_] = findings_of(AXE_RESULTS, PAGE)

    assert contrast.as_dict()["axe"]["rule"] == "color-contrast"


def test_criteria_are_named_as_the_steps_name_them():
    assert criterion_of(["wcag2a", "wcag111"]) == "1.1.1 Non-text Content"
    assert criterion_of(["wcag21aa", "wcag1411"]) == "1.4.11 Non-text Contrast"
    # A criterion outside WCAG 2.1 A and AA keeps its number; a rule without one names none.
    assert criterion_of(["wcag22aa", "wcag2411"]) == "2.4.11"
    assert criterion_of(["wcag2a", "best-practice"]) is None


def test_a_page_is_its_address_without_query_or_fragment():
    assert page_key(PAGE) == "http://127.0.0.1:8100/activation/etape-1"
    assert scannable(PAGE)
    assert not scannable("about:blank")
    assert not scannable("chrome-error://chromewebdata/")
