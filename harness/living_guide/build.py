"""Both quick guides, page by page: each instruction with its id, this run's screenshot and verdict.

A product owner lays it beside the published guide; a vendor hands it to the Agency as evidence.
It is made from the last run's reports: records.json (the scenarios, their steps and screenshots)
and requirements.json (the verdict of each instruction), with the catalogue of features/.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from harness.report import requirements_matrix, run_data
from harness.report.results import TestResult
from harness.requirements import Requirement, load_catalogue

GUIDE_TITLES = {
    "patient": "Quick guide patient : activation compte eSanté",
    "professionnel": "Quick guide professionnel de santé : activation compte eSanté",
}
# The verdicts of requirements.json, as the guide's French reader says them.
VERDICT_WORDS = {
    "met": "Conforme",
    "not met": "Non conforme",
    "not run": "Non exécuté",
    "left out": "Hors périmètre",
    "expected deviation": "Écart déclaré",
}
QUOTED = re.compile(r"«\s*(.+?)\s*»")


class GuideError(RuntimeError):
    """The last run's reports cannot make a guide; the message says what to run first."""


@dataclass(frozen=True)
class Evidence:
    """The screenshot that shows an instruction: which scenario and step, and where the image is."""

    scenario: str
    step: str
    image: str


@dataclass(frozen=True)
class Instruction:
    """One instruction of a guide page, with this run's verdict and evidence."""

    requirement: Requirement
    verdict: str
    detail: str
    scenarios: tuple[str, ...]
    evidence: Evidence | None

    @property
    def verdict_words(self) -> str:
        """The verdict in the guide's language."""
        return VERDICT_WORDS.get(self.verdict, self.verdict)


@dataclass
class GuidePage:
    """A page of a guide: its number, its section heading and its instructions in reading order."""

    number: int
    section: str
    instructions: list[Instruction] = field(default_factory=list)


@dataclass(frozen=True)
class Guide:
    """One quick guide rebuilt from a run."""

    key: str
    title: str
    pages: tuple[GuidePage, ...]
    # When and against what the run was made, as its reports say.
    run_date: str
    target: str

    def count(self, verdict: str) -> int:
        """How many of the guide's instructions have this verdict."""
        return sum(1 for page in self.pages for item in page.instructions if item.verdict == verdict)


def build_guides(reports: Path, catalogue: Path) -> list[Guide]:
    """Both guides from the reports of the last run."""
    run = _last_run(reports)
    verdicts = _verdicts(reports)
    requirements = load_catalogue(catalogue)
    return [
        _guide(key, [r for r in requirements if r.guide == key], run, verdicts)
        for key in GUIDE_TITLES
    ]


def _last_run(reports: Path) -> run_data.RunData:
    """The last run, as its records.json keeps it."""
    try:
        return run_data.load(reports / run_data.RUN_DATA_FILE)
    except run_data.RunDataError as error:
        raise GuideError(f"no run to make the guide from in {reports}/ ({error}); "
                         "run ./conformance run first") from None


def _verdicts(reports: Path) -> dict[str, dict[str, Any]]:
    """Each requirement's row of the run's verdict matrix, by id."""
    path = reports / requirements_matrix.JSON_FILE
    try:
        rows = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GuideError(f"no requirements matrix in {reports}/ ({error}); "
                         "run ./conformance run first") from None
    listed = rows["requirements"] if isinstance(rows, dict) else rows
    return {str(row["id"]): row for row in listed}


def _guide(key: str, requirements: Sequence[Requirement], run: run_data.RunData,
           verdicts: dict[str, dict[str, Any]]) -> Guide:
    """One guide's pages, in the catalogue's order (which is the guide's reading order)."""
    results = run.results.scenarios
    pages: dict[int, GuidePage] = {}
    for requirement in requirements:
        page = pages.setdefault(requirement.page, GuidePage(requirement.page, requirement.section))
        page.instructions.append(_instruction(requirement, results, verdicts.get(requirement.id, {})))
    return Guide(key, GUIDE_TITLES[key], tuple(pages[number] for number in sorted(pages)),
                 run_date=run.run_date, target=run.target)


def _instruction(requirement: Requirement, results: Sequence[TestResult], row: dict[str, Any]) -> Instruction:
    """An instruction with its verdict, the scenarios behind it and the screenshot that shows it."""
    behind = [result for result in results if requirement.id in result.record["requirements"]]
    return Instruction(
        requirement=requirement,
        verdict=str(row.get("verdict") or ("left out" if requirement.left_out else "not run")),
        detail=str(row.get("reason") or requirement.left_out or ""),
        scenarios=tuple(result.record["name"] for result in behind),
        evidence=_evidence(requirement, behind),
    )


def _evidence(requirement: Requirement, behind: Iterable[TestResult]) -> Evidence | None:
    """The screenshot of the step that best shows the instruction, from its best scenario."""
    ranked = sorted(behind, key=lambda result: {"passed": 0, "failed": 1}.get(result.outcome, 2))
    for result in ranked:
        record = result.record
        step = best_step(requirement.text, record["steps"])
        if step is not None:
            return Evidence(record["name"], f"{step['keyword']} {step['text']}", str(step["screenshot"]))
        if record.get("screenshot"):
            return Evidence(record["name"], "fin du scénario", str(record["screenshot"]))
    return None


def best_step(text: str, steps: Sequence[dict[str, Any]]) -> dict[str, Any] | None:
    """The step with a screenshot whose words share most of the instruction's « quoted » labels.

    The guide quotes the portal's labels; the step that acts on or checks those labels is the one
    whose screenshot shows them. Ties go to the later step, which shows the outcome.
    """
    labels = [label.casefold() for label in QUOTED.findall(text)]
    best, best_score = None, 0
    for step in steps:
        if not step.get("screenshot"):
            continue
        said = str(step["text"]).casefold()
        score = sum(1 for label in labels if label in said)
        if score and score >= best_score:
            best, best_score = step, score
    return best
