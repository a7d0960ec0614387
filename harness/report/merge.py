"""Merge the reports of several runs of one selection (CI shards) into the reports of one run.

Each run's records.json gives its results and how it ended; the merged reports are written by
the same code as a run's, so they read as if one run had run every shard's tests.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from harness.report import junit
from harness.report.results import RunResults
from harness.report.run_data import RUN_DATA_FILE, RunData, RunDataError, load, write_reports
from harness.report.summary import summary_lines

JUNIT_FILE = "junit.xml"
EVIDENCE_DIR = "scenarios"
# A merge refused, like a command line refused: nothing is written.
REFUSED = 2
_CODE = pytest.ExitCode
# The worst ending first: what one run meeting every shard's trouble would have ended with. A
# shard that collected nothing is no failure as long as another one ran something.
_WORST_FIRST = (
    _CODE.INTERNAL_ERROR, _CODE.USAGE_ERROR, _CODE.INTERRUPTED, _CODE.TESTS_FAILED, _CODE.OK,
    _CODE.NO_TESTS_COLLECTED,
)
_LISTED = 3


class MergeError(Exception):
    """Runs that cannot be merged into one."""


@dataclass(frozen=True)
class Shard:
    """One run's reports directory: its records and its junit.xml, if it wrote one."""

    directory: Path
    data: RunData
    junit: ET.Element | None


def build_parser() -> argparse.ArgumentParser:
    """Build the parser of merge-reports: the runs' directories and where to write."""
    parser = argparse.ArgumentParser(
        prog="conformance merge-reports",
        description="Merge the reports of the shards of a run (--shard K/N) into one set of reports.",
    )
    parser.add_argument("directories", nargs="+", type=Path, metavar="DIR",
                        help="a shard's reports directory (with its records.json)")
    parser.add_argument("--out", default="reports", metavar="DIR",
                        help="where to write the merged reports (default: reports)")
    return parser


def main(argv: Sequence[str]) -> int:
    """Merge the runs, write the reports and return the exit status the merged verdicts give."""
    options = build_parser().parse_args(argv)
    try:
        shards = [load_shard(directory) for directory in options.directories]
        check(shards)
    except MergeError as error:
        print(f"merge-reports: {error}", file=sys.stderr)
        return REFUSED
    for warning in warnings(shards):
        print(f"merge-reports: warning: {warning}", file=sys.stderr)
    data = merge(shard.data for shard in shards)
    summary = write(Path(options.out), options.out, shards, data)
    for line in summary_lines(summary):
        print(line)
    print(f"Reports: {Path(options.out).resolve()}/ — merged from {len(shards)} runs")
    return data.exit_status


def load_shard(directory: Path) -> Shard:
    """Read one run's records.json and junit.xml."""
    try:
        data = load(directory / RUN_DATA_FILE)
    except RunDataError as error:
        raise MergeError(f"{directory / RUN_DATA_FILE}: {error}") from None
    path = directory / JUNIT_FILE
    try:
        root = ET.parse(path).getroot() if path.is_file() else None
    except ET.ParseError as error:
        raise MergeError(f"{path}: {error}") from None
    return Shard(directory, data, root)


def check(shards: Sequence[Shard]) -> None:
    """Refuse runs that are not parts of one run: other targets or verdicts, overlaps, gaps."""
    _same(shards, "target", lambda data: data.target, "ran against different targets")
    _same(shards, "strict", lambda data: data.strict, "counted different verdicts (--strict)")
    _same(shards, "count_security", lambda data: data.count_security,
          "counted different verdicts (--count-security)")
    _same(shards, "axe", lambda data: data.axe, "ran different accessibility profiles (--axe, --axe-fail)")
    # Each shard judged its scenarios by its own file: the merged run must have had one.
    _same(shards, "deviations_file", lambda data: json.dumps(data.deviations, sort_keys=True),
          "declared different expected deviations (--deviations)")
    _no_test_twice(shards)
    _every_shard_once(shards)


def warnings(shards: Sequence[Shard]) -> list[str]:
    """Return what is odd but mergeable: several Faker seeds, runs without junit.xml."""
    found = []
    seeds = {shard.data.faker_seed for shard in shards}
    if len(seeds) > 1:
        found.append(f"the runs used different Faker seeds ({_by_shard(shards, 'faker_seed')}); "
                     "give every shard the same --faker-seed to replay the run with one seed")
    found += [f"{shard.directory} has no {JUNIT_FILE}; the merged one lacks its tests"
              for shard in shards if shard.junit is None]
    return found


