"""cucumber.json read by a real consumer: multiple-cucumber-html-reporter renders a run's file.

The reporter comes from npm into .tools/ (Node.js and npm from Debian when missing, as for
MailDev); one that cannot be installed fails the test, since a skip would pass for a proof.
"""

from __future__ import annotations

import base64
import html
import json
import re
from pathlib import Path

import pytest
from cucumber_report import (
    REPO_ROOT,
    REPORTER,
    SCREEN_STATUSES,
    render_html_report,
    run_with_report,
    schema_errors,
    write_screen_scenarios,
)
from real_servers import ServerUnavailable

pytest_plugins = ["pytester"]

# The reporter's heading of each scenario, and the pictures it shows for a step.
SCENARIO_HEADING = re.compile(r"<h2>[^<]*<small>(.*?)</small></h2>")
SCREENSHOT = re.compile(r'<img class="screenshot" src="data:image/png;base64,([A-Za-z0-9+/=]+)"')
BADGES = {
    "passed": 'title="Step passed"',
    "failed": 'title="Step failed"',
    "skipped": 'title="Step is skipped"',
}


def scenario_sections(page: str) -> dict[str, str]:
    """Split a feature page of the reporter into each scenario's part, by scenario name."""
    headings = list(SCENARIO_HEADING.finditer(page))
    ends = [heading.start() for heading in headings[1:]] + [len(page)]
    return {html.unescape(h.group(1)): page[h.start():end] for h, end in zip(headings, ends, strict=True)}


def step_badges(section: str) -> list[str]:
    """Return the status the reporter shows for each step of a scenario, in order."""
    found = sorted((match.start(), status) for status, badge in BADGES.items()
                   for match in re.finditer(re.escape(badge), section))
    return [status for _, status in found]


@pytest.mark.browser
def test_multiple_cucumber_html_reporter_shows_outcomes_and_step_screenshots(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))
    write_screen_scenarios(pytester)
    run_with_report(pytester, reports_dir="reports")
    reports = pytester.path / "reports"
    cucumber = reports / "cucumber.json"
    assert schema_errors(json.loads(cucumber.read_text(encoding="utf-8"))) == []

    try:
        index = render_html_report(cucumber, pytester.path / "consumer")
    except (ServerUnavailable, OSError) as error:  # OSError: e.g. .tools not writable
        pytest.fail(f"{REPORTER} is needed and could not be had: {error}", pytrace=False)

    assert "Page d'accueil" in html.unescape(index.read_text(encoding="utf-8"))
    [feature_page] = (index.parent / "features").glob("*.html")
    sections = scenario_sections(feature_page.read_text(encoding="utf-8"))
    assert {name: step_badges(sections[name]) for name in SCREEN_STATUSES} == SCREEN_STATUSES
    assert 'title="Scenario failed"' in sections["Le titre attendu manque"]
    assert 'title="Scenario is skipped"' in sections["Une page que la cible n'a pas"]
    # The reporter shows the very PNG the run kept after each step that drove the page.
    shown = [base64.b64decode(data) for data in SCREENSHOT.findall(sections["Le titre est affiché"])]
    kept = sorted(Path(reports, "scenarios").glob("le-titre-est-affiche-*/step-*.png"))
    assert shown == [path.read_bytes() for path in kept]
    assert len(SCREENSHOT.findall(sections["Le titre attendu manque"])) == 2
