"""Traceability between the quick guides' requirements catalogue and the feature scenarios."""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserException
from gherkin.parser import Parser
from gherkin.token_scanner import TokenScanner

GUIDES: tuple[str, ...] = ("patient", "professionnel")
GUIDE_PREFIXES: Mapping[str, str] = {"patient": "PAT", "professionnel": "PRO"}
GUIDE_TITLES: Mapping[str, str] = {
    "patient": "Quick guide patient",
    "professionnel": "Quick guide professionnel de santé",
}
ID_PATTERN = re.compile(r"^(PAT|PRO)-(\d{2})-(\d{2})$")
# Deliberately looser than ID_PATTERN: a mistyped tag such as "PAT-9-1" must be reported as
# unknown rather than silently ignored as an unrelated tag.
ID_LIKE_PATTERN = re.compile(r"^(PAT|PRO)-")
# Security scenarios (@securite) cover no guide instruction: they name OWASP ASVS 5.0
# requirements instead (@ASVS-6.3.1: chapter, section, requirement), a namespace of their own,
# and may add the NIST SP 800-63B section they follow (@NIST-800-63B-5.2.2).
SECURITY_TAG = "securite"
ASVS_PATTERN = re.compile(r"^ASVS-(\d+)\.(\d+)\.(\d+)$")
NIST_PATTERN = re.compile(r"^NIST-800-63B-(\d+(?:\.\d+)*)$")
# The standards of security ids, in the order the reports list them.
SECURITY_STANDARDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (ASVS_PATTERN, "OWASP ASVS 5.0"),
    (NIST_PATTERN, "NIST SP 800-63B"),
)
# As for guide ids: "ASVS-6.3" or "ASVS-V6.3.1" is reported, not taken for an unrelated tag.
SECURITY_LIKE_PATTERN = re.compile(r"^(ASVS|NIST)-", re.IGNORECASE)
REQUIRED_FIELDS: tuple[str, ...] = ("id", "guide", "page", "section", "text")
UNCOVERED = "— non couvert"
LEFT_OUT = "— left out:"
# A requirement's status: tagged by a scenario, deliberately not covered (with a reason), or neither.
COVERED_STATUS, LEFT_OUT_STATUS, UNCOVERED_STATUS = "covered", "left_out", "uncovered"
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Requirement:
    """One instruction or checkable fact of a quick guide."""

    id: str
    guide: str
    page: int
    section: str
    text: str
    left_out: str | None = None


@dataclass(frozen=True)
class GuideCounts:
    """How many requirements of one guide are covered, left out with a reason, or uncovered."""

    covered: int
    left_out: int
    uncovered: int

    @property
    def total(self) -> int:
        """Return the number of requirements of the guide."""
        return self.covered + self.left_out + self.uncovered

    @property
    def percent(self) -> float:
        """Return the covered share in percent, 0 for an empty guide."""
        return _percent(self.covered, self.total)


@dataclass(frozen=True)
class ScenarioRef:
    """A scenario (or scenario outline) of a feature file with its effective tags."""

    feature: str
    name: str
    line: int
    tags: tuple[str, ...]

    @property
    def location(self) -> str:
        """Return the `feature:line` position of the scenario."""
        return f"{self.feature}:{self.line}"


