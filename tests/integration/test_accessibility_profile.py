"""The accessibility profile (--axe) on the reference world and on a deliberately inaccessible portal.

The inaccessible portal is the independent portal of tests/portability behind a WSGI middleware
that spoils every HTML page it serves: no ``lang`` on ``<html>``, a paragraph of light grey on
white and a text field without a label. Its conformance scenarios still pass; axe-core's findings
must reach summary.json and report.html with their rule, WCAG criterion, page and node, and
``--axe-fail`` must end the run with its own exit code.
"""

from __future__ import annotations

import contextlib
import html
import json
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cheroot import wsgi
from harness_process import run_scenarios
from harness_process import summary as run_summary

from harness.verdicts import AXE_FINDINGS_EXIT
from tests.portability.independent_portal.app import create_app

pytestmark = pytest.mark.browser

# Two scenarios of pages 6 and 7 that every target runs: home page, « Connexion », « Patient »,
# « J'active mon compte ».
SELECTION = ("-m", "patient and (p6 or p7) and not telephone and not reference",
             "-k", "atteint_la_page or mène_aux_conditions", "-n", "0")
FLAWS = (b'<p style="color:#c8c8c8;background:#ffffff">Texte peu lisible</p>'
         b'<input type="text" name="sans-etiquette">')
# The rules the flaws break, and the criterion each is reported under.
EXPECTED_RULES = {"html-has-lang": "3.1.1 Language of Page", "color-contrast": "1.4.3 Contrast (Minimum)"}

WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def spoiled(app: WsgiApp) -> WsgiApp:
    """Wrap a WSGI app so that every HTML page it serves has the flaws above."""

    def wrapped(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        answer: dict[str, Any] = {}

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Callable[..., None]:
            answer.update(status=status, headers=headers)
            # The portal (Bottle) returns its body; WSGI's write() callable is never used.
            return lambda data: None

        body_parts = app(environ, keep)
        try:
            body = b"".join(body_parts)
        finally:
            getattr(body_parts, "close", lambda: None)()
        headers = answer["headers"]
        if any(name.lower() == "content-type" and "text/html" in value for name, value in headers):
            body = body.replace(b' lang="fr"', b"").replace(b"</body>", FLAWS + b"</body>")
            headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
        start_response(answer["status"], headers)
        return [body]

    return wrapped


@contextlib.contextmanager
def inaccessible_portal() -> Iterator[str]:
    """Serve the spoiled independent portal on a free loopback port; yield its base URL."""
    server = wsgi.Server(("127.0.0.1", 0), spoiled(create_app(frozenset())), numthreads=8)
    server.prepare()
    thread = threading.Thread(target=server.serve, name="inaccessible-portal", daemon=True)
    thread.start()
    try:
        host, port = server.bind_addr[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.stop()
        thread.join(timeout=10)


def axe_findings(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Return the accessibility profile's findings of a summary.json."""
    return [finding for finding in summary["findings"] if "axe" in finding]


def records(reports: Path) -> list[dict[str, Any]]:
    """Return the scenario records of a run's records.json."""
    content = json.loads((reports / "records.json").read_text(encoding="utf-8"))
    return [result["record"] for result in content["results"] if result["record"]]


def test_the_profile_scans_every_step_of_the_reference_world(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    run = run_scenarios(reports, "--axe-fail", *SELECTION)
    summary = run_summary(reports)

    # The world may still have violations, or none: the profile ran, and the exit code says which.
    assert summary["scenarios"]["passed"] == 2, run.stdout[-3000:]
    scanned = records(reports)
    assert [record.get("axe_error") for record in scanned] == [None, None]
    # Every step drove the page: each left a page state that was scanned.
    assert [record.get("axe_scans") for record in scanned] == [len(record["steps"]) for record in scanned]
    assert summary["axe"]["page_states"] == sum(len(record["steps"]) for record in scanned)
    found = axe_findings(summary)
    assert summary["axe"]["mode"] == "fail"
    assert summary["axe"]["findings"] == len(found)
    assert run.returncode == (AXE_FINDINGS_EXIT if found else 0), run.stdout[-3000:]
    assert "Accessibility profile (axe-core)" in (reports / "report.html").read_text(encoding="utf-8")
    assert "Accessibility profile (axe-core): " in run.stdout


@pytest.mark.parametrize(("flag", "code"), [("--axe", 0), ("--axe-fail", AXE_FINDINGS_EXIT)])
def test_an_inaccessible_portal_gets_advisories_and_the_requested_exit_code(
    tmp_path: Path, flag: str, code: int
) -> None:
    reports = tmp_path / "reports"
    with inaccessible_portal() as url:
        run = run_scenarios(reports, "--base-url", url, flag, *SELECTION)
    summary = run_summary(reports)

    assert run.returncode == code, run.stdout[-3000:]
    # The flaws break no instruction of the guides: conformance passes.
    assert summary["verdicts"]["conformance"] == {"passed": 2, "flaky": 0, "failed": 0, "not_run": 0}
    found = axe_findings(summary)
    by_rule = {finding["axe"]["rule"]: finding for finding in found}
    assert set(EXPECTED_RULES) <= set(by_rule), sorted(by_rule)
    for rule, criterion in EXPECTED_RULES.items():
        assert by_rule[rule]["criterion"] == criterion
        assert by_rule[rule]["verdict"] == "accessibility"
        assert by_rule[rule]["page"].startswith(url)
        assert by_rule[rule]["axe"]["help_url"].startswith("https://dequeuniversity.com/rules/axe/")
    contrast = by_rule["color-contrast"]["axe"]
    assert "Texte peu lisible" in contrast["html"]
    assert contrast["target"]
    # Each scenario reports a violation of a page once, however many of its steps left it there.
    keys = [(f["scenario"], f["page"].split("?")[0], f["axe"]["rule"], f["axe"]["target"]) for f in found]
    assert len(keys) == len(set(keys))
    # They are advisories of the accessibility verdict, by criterion, never conformance failures.
    assert summary["verdicts"]["accessibility"]["criteria"]["1.4.3"] >= 1
    assert summary["failed_scenarios"] == []
    page = html.unescape((reports / "report.html").read_text(encoding="utf-8"))
    assert "Accessibility profile (axe-core)" in page
    assert "color-contrast" in page and "WCAG 1.4.3 Contrast (Minimum)" in page
    assert contrast["target"] in page and "Texte peu lisible" in page
    # The requirements matrix notes them beside the guide's verdict, which stays "met".
    matrix = json.loads((reports / "requirements.json").read_text(encoding="utf-8"))
    row = next(row for row in matrix["requirements"] if row["id"] == "PAT-06-01")
    assert row["verdict"] == "met"
    assert any(note.startswith("accessibility advisories recorded") for note in row["notes"])
