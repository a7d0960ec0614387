"""Tests of merge-reports on runs written here: what it refuses, warns of, exits with and copies."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from harness.report import merge
from harness.report.results import RunResults, TestResult
from harness.report.run_data import RunData, from_json, to_json, write_reports
from harness.verdicts import CONFORMANCE, REFERENCE

JUNIT = (
    '<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests">'
    '<testsuite name="pytest" errors="0" failures="{failures}" skipped="0" tests="{tests}" '
    'time="{time}" timestamp="{timestamp}" hostname="ci">{cases}</testsuite></testsuites>'
)


def record(name: str, verdict: str = CONFORMANCE, line: int = 3) -> dict[str, Any]:
    """Return a complete scenario record, every step passed."""
    return {
        "feature": "Compte", "feature_file": "features/compte.feature", "feature_keyword": "Fonctionnalité",
        "feature_line": 1, "feature_description": "", "feature_tags": [], "keyword": "Scénario",
        "name": name, "line": line, "tags": [], "verdict": verdict, "findings": [], "requirements": [],
        "pages": [], "steps": [{"keyword": "Quand", "text": "il s'inscrit", "line": line + 1,
                                "status": "passed", "duration": 0.5}],
        "failing_step": None, "error": None, "error_type": None, "slug": f"slug-{line}",
        "screenshot": None, "screenshot_error": None, "trace": None, "trace_error": None,
    }


def scenario(line: int, outcome: str = "passed", verdict: str = CONFORMANCE) -> TestResult:
    """Return the result of a scenario that passed or failed."""
    failed = outcome == "failed"
    return TestResult(f"tests/acceptance/test_guides.py::test_{line}", record(f"S{line}", verdict, line),
                      failed_phase="call" if failed else None, error="boom" if failed else None,
                      call_passed=not failed)


def run(results: list[TestResult], **changes: Any) -> RunData:
    """Return a run of these results, passed against the reference world unless told otherwise."""
    fields: dict[str, Any] = {
        "target": "reference world", "faker_seed": 7, "strict": True,
        "run_date": "2026-12-01 10:00:00 CET", "started": "2026-12-01T10:00:00+01:00",
        "status": 0, "failed_reports": 0, "stopped": False, "shard": None,
        **changes,
    }
    advisory = fields.pop("advisory", 0)
    return RunData(results=RunResults(results, advisory), **fields)


def written(directory: Path, data: RunData) -> Path:
    """Write a run's reports into a directory, as the report plugin would, and return it."""
    write_reports(directory, str(directory), data)
    return directory


def merged(capsys: pytest.CaptureFixture, *arguments: str | Path) -> tuple[int, str, str]:
    """Run merge-reports and return its exit status, output and errors."""
    code = merge.main([str(argument) for argument in arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_records_json_keeps_everything_a_merge_needs():
    data = run([scenario(3), scenario(9, "failed")], status=1, failed_reports=1, shard="2/4")

    restored = from_json(json.loads(json.dumps(to_json(data))))

    assert to_json(restored) == to_json(data)
    assert restored.exit_status == 1
    assert [result.outcome for result in restored.results.all] == ["passed", "failed"]


def test_shards_merge_into_one_run(tmp_path: Path, capsys: pytest.CaptureFixture):
    first = written(tmp_path / "a", run([scenario(9, "failed")], status=1, failed_reports=1, shard="1/2"))
    second = written(tmp_path / "b", run([scenario(3)], shard="2/2", started="2026-12-01T09:59:00+01:00",
                                         run_date="earlier"))

    code, out, _ = merged(capsys, first, second, "--out", tmp_path / "out")

    assert code == 1
    assert "Scenarios: 1 passed, 1 failed, 0 not run" in out
    records = json.loads((tmp_path / "out" / "records.json").read_text(encoding="utf-8"))
    assert [result["nodeid"] for result in records["results"]] == [
        "tests/acceptance/test_guides.py::test_3", "tests/acceptance/test_guides.py::test_9",
    ]
    assert records["run_date"] == "earlier" and records["shard"] is None


def test_a_test_in_two_runs_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture):
    first = written(tmp_path / "a", run([scenario(3)]))
    second = written(tmp_path / "b", run([scenario(3), scenario(4)]))

    code, _, err = merged(capsys, first, second, "--out", tmp_path / "out")

    assert code == merge.REFUSED
    assert "1 tests ran in more than one run: tests/acceptance/test_guides.py::test_3" in err
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": "https://portal.staging.example/"}, "ran against different targets"),
        ({"strict": False}, "counted different verdicts"),
    ],
)
def test_runs_of_different_targets_or_verdicts_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture, changes: dict[str, Any], message: str
):
    first = written(tmp_path / "a", run([scenario(3)]))
    second = written(tmp_path / "b", run([scenario(4)], **changes))

    code, _, err = merged(capsys, first, second)

    assert code == merge.REFUSED
    assert message in err