@dataclass(frozen=True)
class Coverage:
    """Which scenarios cover each requirement, and which tags name unknown requirements."""

    requirements: tuple[Requirement, ...]
    scenarios_by_id: Mapping[str, tuple[ScenarioRef, ...]]
    unknown: Mapping[str, tuple[ScenarioRef, ...]] = field(default_factory=dict)
    # The ASVS (and NIST) requirements the security scenarios name, and the security scenarios
    # naming no ASVS requirement.
    security: Mapping[str, tuple[ScenarioRef, ...]] = field(default_factory=dict)
    security_without_asvs: tuple[ScenarioRef, ...] = ()

    @property
    def unknown_ids(self) -> list[str]:
        """Return the sorted requirement-like tags that the catalogue does not define."""
        return sorted(self.unknown)

    def is_covered(self, requirement_id: str) -> bool:
        """Return whether at least one scenario is tagged with the requirement id."""
        return bool(self.scenarios_by_id.get(requirement_id))

    def status(self, requirement: Requirement) -> str:
        """Return whether a requirement is covered, left out with a reason, or uncovered."""
        if self.is_covered(requirement.id):
            return COVERED_STATUS
        return LEFT_OUT_STATUS if requirement.left_out else UNCOVERED_STATUS

    @property
    def contradictions(self) -> list[Requirement]:
        """Return the requirements marked left out that scenarios tag all the same."""
        return [r for r in self.requirements if r.left_out and self.is_covered(r.id)]

    @property
    def uncovered(self) -> list[Requirement]:
        """Return the requirements neither covered by a scenario nor left out with a reason."""
        return [r for r in self.requirements if self.status(r) == UNCOVERED_STATUS]

    def totals(self, guide: str) -> tuple[int, int]:
        """Return (covered, total) requirement counts for one guide."""
        counts = self.counts(guide)
        return counts.covered, counts.total

    def counts(self, guide: str) -> GuideCounts:
        """Return the covered, left-out and uncovered requirement counts of one guide."""
        statuses = [self.status(r) for r in self.requirements if r.guide == guide]
        return GuideCounts(
            covered=statuses.count(COVERED_STATUS),
            left_out=statuses.count(LEFT_OUT_STATUS),
            uncovered=statuses.count(UNCOVERED_STATUS),
        )


# --------------------------------------------------------------------------------------------
# Catalogue
# --------------------------------------------------------------------------------------------


def load_catalogue(path: Path) -> list[Requirement]:
    """Load and validate the requirements catalogue from a TOML file."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    entries = data.get("requirement", [])
    if not isinstance(entries, list):
        raise ValueError(f"{path}: 'requirement' must be an array of tables ([[requirement]])")
    requirements = [_parse_entry(path, index, entry) for index, entry in enumerate(entries)]
    _check_unique(path, requirements)
    return requirements


def _parse_entry(path: Path, index: int, entry: Mapping[str, Any]) -> Requirement:
    """Build one Requirement from a TOML table, raising ValueError when it is malformed."""
    where = f"{path}: requirement #{index + 1}"
    missing = [name for name in REQUIRED_FIELDS if name not in entry]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(missing)}")
    requirement = Requirement(
        id=entry["id"],
        guide=entry["guide"],
        page=entry["page"],
        section=entry["section"],
        text=entry["text"],
        left_out=entry.get("left_out"),
    )
    _validate(f"{where} ({requirement.id})", requirement)
    return requirement


def _validate(where: str, requirement: Requirement) -> None:
    """Raise ValueError when a requirement's fields are inconsistent."""
    # bool is a subclass of int, and `page = true` is certainly a mistake.
    if not isinstance(requirement.page, int) or isinstance(requirement.page, bool):
        raise ValueError(f"{where}: page must be an integer, got {requirement.page!r}")
    for name in ("id", "guide", "section", "text"):
        if not _is_text(getattr(requirement, name)):
            raise ValueError(f"{where}: {name} must be a non-empty string")
    if requirement.left_out is not None and not _is_text(requirement.left_out):
        raise ValueError(f"{where}: left_out must be a non-empty string (the reason)")
    match = ID_PATTERN.match(requirement.id)
    if match is None:
        raise ValueError(f"{where}: id {requirement.id!r} does not match PAT-NN-NN or PRO-NN-NN")
    if requirement.guide not in GUIDES:
        raise ValueError(f"{where}: guide must be one of {', '.join(GUIDES)}")
    if match.group(1) != GUIDE_PREFIXES[requirement.guide]:
        raise ValueError(f"{where}: id prefix {match.group(1)} does not match guide")
    if int(match.group(2)) != requirement.page:
        raise ValueError(f"{where}: id page {match.group(2)} differs from page {requirement.page}")