def merge(runs: Iterable[RunData]) -> RunData:
    """Return the run the given runs make together."""
    runs = list(runs)
    first = min(runs, key=lambda run: datetime.fromisoformat(run.started))
    seeds = list(dict.fromkeys(run.faker_seed for run in runs))
    results = RunResults(
        (result for run in runs for result in run.results.all),
        sum(run.results.advisory_failed_reports for run in runs),
        sum(run.results.security_failed_reports for run in runs),
    )
    return RunData(
        results=results,
        target=first.target,
        faker_seed=seeds[0] if len(seeds) == 1 else seeds,
        strict=first.strict,
        run_date=first.run_date,
        started=first.started,
        status=combined_status(run.status for run in runs),
        failed_reports=sum(run.failed_reports for run in runs),
        stopped=any(run.stopped for run in runs),
        deviations=first.deviations,
        count_security=first.count_security,
        axe=first.axe,
    )


def combined_status(statuses: Iterable[int]) -> int:
    """Return pytest's exit status for the runs together, before the verdicts reconsider it."""
    found = set(statuses)
    return next((int(code) for code in _WORST_FIRST if code in found), max(found))


def write(out: Path, display_dir: str, shards: Sequence[Shard], data: RunData) -> dict[str, Any]:
    """Write the merged reports and the scenarios' evidence into a directory; return the summary."""
    out.mkdir(parents=True, exist_ok=True)
    for shard in shards:
        copy_evidence(shard, out)
    summary = write_reports(out, display_dir, data)
    roots = [shard.junit for shard in shards if shard.junit is not None]
    if roots:
        junit.write(junit.merge(roots), out / JUNIT_FILE)
    else:
        (out / JUNIT_FILE).unlink(missing_ok=True)
    return summary


def copy_evidence(shard: Shard, out: Path) -> None:
    """Copy the screenshots and traces of a run's scenarios, where report.html links them."""
    for result in shard.data.results.scenarios:
        assert result.record is not None  # Scenarios have records.
        source = shard.directory / EVIDENCE_DIR / result.record["slug"]
        target = out / EVIDENCE_DIR / result.record["slug"]
        # Merging into one of the runs' own directories leaves its evidence where it is.
        if source.is_dir() and source.resolve() != target.resolve():
            shutil.copytree(source, target, dirs_exist_ok=True)


def _same(shards: Sequence[Shard], field: str, value: Any, what: str) -> None:
    """Refuse runs that differ in one respect."""
    if len({value(shard.data) for shard in shards}) > 1:
        raise MergeError(f"the runs {what}: {_by_shard(shards, field)}")


def _no_test_twice(shards: Sequence[Shard]) -> None:
    """Refuse a test that more than one run ran: the shards overlap, or a run is given twice."""
    where: dict[str, list[str]] = {}
    for shard in shards:
        for result in shard.data.results.all:
            where.setdefault(result.nodeid, []).append(str(shard.directory))
    twice = [f"{nodeid} ({', '.join(dirs)})" for nodeid, dirs in where.items() if len(dirs) > 1]
    if twice:
        more = f" and {len(twice) - _LISTED} more" if len(twice) > _LISTED else ""
        raise MergeError(f"{len(twice)} tests ran in more than one run: "
                         f"{'; '.join(twice[:_LISTED])}{more}")


def _every_shard_once(shards: Sequence[Shard]) -> None:
    """Refuse shards of different splits, and a split with a shard missing or given twice."""
    labels = [shard.data.shard for shard in shards if shard.data.shard]
    if not labels:
        return
    totals = {label.split("/")[1] for label in labels}
    if len(totals) > 1:
        raise MergeError(f"the shards come from different splits: {_by_shard(shards, 'shard')}")
    total = int(totals.pop())
    given = Counter(int(label.split("/")[0]) for label in labels)
    twice = [f"{group}/{total}" for group, times in sorted(given.items()) if times > 1]
    missing = [f"{group}/{total}" for group in range(1, total + 1) if group not in given]
    if twice:
        raise MergeError(f"shard {', '.join(twice)} given more than once: {_by_shard(shards, 'shard')}")
    if missing:
        raise MergeError(f"shard {', '.join(missing)} missing: give every shard's reports directory")


def _by_shard(shards: Sequence[Shard], field: str) -> str:
    """Return a field of each run's data with its directory, e.g. "1 in a, 2 in b"."""
    return ", ".join(f"{getattr(shard.data, field)} in {shard.directory}" for shard in shards)