@pytest.mark.parametrize(
    ("shards", "message"),
    [
        (["1/3", "3/3"], "shard 2/3 missing"),
        (["1/2", "2/3"], "different splits"),
        (["1/2", "1/2", "2/2"], "shard 1/2 given more than once"),
    ],
)
def test_an_incomplete_set_of_shards_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture, shards: list[str], message: str
):
    directories = [written(tmp_path / str(index), run([scenario(index)], shard=shard))
                   for index, shard in enumerate(shards)]

    code, _, err = merged(capsys, *directories, "--out", tmp_path / "out")

    assert code == merge.REFUSED
    assert message in err


def test_a_directory_without_records_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture):
    code, _, err = merged(capsys, tmp_path)

    assert code == merge.REFUSED
    assert "records.json" in err


def test_different_faker_seeds_are_merged_with_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture):
    first = written(tmp_path / "a", run([scenario(3)], faker_seed=1))
    second = written(tmp_path / "b", run([scenario(4)], faker_seed=2))

    code, out, err = merged(capsys, first, second, "--out", tmp_path / "out")

    assert code == 0
    assert "different Faker seeds (1 in" in err and "--faker-seed" in err
    assert "Faker seed: [1, 2]" in out


@pytest.mark.parametrize(("strict", "expected"), [(False, 0), (True, 1)])
def test_the_merged_exit_status_follows_the_verdicts_as_a_run_does(
    tmp_path: Path, capsys: pytest.CaptureFixture, strict: bool, expected: int
):
    target = {"target": "https://portal.staging.example/", "strict": strict}
    differs = run([scenario(3, "failed", REFERENCE)], status=1, failed_reports=1, advisory=1, **target)
    first = written(tmp_path / "a", differs)
    second = written(tmp_path / "b", run([scenario(4)], **target))

    code, _, _ = merged(capsys, first, second, "--out", tmp_path / "out")

    assert code == expected


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [((0, 1), 1), ((1, 2), 2), ((2, 3), 3), ((4, 0), 4), ((5, 0), 0), ((5, 5), 5), ((0, 0), 0)],
)
def test_the_worst_ending_of_the_runs_is_the_merged_one(statuses: tuple[int, ...], expected: int):
    assert merge.combined_status(statuses) == expected


def test_evidence_is_copied_where_the_report_links_it(tmp_path: Path, capsys: pytest.CaptureFixture):
    failed = scenario(3, "failed")
    assert failed.record is not None
    failed.record["screenshot"] = "scenarios/slug-3/final.png"
    failed.record["trace"] = "scenarios/slug-3/trace.zip"
    first = written(tmp_path / "a", run([failed], status=1, failed_reports=1))
    (first / "scenarios" / "slug-3").mkdir(parents=True)
    (first / "scenarios" / "slug-3" / "final.png").write_bytes(b"png")
    (first / "scenarios" / "slug-3" / "trace.zip").write_bytes(b"zip")
    second = written(tmp_path / "b", run([scenario(4)]))

    merged(capsys, first, second, "--out", tmp_path / "out")

    out = tmp_path / "out"
    assert (out / "scenarios" / "slug-3" / "final.png").read_bytes() == b"png"
    assert (out / "scenarios" / "slug-3" / "trace.zip").read_bytes() == b"zip"
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "scenarios/slug-3/final.png" in html
    assert f"./conformance trace {out.as_posix()}/scenarios/slug-3/trace.zip" in html


def test_a_run_can_be_merged_into_its_own_directory(tmp_path: Path, capsys: pytest.CaptureFixture):
    first = written(tmp_path / "a", run([scenario(3)]))
    (first / "scenarios" / "slug-3").mkdir(parents=True)
    (first / "scenarios" / "slug-3" / "final.png").write_bytes(b"png")
    second = written(tmp_path / "b", run([scenario(4)]))

    code, out, _ = merged(capsys, first, second, "--out", first)

    assert code == 0
    assert "Scenarios: 2 passed" in out
    assert (first / "scenarios" / "slug-3" / "final.png").read_bytes() == b"png"


def test_junit_suites_are_added_up_and_their_cases_sorted(tmp_path: Path, capsys: pytest.CaptureFixture):
    first = written(tmp_path / "a", run([scenario(3)]))
    second = written(tmp_path / "b", run([scenario(4)]))
    (first / "junit.xml").write_text(JUNIT.format(
        failures=1, tests=2, time="2.5", timestamp="2026-12-01T10:00:01",
        cases='<testcase classname="t.b" name="z"/><testcase classname="t.b" name="a"><failure/></testcase>'))
    (second / "junit.xml").write_text(JUNIT.format(
        failures=0, tests=1, time="1.0", timestamp="2026-12-01T10:00:00",
        cases='<testcase classname="t.a" name="m"/>'))

    merged(capsys, first, second, "--out", tmp_path / "out")

    root = merge.ET.parse(tmp_path / "out" / "junit.xml").getroot()
    suite = root.find("testsuite")
    assert suite is not None
    assert {name: suite.get(name) for name in ("tests", "failures", "errors", "skipped", "time")} == {
        "tests": "3", "failures": "1", "errors": "0", "skipped": "0", "time": "3.500",
    }
    assert suite.get("timestamp") == "2026-12-01T10:00:00"
    assert [(case.get("classname"), case.get("name")) for case in suite] == [
        ("t.a", "m"), ("t.b", "a"), ("t.b", "z"),
    ]
