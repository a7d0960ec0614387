"""Expected deviations: the scenarios or requirements a target is known to fail, each with a reason.

After the OpenID conformance suite's expected-failures files. A TOML file declares them::

    [[deviation]]
    requirement = "PAT-10-02"                    # every conformance scenario tagged @PAT-10-02
    reason = "Le portail n'impose pas de chiffre"
    ticket = "ESANTE-1234"                       # optional

    [[deviation]]
    scenario = "Chaque règle du mot de passe a son propre message"   # the exact title
    feature = "Étape 2 – Mot de passe"           # optional: when two features share the title
    reason = "…"

At the end of a run each entry is an **expected failure** (one of its scenarios failed), an
**unexpected pass** (its scenarios that ran all passed), **not run** (none of them ran) or
**stale** (no scenario of the run's selection matches it). Expected failures do not fail the run;
an unexpected pass does; a stale entry is only reported, since a selection (-m, -k, a shard)
legitimately leaves entries out.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from harness.report.records import ScenarioRecord
from harness.report.results import FAILED, PASSED, RunResults, TestResult
from harness.requirements import ID_PATTERN
from harness.verdicts import CONFORMANCE

ENTRY_TABLE = "deviation"
SUBJECT_KEYS = ("requirement", "scenario")
ALLOWED_KEYS = (*SUBJECT_KEYS, "feature", "reason", "ticket")
EXPECTED_FAILURE = "expected failure"
UNEXPECTED_PASS = "unexpected pass"
NOT_RUN = "not run"
STALE = "stale"
_HEADER = re.compile(rf"^\s*\[\[\s*{ENTRY_TABLE}\s*\]\]")


class DeviationsError(ValueError):
    """A deviations file that cannot be used as it is written."""


@dataclass(frozen=True)
class Deviation:
    """One declared deviation: what it covers, why, and where it is written."""

    reason: str
    line: int
    requirement: str | None = None
    scenario: str | None = None
    feature: str | None = None
    ticket: str | None = None

    @property
    def subject(self) -> str:
        """Return what the entry declares, as the reports name it."""
        if self.requirement is not None:
            return self.requirement
        where = f" ({self.feature})" if self.feature else ""
        return f"« {self.scenario} »{where}"

    @property
    def because(self) -> str:
        """Return the reason with its ticket, e.g. "Le portail … [ESANTE-1234]"."""
        return f"{self.reason} [{self.ticket}]" if self.ticket else self.reason

    def matches(self, record: ScenarioRecord) -> bool:
        """Tell whether a scenario falls under this entry."""
        if self.requirement is not None:
            # A requirement is judged by conformance; reference and accessibility are beside it.
            return record["verdict"] == CONFORMANCE and self.requirement in record["requirements"]
        return record["name"] == self.scenario and self.feature in (None, record["feature"])


@dataclass(frozen=True)
class Deviations:
    """A deviations file: where it is (as the reports show it) and its entries in file order."""

    file: str
    entries: tuple[Deviation, ...]

    def where(self, entry: Deviation) -> str:
        """Return the entry's place, e.g. "targets/staging.deviations.toml:4"."""
        return f"{self.file}:{entry.line}"

    def to_data(self) -> dict[str, Any]:
        """Return plain data for records.json."""
        return {"file": self.file, "entries": [dataclasses.asdict(entry) for entry in self.entries]}


def from_data(data: Mapping[str, Any] | None) -> Deviations | None:
    """Return the deviations records.json keeps, or None for a run without any."""
    if not data:
        return None
    return Deviations(data["file"], tuple(Deviation(**entry) for entry in data["entries"]))


# Reading and checking the file.