def _is_text(value: object) -> bool:
    """Return whether a catalogue value is a string with something besides whitespace."""
    return isinstance(value, str) and bool(value.strip())


def _check_unique(path: Path, requirements: Sequence[Requirement]) -> None:
    """Raise ValueError when two requirements share an id."""
    seen: set[str] = set()
    for requirement in requirements:
        if requirement.id in seen:
            raise ValueError(f"{path}: duplicate requirement id {requirement.id}")
        seen.add(requirement.id)


def requirement_marker_names(catalogue: Iterable[Requirement]) -> list[str]:
    """Return the pytest marker names (the ids themselves) to register for --strict-markers."""
    return [requirement.id for requirement in catalogue]


def security_ids(tags: Iterable[str]) -> list[str]:
    """Return the well-formed ASVS then NIST SP 800-63B ids among tags, each in its standard's order."""
    found = {tag for tag in tags if security_standard(tag)}
    return sorted(found, key=security_order)


def security_standard(tag: str) -> str | None:
    """Return the standard a well-formed security id belongs to ("OWASP ASVS 5.0"), or None."""
    return next((name for pattern, name in SECURITY_STANDARDS if pattern.match(tag)), None)


def security_order(security_id: str) -> tuple[int, ...]:
    """Return the sort key of a security id: ASVS first, and 6.3.10 after 6.3.9 as the standard lists."""
    for index, (pattern, _) in enumerate(SECURITY_STANDARDS):
        match = pattern.match(security_id)
        if match:
            return (index, *(int(part) for part in ".".join(match.groups()).split(".")))
    return (len(SECURITY_STANDARDS),)


def security_marker_names(scenarios: Iterable[ScenarioRef]) -> list[str]:
    """Return the security ids the feature files tag, to register as markers; a malformed one stays out."""
    # No catalogue lists ASVS 5.0's few hundred requirements: the shape is what is checked, so a
    # mistyped "ASVS-6.3" still fails the run under --strict-markers.
    return security_ids(tag for scenario in scenarios for tag in scenario.tags)


# --------------------------------------------------------------------------------------------
# Scenarios
# --------------------------------------------------------------------------------------------


def collect_scenarios(features_dir: Path) -> list[ScenarioRef]:
    """Parse every feature file under a directory and list its scenarios with their tags."""
    scenarios: list[ScenarioRef] = []
    for path in sorted(features_dir.rglob("*.feature")):
        relative = path.relative_to(features_dir).as_posix()
        scenarios.extend(_scenarios_of(relative, _parse_feature(path)))
    return scenarios


def _parse_feature(path: Path) -> Mapping[str, Any]:
    """Parse one feature file into its Gherkin document, naming the file on syntax errors."""
    try:
        return Parser().parse(TokenScanner(path.read_text(encoding="utf-8")))
    except (CompositeParserException, ParserException) as error:
        raise ValueError(f"{path}: {error}") from error


def _scenarios_of(feature_file: str, document: Mapping[str, Any]) -> Iterator[ScenarioRef]:
    """Yield the scenarios of a parsed document, including those nested in rules."""
    feature = document.get("feature")
    if not feature:
        return
    yield from _walk(feature_file, feature["children"], _tag_names(feature))


def _walk(
    feature_file: str, children: Iterable[Mapping[str, Any]], inherited: tuple[str, ...]
) -> Iterator[ScenarioRef]:
    """Yield scenarios from feature or rule children, accumulating inherited tags."""
    for child in children:
        if "rule" in child:
            rule = child["rule"]
            yield from _walk(feature_file, rule["children"], inherited + _tag_names(rule))
        elif "scenario" in child:
            yield _scenario_ref(feature_file, child["scenario"], inherited)


