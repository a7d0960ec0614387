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
REQUIRED_FIELDS: tuple[str, ...] = ("id", "guide", "page", "section", "text")
UNCOVERED = "— non couvert"
REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Requirement:
    """One instruction or checkable fact of a quick guide."""

    id: str
    guide: str
    page: int
    section: str
    text: str


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

    @property
    def unknown_ids(self) -> list[str]:
        """Return the sorted requirement-like tags that the catalogue does not define."""
        return sorted(self.unknown)

    def is_covered(self, requirement_id: str) -> bool:
        """Return whether at least one scenario is tagged with the requirement id."""
        return bool(self.scenarios_by_id.get(requirement_id))

    def totals(self, guide: str) -> tuple[int, int]:
        """Return (covered, total) requirement counts for one guide."""
        ids = [r.id for r in self.requirements if r.guide == guide]
        return sum(self.is_covered(i) for i in ids), len(ids)


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
    )
    _validate(f"{where} ({requirement.id})", requirement)
    return requirement


def _validate(where: str, requirement: Requirement) -> None:
    """Raise ValueError when a requirement's fields are inconsistent."""
    # bool is a subclass of int, and `page = true` is certainly a mistake.
    if not isinstance(requirement.page, int) or isinstance(requirement.page, bool):
        raise ValueError(f"{where}: page must be an integer, got {requirement.page!r}")
    for name in ("id", "guide", "section", "text"):
        value = getattr(requirement, name)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}: {name} must be a non-empty string")
    match = ID_PATTERN.match(requirement.id)
    if match is None:
        raise ValueError(f"{where}: id {requirement.id!r} does not match PAT-NN-NN or PRO-NN-NN")
    if requirement.guide not in GUIDES:
        raise ValueError(f"{where}: guide must be one of {', '.join(GUIDES)}")
    if match.group(1) != GUIDE_PREFIXES[requirement.guide]:
        raise ValueError(f"{where}: id prefix {match.group(1)} does not match guide")
    if int(match.group(2)) != requirement.page:
        raise ValueError(f"{where}: id page {match.group(2)} differs from page {requirement.page}")


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
    for scenario in scenarios:
        for tag in scenario.tags:
            if tag in known:
                by_id[tag].append(scenario)
            elif ID_LIKE_PATTERN.match(tag):
                unknown.setdefault(tag, []).append(scenario)
    return Coverage(
        requirements=tuple(catalogue),
        scenarios_by_id={key: tuple(value) for key, value in by_id.items()},
        unknown={key: tuple(value) for key, value in unknown.items()},
    )


def _selected(cov: Coverage, guide: str, uncovered_only: bool) -> list[Requirement]:
    """Return one guide's requirements in page then id order, optionally only uncovered ones."""
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
    lines.extend(_render_totals(cov))
    lines.extend(_render_unknown(cov))
    return "\n".join(lines).rstrip() + "\n"


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
            lines.extend(_render_scenarios(cov.scenarios_by_id.get(requirement.id, ())))
        lines.append("")
    if not selected:
        lines.extend(["  (nothing to report)", ""])
    return lines


def _render_scenarios(scenarios: Sequence[ScenarioRef]) -> list[str]:
    """Render the scenarios covering a requirement, or the uncovered marker."""
    if not scenarios:
        return [f"      {UNCOVERED}"]
    return [f"      {scenario.location}  {scenario.name}" for scenario in scenarios]


def _render_totals(cov: Coverage) -> list[str]:
    """Render the covered / total line of each guide."""
    lines = ["== Totals =="]
    for guide in GUIDES:
        covered, total = cov.totals(guide)
        lines.append(f"  {guide}: {covered}/{total} covered ({_percent(covered, total):.1f} %)")
    lines.append("")
    return lines


def _render_unknown(cov: Coverage) -> list[str]:
    """Render the requirement-like tags that the catalogue does not define, if any."""
    if not cov.unknown:
        return []
    lines = ["== Unknown requirement ids =="]
    for tag in cov.unknown_ids:
        locations = ", ".join(scenario.location for scenario in cov.unknown[tag])
        lines.append(f"  {tag}  ({locations})")
    return lines


def coverage_as_json(cov: Coverage, *, uncovered_only: bool = False) -> dict[str, Any]:
    """Return the coverage as a JSON-serialisable dictionary."""
    return {
        "requirements": [
            {
                **_requirement_dict(requirement),
                "covered": cov.is_covered(requirement.id),
                "scenarios": [_scenario_dict(s) for s in cov.scenarios_by_id[requirement.id]],
            }
            for guide in GUIDES
            for requirement in _selected(cov, guide, uncovered_only)
        ],
        "totals": {guide: _totals_dict(cov, guide) for guide in GUIDES},
        "unknown": {tag: [_scenario_dict(s) for s in cov.unknown[tag]] for tag in cov.unknown_ids},
    }


def _requirement_dict(requirement: Requirement) -> dict[str, Any]:
    """Return the catalogue fields of a requirement as a dictionary."""
    return {
        "id": requirement.id,
        "guide": requirement.guide,
        "page": requirement.page,
        "section": requirement.section,
        "text": requirement.text,
    }


def _scenario_dict(scenario: ScenarioRef) -> dict[str, Any]:
    """Return a scenario reference as a dictionary."""
    return {"feature": scenario.feature, "line": scenario.line, "name": scenario.name}


def _totals_dict(cov: Coverage, guide: str) -> dict[str, Any]:
    """Return one guide's coverage totals as a dictionary."""
    covered, total = cov.totals(guide)
    return {"covered": covered, "total": total, "percent": _percent(covered, total)}


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
        "--uncovered", action="store_true", help="list only the requirements without scenario"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Print the coverage report; return 1 when a scenario names an unknown requirement id."""
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
    return 1 if cov.unknown else 0
