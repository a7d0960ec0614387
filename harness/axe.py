"""The accessibility profile (--axe): axe-core on a page, its violations as accessibility advisories.

axe-core is the engine of axe-playwright-python, which bundles its axe.min.js; the script is
injected once per document and run with WCAG 2.1 A and AA rules only. Each violation becomes a
``harness.verdicts.Finding`` of the accessibility verdict, naming its success criterion as the
steps' own advisories do ("1.4.3 Contrast (Minimum)"), the page, the rule and one of the nodes it
was found on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import urlsplit

from axe_playwright_python.base import AXE_SCRIPT
from playwright.sync_api import Page

from harness.verdicts import ACCESSIBILITY, AxeNode, Finding

# WCAG 2.1 level A and AA, as axe-core tags its rules.
WCAG_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")
RUN_OPTIONS: Mapping[str, Any] = {
    "runOnly": {"type": "tag", "values": list(WCAG_TAGS)},
    # WCAG 2.5.3 Label in Name is checked by a rule axe-core still calls experimental, which
    # runOnly leaves out; the reference world's own axe test turns it on too.
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}
# axe-core's tag of a success criterion: "wcag143" is 1.4.3, "wcag1410" is 1.4.10.
_CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")
# A snippet long enough to recognise the element, short enough for a report line.
HTML_LIMIT = 300

# The success criteria of WCAG 2.1 levels A and AA, by number, as the W3C names them.
WCAG_21_CRITERIA = {
    "1.1.1": "Non-text Content",
    "1.2.1": "Audio-only and Video-only (Prerecorded)",
    "1.2.2": "Captions (Prerecorded)",
    "1.2.3": "Audio Description or Media Alternative (Prerecorded)",
    "1.2.4": "Captions (Live)",
    "1.2.5": "Audio Description (Prerecorded)",
    "1.3.1": "Info and Relationships",
    "1.3.2": "Meaningful Sequence",
    "1.3.3": "Sensory Characteristics",
    "1.3.4": "Orientation",
    "1.3.5": "Identify Input Purpose",
    "1.4.1": "Use of Color",
    "1.4.2": "Audio Control",
    "1.4.3": "Contrast (Minimum)",
    "1.4.4": "Resize Text",
    "1.4.5": "Images of Text",
    "1.4.10": "Reflow",
    "1.4.11": "Non-text Contrast",
    "1.4.12": "Text Spacing",
    "1.4.13": "Content on Hover or Focus",
    "2.1.1": "Keyboard",
    "2.1.2": "No Keyboard Trap",
    "2.1.4": "Character Key Shortcuts",
    "2.2.1": "Timing Adjustable",
    "2.2.2": "Pause, Stop, Hide",
    "2.3.1": "Three Flashes or Below Threshold",
    "2.4.1": "Bypass Blocks",
    "2.4.2": "Page Titled",
    "2.4.3": "Focus Order",
    "2.4.4": "Link Purpose (In Context)",
    "2.4.5": "Multiple Ways",
    "2.4.6": "Headings and Labels",
    "2.4.7": "Focus Visible",
    "2.5.1": "Pointer Gestures",
    "2.5.2": "Pointer Cancellation",
    "2.5.3": "Label in Name",
    "2.5.4": "Motion Actuation",
    "3.1.1": "Language of Page",
    "3.1.2": "Language of Parts",
    "3.2.1": "On Focus",
    "3.2.2": "On Input",
    "3.2.3": "Consistent Navigation",
    "3.2.4": "Consistent Identification",
    "3.3.1": "Error Identification",
    "3.3.2": "Labels or Instructions",
    "3.3.3": "Error Suggestion",
    "3.3.4": "Error Prevention (Legal, Financial, Data)",
    "4.1.1": "Parsing",
    "4.1.2": "Name, Role, Value",
    "4.1.3": "Status Messages",
}


def criterion_of(tags: Iterable[str]) -> str | None:
    """Return the WCAG criterion an axe rule's tags name, as advise() does: "1.4.3 Contrast (Minimum)"."""
    for tag in tags:
        found = _CRITERION_TAG.match(tag)
        if found:
            number = ".".join(found.groups())
            name = WCAG_21_CRITERIA.get(number)
            return f"{number} {name}" if name else number
    return None


def scannable(url: str) -> bool:
    """Tell whether a page is one a site served (not about:blank, nor a browser's own page)."""
    return urlsplit(url).scheme in ("http", "https")


def page_key(url: str) -> str:
    """Return a page's address without its query and fragment: one page's states share it."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def findings_of(results: Mapping[str, Any], url: str) -> list[Finding]:
    """Return one advisory per axe violation on a page, with the first node it was found on."""
    return [_finding(violation, url) for violation in results.get("violations", []) if violation.get("nodes")]


def _finding(violation: Mapping[str, Any], url: str) -> Finding:
    """Return the advisory of one axe violation, its first node as the example."""
    nodes = violation["nodes"]
    example = nodes[0]
    node = AxeNode(
        rule=violation["id"],
        impact=violation.get("impact"),
        target=_target_text(example.get("target", [])),
        html=_short(example.get("html", "")),
        help_url=violation.get("helpUrl"),
        nodes=len(nodes),
    )
    message = f"{violation.get('help') or violation['id']} (axe-core {violation['id']})"
    return Finding(ACCESSIBILITY, message, criterion=criterion_of(violation.get("tags", [])), page=url,
                   axe=node)


def _target_text(target: Iterable[Any]) -> str:
    """Return axe's CSS target as one selector; a node inside a frame or shadow root is a path."""
    # axe gives one selector per frame (" >>> " here), and per shadow root within one (" >> ").
    return " >>> ".join(" >> ".join(part) if isinstance(part, list) else str(part) for part in target)


def _short(html: str) -> str:
    """Return an HTML snippet cut to a report's length."""
    html = " ".join(html.split())
    return html if len(html) <= HTML_LIMIT else html[: HTML_LIMIT - 1] + "…"


def run_axe(page: Page) -> dict[str, Any]:
    """Run axe-core's WCAG 2.1 A and AA rules on the page's current document, injecting it once."""
    # The script is 500 KB: a document that has it already (an earlier step's) is not sent it again.
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate("options => window.axe.run(document, options)", dict(RUN_OPTIONS))