def _scenario_ref(
    feature_file: str, scenario: Mapping[str, Any], inherited: tuple[str, ...]
) -> ScenarioRef:
    """Build a ScenarioRef whose tags merge inherited, scenario and Examples tags."""
    tags = inherited + _tag_names(scenario)
    for examples in scenario.get("examples", []):
        tags += _tag_names(examples)
    return ScenarioRef(
        feature=feature_file,
        name=scenario["name"],
        line=scenario["location"]["line"],
        tags=tuple(dict.fromkeys(tags)),
    )


def _tag_names(node: Mapping[str, Any]) -> tuple[str, ...]:
    """Return a Gherkin node's tag names without the leading '@'."""
    return tuple(tag["name"].removeprefix("@") for tag in node.get("tags", []))


# --------------------------------------------------------------------------------------------
# Coverage
# --------------------------------------------------------------------------------------------


def coverage(catalogue: Sequence[Requirement], scenarios: Iterable[ScenarioRef]) -> Coverage:
    """Map each requirement to the scenarios tagged with it and collect unknown id tags."""
    known = {requirement.id for requirement in catalogue}
    by_id: dict[str, list[ScenarioRef]] = {requirement.id: [] for requirement in catalogue}
    unknown: dict[str, list[ScenarioRef]] = {}
    security: dict[str, list[ScenarioRef]] = {}
    without_asvs: list[ScenarioRef] = []
    for scenario in scenarios:
        for tag in scenario.tags:
            if tag in known:
                by_id[tag].append(scenario)
            elif security_standard(tag):
                security.setdefault(tag, []).append(scenario)
            elif ID_LIKE_PATTERN.match(tag) or SECURITY_LIKE_PATTERN.match(tag):
                unknown.setdefault(tag, []).append(scenario)
        if SECURITY_TAG in scenario.tags and not any(ASVS_PATTERN.match(tag) for tag in scenario.tags):
            without_asvs.append(scenario)
    return Coverage(
        requirements=tuple(catalogue),
        scenarios_by_id={key: tuple(value) for key, value in by_id.items()},
        unknown={key: tuple(value) for key, value in unknown.items()},
        security={key: tuple(security[key]) for key in sorted(security, key=security_order)},
        security_without_asvs=tuple(without_asvs),
    )


def _selected(cov: Coverage, guide: str, uncovered_only: bool) -> list[Requirement]:
    """Return one guide's requirements in page then id order, optionally only those not covered."""
    chosen = [
        r
        for r in cov.requirements
        if r.guide == guide and not (uncovered_only and cov.is_covered(r.id))
    ]
    return sorted(chosen, key=lambda r: (r.page, r.id))


def _percent(covered: int, total: int) -> float:
    """Return the covered share in percent, 0 for an empty guide."""
    return round(100.0 * covered / total, 1) if total else 0.0


# --------------------------------------------------------------------------------------------
# Reports
# --------------------------------------------------------------------------------------------


def render_coverage(cov: Coverage, *, uncovered_only: bool = False) -> str:
    """Render a plain-text coverage report grouped by guide then page."""
    lines: list[str] = []
    for guide in GUIDES:
        lines.extend(_render_guide(cov, guide, uncovered_only))
    lines.extend(_render_security(cov, uncovered_only))
    lines.extend(_render_totals(cov))
    lines.extend(_render_unknown(cov))
    lines.extend(_render_contradictions(cov))
    return "\n".join(lines).rstrip() + "\n"


def _render_security(cov: Coverage, uncovered_only: bool) -> list[str]:
    """Render the ASVS and NIST requirements the security scenarios name, and those that name none."""
    if not (cov.security or cov.security_without_asvs):
        return []
    lines = ["== Security: OWASP ASVS 5.0 and NIST SP 800-63B (securite) ==", ""]
    if not uncovered_only:
        for asvs_id, scenarios in cov.security.items():
            lines.append(f"  {asvs_id}")
            lines.extend(f"      {scenario.location}  {scenario.name}" for scenario in scenarios)
    for scenario in cov.security_without_asvs:
        lines.append(f"  ! {scenario.location}  {scenario.name}: @{SECURITY_TAG} without an @ASVS-x.y.z tag")
    lines.append("")
    return lines


