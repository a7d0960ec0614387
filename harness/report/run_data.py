"""What a run's reports are made from, kept as records.json so that runs (CI shards) can be merged."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from harness import deviations
from harness.report import requirements_matrix
from harness.report.cucumber import cucumber_json
from harness.report.render import ReportHeader, render_report
from harness.report.results import RunResults, TestResult, axe_findings, build_summary, exit_status
from harness.verdicts import AXE_FAIL, AXE_FINDINGS_EXIT, SECURITY

RUN_DATA_FILE = "records.json"
# Raised whenever records.json changes shape, so that a merge refuses files it would misread.
FORMAT = 1


class RunDataError(ValueError):
    """A records.json that cannot be read."""


@dataclass(frozen=True)
class RunData:
    """A run's results and what decides its exit code, as the report plugin saw them at the end."""

    results: RunResults
    target: str
    faker_seed: Any
    strict: bool
    run_date: str
    started: str
    # pytest's own exit status, before the verdicts reconsidered it.
    status: int
    failed_reports: int
    stopped: bool
    shard: str | None = None
    # The expected deviations declared for the run (harness.deviations' plain data), if any.
    deviations: dict[str, Any] | None = None
    # Whether security failures decide the exit code without --strict (--count-security).
    count_security: bool = False
    # The accessibility profile's mode (--axe: "report", --axe-fail: "fail"), or None without it.
    axe: str | None = None

    @property
    def exit_status(self) -> int:
        """Return the run's exit status under its verdicts, as the report plugin sets it."""
        outcomes = self.deviation_outcomes()
        status = exit_status(
            self.status,
            strict=self.strict,
            failed_reports=self.failed_reports,
            advisory_failed_reports=self.results.advisory_failed_reports,
            stopped=self.stopped,
            expected_failed_reports=self._expected_failed_reports(outcomes),
            unexpected_passes=len(outcomes.unexpected_passes),
            security_failed_reports=self.results.security_failed_reports,
            count_security=self.count_security,
        )
        # axe-core's findings never fail a step: they decide only a run that passes otherwise.
        counted = self.axe == AXE_FAIL or (self.axe is not None and self.strict)
        if status == pytest.ExitCode.OK and counted and axe_findings(self.results):
            return AXE_FINDINGS_EXIT
        return status

    def _expected_failed_reports(self, outcomes: deviations.Outcomes) -> int:
        """Return the failed reports declared deviations forgive, security's too when it counts alone."""
        expected = outcomes.expected_failed_reports(self.results, self.strict)
        if self.count_security and not self.strict:
            # Outside a strict run only conformance's are counted there; --count-security counts
            # security failures as conformance's, so an expected one is forgiven the same way.
            expected += sum(result.failed_reports for result in self.results.scenarios_of(SECURITY)
                            if result.nodeid in outcomes.expected)
        return expected

    @property
    def deviations_file(self) -> str | None:
        """Return the deviations file the run declared, as the reports name it."""
        return self.deviations["file"] if self.deviations else None

    def deviation_outcomes(self) -> deviations.Outcomes:
        """Return what became of each declared deviation in this run."""
        return deviations.evaluate(deviations.from_data(self.deviations), self.results)


def to_json(data: RunData) -> dict[str, Any]:
    """Return the content of records.json."""
    fields = {field.name: getattr(data, field.name) for field in dataclasses.fields(data)}
    return {
        "format": FORMAT,
        **fields,
        "results": [dataclasses.asdict(result) for result in data.results.all],
        "advisory_failed_reports": data.results.advisory_failed_reports,
        "security_failed_reports": data.results.security_failed_reports,
    }


def from_json(content: dict[str, Any]) -> RunData:
    """Return the run a records.json describes."""
    if content.get("format") != FORMAT:
        raise RunDataError(f"written by another version of the harness (format {content.get('format')!r})")
    try:
        results = RunResults(
            (TestResult(**result) for result in content["results"]),
            content["advisory_failed_reports"],
            # Absent from a records.json written before the security verdict: none failed there.
            content.get("security_failed_reports", 0),
        )
        fields = [field for field in dataclasses.fields(RunData) if field.name != "results"]
        # A field added with a default (deviations) may be absent from an older records.json.
        values = {field.name: content[field.name] for field in fields
                  if field.name in content or field.default is dataclasses.MISSING}
        return RunData(results=results, **values)
    except (KeyError, TypeError) as error:
        raise RunDataError(f"incomplete ({error})") from None


def load(path: Path) -> RunData:
    """Read a records.json."""
    try:
        return from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as error:
        raise RunDataError(str(error)) from None


def write_reports(directory: Path, display_dir: str, data: RunData) -> dict[str, Any]:
    """Write report.html, summary.json, cucumber.json, records.json and the requirements matrix."""
    outcomes = data.deviation_outcomes()
    summary = build_summary(
        data.results,
        target=data.target,
        faker_seed=data.faker_seed,
        report_path=str(Path(display_dir) / "report.html"),
        strict=data.strict,
        deviations=outcomes,
        count_security=data.count_security,
        axe=data.axe,
    )
    header = ReportHeader(
        run_date=data.run_date,
        target=data.target,
        faker_seed=data.faker_seed,
        reports_dir=Path(display_dir).as_posix(),
        strict=data.strict,
        count_security=data.count_security,
        axe=data.axe,
    )
    directory.mkdir(parents=True, exist_ok=True)
    summary["requirements"] = _write_matrix(directory, data, outcomes)
    html = render_report(data.results, header, deviations=outcomes, requirements=summary["requirements"])
    (directory / "report.html").write_text(html, encoding="utf-8")
    _write_json(directory / "summary.json", summary, indent=2, default=str)
    _write_json(directory / "cucumber.json", cucumber_json(data.results.scenarios, directory), indent=1)
    _write_json(directory / RUN_DATA_FILE, to_json(data), indent=None, default=str)
    return summary


def _write_matrix(directory: Path, data: RunData, outcomes: deviations.Outcomes) -> dict[str, Any]:
    """Write requirements.json and requirements.csv; return summary.json's "requirements"."""
    catalogue = requirements_matrix.load()
    rows = requirements_matrix.build(catalogue, data.results, outcomes)
    security = requirements_matrix.build_security(catalogue, data.results, outcomes)
    about = {"target": data.target, "run_date": data.run_date, "deviations_file": data.deviations_file}
    requirements_matrix.write(directory, rows, about, security)
    # The files' names alone: they lie beside summary.json, wherever the reports were written.
    return {
        "totals": requirements_matrix.totals(rows),
        "security_totals": requirements_matrix.totals(security, requirements_matrix.SECURITY_VERDICTS),
        "files": [requirements_matrix.JSON_FILE, requirements_matrix.CSV_FILE],
    }


def _write_json(path: Path, content: object, **options: Any) -> None:
    """Write JSON as the reports do: UTF-8, non-ASCII kept, a final newline."""
    path.write_text(json.dumps(content, ensure_ascii=False, **options) + "\n", encoding="utf-8")
