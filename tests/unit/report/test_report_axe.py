"""Tests of the accessibility profile's findings (--axe) in the reports and the exit code."""

from __future__ import annotations

import dataclasses
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from harness.report import merge
from harness.report.results import RunResults, TestResult
from harness.report.run_data import RUN_DATA_FILE, RunData, load, write_reports
from harness.report.summary import summary_lines
from harness.verdicts import AXE_FAIL, AXE_FINDINGS_EXIT, AXE_REPORT

PAGE = "http://127.0.0.1:8100/activation/etape-1"
AXE = {
    "rule": "color-contrast", "impact": "serious", "target": "#aide > p", "html": "<p>Besoin d'aide ?</p>",
    "help_url": "https://dequeuniversity.com/rules/axe/4.12/color-contrast", "nodes": 3,
}


def scenario(findings: list[dict[str, Any]], outcome: str = "passed") -> TestResult:
    """Return a passed (or failed) conformance scenario of PAT-09-01 with the given findings."""
    failed = outcome == "failed"
    record: dict[str, Any] = {
        "feature": "Étape 1", "feature_file": "patient/p09.feature", "feature_keyword": "Fonctionnalité",
        "feature_line": 1, "feature_description": "", "feature_tags": [], "keyword": "Scénario",
        "name": "Le patient saisit son matricule", "line": 5, "tags": ["PAT-09-01"], "verdict": "conformance",
        "findings": findings, "requirements": ["PAT-09-01"], "pages": [], "steps": [],
        "failing_step": "Alors l'étape suivante s'affiche" if failed else None,
        "error": "not found" if failed else None, "error_type": "AssertionError" if failed else None,
        "slug": "matricule", "screenshot": None, "screenshot_error": None, "trace": None, "trace_error": None,
    }
    return TestResult("test_guides.py::test_matricule", record, failed_phase="call" if failed else None,
                      call_passed=not failed, failed_reports=int(failed))


def axe_finding() -> dict[str, Any]:
    """Return the record of one axe-core finding made after a step."""
    return {"verdict": "accessibility", "criterion": "1.4.3 Contrast (Minimum)", "page": PAGE,
            "message": "Elements must meet minimum color contrast ratio thresholds (axe-core color-contrast)",
            "step": "Quand il clique sur « Valider »", "axe": dict(AXE)}


def run_data(result: TestResult, *, axe: str | None, strict: bool = False, status: int = 0) -> RunData:
    """Return a run of one scenario, under the given profile mode and verdict rules."""
    return RunData(results=RunResults([result]), target="http://portal", faker_seed=1, strict=strict,
                   run_date="2026-12-01", started="2026-12-01T14:00:00+00:00", status=status,
                   failed_reports=int(status != 0), stopped=False, axe=axe)


@pytest.mark.parametrize(("axe", "strict", "findings", "expected"), [
    (AXE_REPORT, False, True, 0),
    (AXE_FAIL, False, True, AXE_FINDINGS_EXIT),
    (AXE_REPORT, True, True, AXE_FINDINGS_EXIT),
    (AXE_FAIL, False, False, 0),
    (None, True, True, 0),
], ids=["report", "fail", "strict", "fail-without-findings", "profile-off"])
def test_axe_findings_decide_only_a_run_that_counts_them(
    axe: str | None, strict: bool, findings: bool, expected: int
):
    result = scenario([axe_finding()] if findings else [])

    assert run_data(result, axe=axe, strict=strict).exit_status == expected


def test_a_failed_run_keeps_its_own_exit_code_whatever_axe_found():
    result = scenario([axe_finding()], outcome="failed")

    assert run_data(result, axe=AXE_FAIL, status=1).exit_status == 1


def test_axe_findings_reach_summary_html_and_terminal(tmp_path: Path):
    result = scenario([axe_finding(), axe_finding() | {"page": PAGE + "?erreur=1"}])
    assert result.record is not None
    result.record.update(axe_scans=4, axe_error="Execution context was destroyed\nmore")
    data = run_data(result, axe=AXE_FAIL)

    summary = write_reports(tmp_path, "reports", data)

    assert summary["axe"] == {"mode": "fail", "findings": 2, "pages": 2, "rules": {"color-contrast": 2},
                              "page_states": 4, "errors": [{"scenario": "Le patient saisit son matricule",
                                                            "error": "Execution context was destroyed"}]}
    [first, _] = summary["findings"]
    assert first["axe"] == AXE
    assert first["criterion"] == "1.4.3 Contrast (Minimum)"
    assert summary["verdicts"]["accessibility"]["criteria"] == {"1.4.3": 2}
    lines = summary_lines(summary)
    assert ("Accessibility profile (axe-core): 2 findings on 2 pages (color-contrast ×2), 4 page states "
            f"scanned; exit code {AXE_FINDINGS_EXIT} if nothing else fails") in lines
    assert "AXE SCAN FAILED Le patient saisit son matricule: Execution context was destroyed" in lines
    html = unescape((tmp_path / "report.html").read_text(encoding="utf-8"))
    # One page with and without its query is one page: the violation is listed once.
    assert html.count('<tr class="axe-item">') == 1
    assert "#aide > p" in html and "<p>Besoin d'aide ?</p>" in html and "and 2 more" in html
    assert "WCAG 1.4.3 Contrast (Minimum)" in html
    assert "they decide the exit code (--axe-fail)" in html
    assert "(4 states)" in html


def test_without_the_profile_the_reports_say_nothing_of_it(tmp_path: Path):
    summary = write_reports(tmp_path, "reports", run_data(scenario([]), axe=None))

    assert "axe" not in summary
    assert not [line for line in summary_lines(summary) if "axe-core" in line]
    assert "Accessibility profile (axe-core)" not in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_records_json_keeps_the_profile_and_security_rules_for_a_merge(tmp_path: Path):
    data = run_data(scenario([axe_finding()]), axe=AXE_FAIL)
    data = dataclasses.replace(data, count_security=True)
    write_reports(tmp_path, "reports", data)

    again = load(tmp_path / RUN_DATA_FILE)

    assert (again.axe, again.count_security) == (AXE_FAIL, True)
    assert again.exit_status == AXE_FINDINGS_EXIT
    assert merge.merge([again]).axe == AXE_FAIL