def _render_guide(cov: Coverage, guide: str, uncovered_only: bool) -> list[str]:
    """Render one guide's section: a heading per page, then each requirement and its scenarios."""
    lines = [f"== {GUIDE_TITLES[guide]} ({guide}) ==", ""]
    selected = _selected(cov, guide, uncovered_only)
    for page, group in groupby(selected, key=lambda requirement: requirement.page):
        requirements = list(group)
        # A page can hold more than one heading (e.g. a closing "Des questions ?" box).
        sections = " / ".join(dict.fromkeys(r.section for r in requirements))
        lines.append(f"Page {page} — {sections}")
        for requirement in requirements:
            lines.append(f"  {requirement.id}  {requirement.text}")
            lines.extend(_render_status(cov, requirement))
        lines.append("")
    if not selected:
        lines.extend(["  (nothing to report)", ""])
    return lines


def _render_status(cov: Coverage, requirement: Requirement) -> list[str]:
    """Render the scenarios covering a requirement, its reason for being left out, or neither."""
    scenarios = cov.scenarios_by_id.get(requirement.id, ())
    lines = [f"      {scenario.location}  {scenario.name}" for scenario in scenarios]
    if requirement.left_out and scenarios:
        lines.append(f"      ! marked left out ({requirement.left_out}) yet tagged by the above")
    elif requirement.left_out:
        lines.append(f"      {LEFT_OUT} {requirement.left_out}")
    elif not scenarios:
        lines.append(f"      {UNCOVERED}")
    return lines


def _render_totals(cov: Coverage) -> list[str]:
    """Render each guide's line of covered, left-out and uncovered counts."""
    lines = ["== Totals =="]
    for guide in GUIDES:
        lines.append(f"  {guide}: {_totals_phrase(cov.counts(guide))}")
    lines.append("")
    return lines


def _totals_phrase(counts: GuideCounts) -> str:
    """Return a guide's counts as a sentence fragment, e.g. '73/75 covered (97.3%), ...'."""
    return (
        f"{counts.covered}/{counts.total} covered ({counts.percent:.1f}%), "
        f"{counts.left_out} left out with a reason, {counts.uncovered} uncovered"
    )


def _render_unknown(cov: Coverage) -> list[str]:
    """Render the requirement-like tags that the catalogue does not define, if any."""
    if not cov.unknown:
        return []
    lines = ["== Unknown requirement ids =="]
    for tag in cov.unknown_ids:
        locations = ", ".join(scenario.location for scenario in cov.unknown[tag])
        lines.append(f"  {tag}  ({locations})")
    lines.append("")
    return lines


def _render_contradictions(cov: Coverage) -> list[str]:
    """Render the requirements both marked left out and tagged by scenarios, if any."""
    if not cov.contradictions:
        return []
    lines = ["== Left out yet covered (drop left_out or the tags) =="]
    for requirement in cov.contradictions:
        scenarios = cov.scenarios_by_id[requirement.id]
        locations = ", ".join(scenario.location for scenario in scenarios)
        lines.append(f"  {requirement.id}  ({locations})  left out: {requirement.left_out}")
    lines.append("")
    return lines


def coverage_as_json(cov: Coverage, *, uncovered_only: bool = False) -> dict[str, Any]:
    """Return the coverage as a JSON-serialisable dictionary."""
    return {
        "requirements": [
            {
                **_requirement_dict(requirement),
                "covered": cov.is_covered(requirement.id),
                "status": cov.status(requirement),
                "scenarios": [_scenario_dict(s) for s in cov.scenarios_by_id[requirement.id]],
            }
            for guide in GUIDES
            for requirement in _selected(cov, guide, uncovered_only)
        ],
        "totals": {guide: _totals_dict(cov, guide) for guide in GUIDES},
        "unknown": {tag: [_scenario_dict(s) for s in cov.unknown[tag]] for tag in cov.unknown_ids},
        "left_out_yet_covered": {r.id: _contradiction_dict(cov, r) for r in cov.contradictions},
        "security": {key: [_scenario_dict(s) for s in value] for key, value in cov.security.items()},
        "security_without_asvs": [_scenario_dict(s) for s in cov.security_without_asvs],
    }