def load(path: Path, display: str, known_requirements: Collection[str] = ()) -> Deviations:
    """Read and check a deviations file; every mistake is a DeviationsError naming its line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise DeviationsError(f"{display}: cannot read the deviations file ({error.strerror})") from None
    return parse(text, display, known_requirements)


def parse(text: str, display: str, known_requirements: Collection[str] = ()) -> Deviations:
    """Check a deviations file's text and return its entries."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DeviationsError(f"{display}: not valid TOML: {error}") from None
    lines = text.splitlines()
    for key in raw:
        if key != ENTRY_TABLE:
            raise DeviationsError(f"{display}:{_key_line(lines, key, 0, len(lines))}: unknown key "
                                  f"{key!r}; a deviations file holds [[{ENTRY_TABLE}]] tables only")
    tables = raw.get(ENTRY_TABLE, [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise DeviationsError(f"{display}: {ENTRY_TABLE} must be an array of tables ([[{ENTRY_TABLE}]])")
    starts = _entry_lines(lines, len(tables))
    entries = tuple(
        _entry(table, _Place(display, lines, start, end), known_requirements)
        for table, (start, end) in zip(tables, starts, strict=True)
    )
    _check_unique(display, entries)
    return Deviations(display, entries)


@dataclass(frozen=True)
class _Place:
    """Where an entry is written: the file's name and lines, and the entry's span of lines."""

    display: str
    lines: list[str]
    start: int
    end: int

    def error(self, message: str, key: str | None = None) -> DeviationsError:
        """Return an error naming the line of the entry, or of one of its keys."""
        line = _key_line(self.lines, key, self.start, self.end) if key else self.start
        return DeviationsError(f"{self.display}:{line}: {message}")


def _entry(table: dict[str, Any], place: _Place, known: Collection[str]) -> Deviation:
    """Check one [[deviation]] table and return its entry."""
    for key, value in table.items():
        if key not in ALLOWED_KEYS:
            raise place.error(f"unknown key {key!r} (allowed: {', '.join(ALLOWED_KEYS)})", key)
        if not isinstance(value, str) or not value.strip():
            raise place.error(f"{key} must be a non-empty string", key)
    subjects = [key for key in SUBJECT_KEYS if key in table]
    if len(subjects) != 1:
        raise place.error("a deviation names either a requirement or a scenario, exactly one of them")
    if "reason" not in table:
        raise place.error("the deviation has no reason: say why the target is known to fail it")
    if "feature" in table and "scenario" not in table:
        raise place.error("feature only narrows a scenario entry", "feature")
    _check_requirement(table.get("requirement"), place, known)
    return Deviation(line=place.start, **{key: value.strip() for key, value in table.items()})


def _check_requirement(requirement: str | None, place: _Place, known: Collection[str]) -> None:
    """Refuse a requirement id that is malformed or that the catalogue does not define."""
    if requirement is None:
        return
    if not ID_PATTERN.match(requirement.strip()):
        raise place.error(f"requirement {requirement!r} is not an id like PAT-10-02", "requirement")
    if known and requirement.strip() not in known:
        raise place.error(f"requirement {requirement} is not in features/requirements.toml", "requirement")


def _check_unique(display: str, entries: Iterable[Deviation]) -> None:
    """Refuse two entries declaring the same thing: their reasons would compete."""
    seen: dict[tuple[str | None, ...], Deviation] = {}
    for entry in entries:
        key = (entry.requirement, entry.scenario, entry.feature)
        if key in seen:
            raise DeviationsError(f"{display}:{entry.line}: {entry.subject} is already declared "
                                  f"at line {seen[key].line}")
        seen[key] = entry


def _entry_lines(lines: list[str], count: int) -> list[tuple[int, int]]:
    """Return each [[deviation]] header's line (from 1) and the line where the next one starts."""
    headers = [number for number, line in enumerate(lines, 1) if _HEADER.match(line)]
    if len(headers) != count:
        # An inline array (deviation = [{…}]) has no headers: every entry points at the array.
        first = _key_line(lines, ENTRY_TABLE, 0, len(lines))
        return [(first, len(lines) + 1)] * count
    return list(zip(headers, [*headers[1:], len(lines) + 1], strict=True))


def _key_line(lines: list[str], key: str | None, start: int, end: int) -> int:
    """Return the line (from 1) where a key is set between two lines, else the first of them."""
    pattern = re.compile(rf"^\s*(\[\s*)?[\"']?{re.escape(key or '')}[\"']?\s*(=|\])")
    for number in range(max(start, 1), min(end, len(lines) + 1)):
        if pattern.match(lines[number - 1]):
            return number
    return max(start, 1)


# Judging a run.


@dataclass(frozen=True)
class Outcomes:
    """What became of each declared deviation in one run."""

    declared: Deviations | None = None
    # The failed scenarios that an entry explains, by test id, and the passed ones it declared.
    expected: Mapping[str, Deviation] = dataclasses.field(default_factory=dict)
    unexpected: Mapping[str, Deviation] = dataclasses.field(default_factory=dict)
    status: Mapping[Deviation, str] = dataclasses.field(default_factory=dict)

    def entries(self, status: str) -> list[Deviation]:
        """Return the entries that ended with one status, in file order."""
        return [entry for entry, ended in self.status.items() if ended == status]

    def summary(self, results: RunResults) -> dict[str, Any] | None:
        """Return summary.json's "deviations" for this run."""
        return summary_entry(self, results)

    @property
    def unexpected_passes(self) -> list[Deviation]:
        """Return the entries whose scenarios all passed."""
        return self.entries(UNEXPECTED_PASS)

    def expected_failed_reports(self, results: RunResults, strict: bool) -> int:
        """Return the failed reports that expected failures account for, as pytest counted them."""
        # Without strict verdicts an advisory scenario's failures are already forgiven as such.
        return sum(
            result.failed_reports
            for result in results.scenarios
            if result.nodeid in self.expected and (strict or result.verdict == CONFORMANCE)
        )


def evaluate(declared: Deviations | None, results: RunResults) -> Outcomes:
    """Return what became of each entry among a run's scenarios."""
    if declared is None:
        return Outcomes()
    expected: dict[str, Deviation] = {}
    unexpected: dict[str, Deviation] = {}
    status: dict[Deviation, str] = {}
    for entry in declared.entries:
        matched = [result for result in results.scenarios if entry.matches(_record(result))]
        status[entry] = _status(matched)
        if status[entry] == EXPECTED_FAILURE:
            _note(expected, matched, FAILED, entry)
        elif status[entry] == UNEXPECTED_PASS:
            _note(unexpected, matched, PASSED, entry)
    return Outcomes(declared, expected, unexpected, status)


def _note(chosen: dict[str, Deviation], matched: list[TestResult], outcome: str, entry: Deviation) -> None:
    """Note which entry speaks for each matched scenario of one outcome."""
    for result in matched:
        # The first entry of the file that explains a scenario is the one the reports quote.
        if result.outcome == outcome:
            chosen.setdefault(result.nodeid, entry)


def _status(matched: list[TestResult]) -> str:
    """Return an entry's status from the outcomes of the scenarios it matches."""
    outcomes = {result.outcome for result in matched}
    if not matched:
        return STALE
    if FAILED in outcomes:
        return EXPECTED_FAILURE
    return UNEXPECTED_PASS if PASSED in outcomes else NOT_RUN


def _record(result: TestResult) -> ScenarioRecord:
    """Return a scenario result's record."""
    assert result.record is not None  # Only scenarios are matched.
    return result.record


# What the reports say of them.


def summary_entry(outcomes: Outcomes, results: RunResults) -> dict[str, Any] | None:
    """Return summary.json's "deviations": counts and lists, or None without a deviations file."""
    declared = outcomes.declared
    if declared is None:
        return None
    by_id = {result.nodeid: result for result in results.scenarios}
    return {
        "file": declared.file,
        "expected_failures": [_failure_entry(declared, by_id[nodeid], entry)
                              for nodeid, entry in outcomes.expected.items()],
        "unexpected_passes": [_entry_dict(declared, entry, _passed_names(outcomes, entry, by_id))
                              for entry in outcomes.unexpected_passes],
        "not_run": [_entry_dict(declared, entry) for entry in outcomes.entries(NOT_RUN)],
        "stale": [_entry_dict(declared, entry) for entry in outcomes.entries(STALE)],
    }


def _failure_entry(declared: Deviations, result: TestResult, entry: Deviation) -> dict[str, Any]:
    """Return the summary entry of an expected failure: the scenario and the entry explaining it."""
    record = _record(result)
    return {
        "name": record["name"],
        "feature": record["feature"],
        "verdict": record["verdict"],
        "failing_step": record["failing_step"],
        "requirements": record["requirements"],
        **_entry_dict(declared, entry),
    }


def _entry_dict(declared: Deviations, entry: Deviation, scenarios: list[str] | None = None) -> dict[str, Any]:
    """Return what the reports show of an entry: what it declares, why and where."""
    shown: dict[str, Any] = {
        "declared": entry.subject,
        "reason": entry.reason,
        "ticket": entry.ticket,
        "where": declared.where(entry),
    }
    if scenarios is not None:
        shown["scenarios"] = scenarios
    return shown


def _passed_names(outcomes: Outcomes, entry: Deviation, by_id: Mapping[str, TestResult]) -> list[str]:
    """Return the names of the scenarios whose pass made an entry an unexpected pass."""
    names = [_record(by_id[nodeid])["name"]
             for nodeid, speaking in outcomes.unexpected.items() if speaking == entry]
    return list(dict.fromkeys(names))