def catalogue_fields(requirement: Requirement) -> dict[str, Any]:
    """Return where a requirement stands in the guides and what it says: id, guide, page, section, text."""
    return {
        "id": requirement.id,
        "guide": requirement.guide,
        "page": requirement.page,
        "section": requirement.section,
        "text": requirement.text,
    }


def _requirement_dict(requirement: Requirement) -> dict[str, Any]:
    """Return the catalogue fields of a requirement as a dictionary."""
    return {**catalogue_fields(requirement), "left_out": requirement.left_out}


def _contradiction_dict(cov: Coverage, requirement: Requirement) -> dict[str, Any]:
    """Return a left-out requirement's reason with the scenarios that tag it all the same."""
    scenarios = [_scenario_dict(s) for s in cov.scenarios_by_id[requirement.id]]
    return {"left_out": requirement.left_out, "scenarios": scenarios}


def _scenario_dict(scenario: ScenarioRef) -> dict[str, Any]:
    """Return a scenario reference as a dictionary."""
    return {"feature": scenario.feature, "line": scenario.line, "name": scenario.name}


def _totals_dict(cov: Coverage, guide: str) -> dict[str, Any]:
    """Return one guide's coverage totals as a dictionary."""
    counts = cov.counts(guide)
    return {
        "covered": counts.covered,
        "left_out": counts.left_out,
        "uncovered": counts.uncovered,
        "total": counts.total,
        "percent": counts.percent,
    }


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def _argument_parser() -> argparse.ArgumentParser:
    """Build the command-line parser of the coverage report."""
    parser = argparse.ArgumentParser(
        prog="requirements",
        description="Report which scenarios cover the quick guides' requirements.",
    )
    parser.add_argument(
        "--features",
        type=Path,
        default=REPO_ROOT / "features",
        metavar="DIR",
        help="folder of the feature files (default: features/ at the repository root)",
    )
    parser.add_argument(
        "--catalogue",
        type=Path,
        metavar="FILE",
        help="requirements catalogue (default: <features>/requirements.toml)",
    )
    parser.add_argument(
        "--uncovered",
        action="store_true",
        help="list only the requirements without scenario (left out ones with their reason)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    parser.add_argument(
        "--fail-uncovered",
        action="store_true",
        help="exit 1 when a requirement is neither covered nor left out with a reason",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Print the coverage report; return 1 on unknown ids, contradictions, untagged security or gaps."""
    args = _argument_parser().parse_args(argv)
    catalogue_path = args.catalogue or args.features / "requirements.toml"
    try:
        catalogue = load_catalogue(catalogue_path)
        scenarios = collect_scenarios(args.features)
    except (OSError, ValueError) as error:
        # An unreadable or inconsistent input is a usage error, distinct from a coverage finding.
        print(f"error: {error}", file=sys.stderr)
        return 2
    cov = coverage(catalogue, scenarios)
    if args.json:
        print(
            json.dumps(
                coverage_as_json(cov, uncovered_only=args.uncovered), indent=2, ensure_ascii=False
            )
        )
    else:
        print(render_coverage(cov, uncovered_only=args.uncovered), end="")
    return _exit_code(cov, fail_uncovered=args.fail_uncovered)


def _exit_code(cov: Coverage, *, fail_uncovered: bool) -> int:
    """Return 1 for catalogue findings (and uncovered requirements when asked), else 0."""
    if fail_uncovered and cov.uncovered:
        count = len(cov.uncovered)
        print(f"{count} requirement(s) neither covered nor left out with a reason", file=sys.stderr)
        return 1
    return 1 if cov.unknown or cov.contradictions or cov.security_without_asvs else 0


if __name__ == "__main__":
    raise SystemExit(main())
