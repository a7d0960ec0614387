"""Tests of the requirements catalogue and its coverage by the feature scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.requirements import (
    Requirement,
    ScenarioRef,
    collect_scenarios,
    coverage,
    load_catalogue,
    main,
    render_coverage,
    requirement_marker_names,
)

REPO_ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = REPO_ROOT / "features" / "requirements.toml"
# The guides' page maps (/work/shared/guides/README.md): every page holds instructions.
GUIDE_PAGES = {"patient": range(3, 22), "professionnel": range(3, 15)}

FEATURE = """\
# language: fr
@PAT-09-01 @activation
Fonctionnalité: Activation du compte patient

  Contexte:
    Soit un patient muni de son courrier d'activation

  @PAT-09-03
  Scénario: Le matricule est validé
    Quand il renseigne son matricule
    Alors le code d'activation est demandé

  @PAT-10-02
  Plan du scénario: Un mot de passe trop faible est refusé
    Quand il choisit le mot de passe "<mot de passe>"
    Alors le mot de passe est refusé

    @PAT-99-01
    Exemples:
      | mot de passe |
      | abc          |
"""


def _write_catalogue(path: Path, *entries: str) -> Path:
    """Write a small catalogue made of the given TOML tables."""
    path.write_text("\n".join(entries), encoding="utf-8")
    return path


def _entry(requirement_id: str, page: int, guide: str = "patient") -> str:
    """Return one [[requirement]] table as TOML text."""
    return (
        "[[requirement]]\n"
        f'id = "{requirement_id}"\nguide = "{guide}"\npage = {page}\n'
        'section = "Étape 1"\ntext = "Cliquer sur « Valider »."\n'
    )


def _requirement(requirement_id: str, page: int) -> Requirement:
    """Return a patient requirement for coverage tests."""
    return Requirement(requirement_id, "patient", page, "Étape", f"Texte {requirement_id}")


@pytest.fixture
def features_dir(tmp_path: Path) -> Path:
    """Return a features folder holding one French feature file in a subfolder."""
    folder = tmp_path / "features" / "patient"
    folder.mkdir(parents=True)
    (folder / "activation.feature").write_text(FEATURE, encoding="utf-8")
    return tmp_path / "features"


def test_real_catalogue_loads_with_unique_ids() -> None:
    catalogue = load_catalogue(CATALOGUE)
    ids = [requirement.id for requirement in catalogue]
    assert len(ids) == len(set(ids))
    assert {requirement.guide for requirement in catalogue} == set(GUIDE_PAGES)


@pytest.mark.parametrize("guide", sorted(GUIDE_PAGES))
def test_every_page_of_each_guide_has_requirements(guide: str) -> None:
    pages = {r.page for r in load_catalogue(CATALOGUE) if r.guide == guide}
    assert pages == set(GUIDE_PAGES[guide])


def test_real_catalogue_numbers_each_page_from_one() -> None:
    numbers: dict[tuple[str, int], list[int]] = {}
    for requirement in load_catalogue(CATALOGUE):
        numbers.setdefault((requirement.guide, requirement.page), []).append(
            int(requirement.id[-2:])
        )
    for key, found in numbers.items():
        assert found == list(range(1, len(found) + 1)), key


def test_marker_names_are_the_ids() -> None:
    catalogue = load_catalogue(CATALOGUE)
    assert requirement_marker_names(catalogue) == [r.id for r in catalogue]


def test_duplicate_id_is_rejected(tmp_path: Path) -> None:
    path = _write_catalogue(tmp_path / "r.toml", _entry("PAT-09-01", 9), _entry("PAT-09-01", 9))
    with pytest.raises(ValueError, match="duplicate requirement id PAT-09-01"):
        load_catalogue(path)


def test_page_mismatch_is_rejected(tmp_path: Path) -> None:
    path = _write_catalogue(tmp_path / "r.toml", _entry("PAT-09-01", 10))
    with pytest.raises(ValueError, match="differs from page 10"):
        load_catalogue(path)


@pytest.mark.parametrize(
    ("requirement_id", "guide", "message"),
    [
        ("PAT-9-01", "patient", "does not match"),
        ("PAT-09-01", "pharmacien", "guide must be one of"),
        ("PRO-09-01", "patient", "does not match guide"),
    ],
)
def test_malformed_entries_are_rejected(
    tmp_path: Path, requirement_id: str, guide: str, message: str
) -> None:
    path = _write_catalogue(tmp_path / "r.toml", _entry(requirement_id, 9, guide))
    with pytest.raises(ValueError, match=message):
        load_catalogue(path)


def test_collects_scenarios_and_outlines_with_inherited_tags(features_dir: Path) -> None:
    scenarios = collect_scenarios(features_dir)
    assert [(s.feature, s.name, s.line) for s in scenarios] == [
        ("patient/activation.feature", "Le matricule est validé", 9),
        ("patient/activation.feature", "Un mot de passe trop faible est refusé", 14),
    ]
    assert scenarios[0].tags == ("PAT-09-01", "activation", "PAT-09-03")
    assert scenarios[1].tags == ("PAT-09-01", "activation", "PAT-10-02", "PAT-99-01")


def test_coverage_maps_requirements_and_reports_unknown_ids(features_dir: Path) -> None:
    catalogue = [
        _requirement("PAT-09-01", 9),
        _requirement("PAT-09-03", 9),
        _requirement("PAT-10-02", 10),
        _requirement("PAT-14-01", 14),
    ]
    cov = coverage(catalogue, collect_scenarios(features_dir))
    assert len(cov.scenarios_by_id["PAT-09-01"]) == 2
    assert [s.line for s in cov.scenarios_by_id["PAT-10-02"]] == [14]
    assert not cov.is_covered("PAT-14-01")
    assert cov.totals("patient") == (3, 4)
    assert cov.unknown_ids == ["PAT-99-01"]


def test_render_marks_uncovered_requirements() -> None:
    scenario = ScenarioRef(
        "patient/activation.feature", "Le matricule est validé", 9, ("PAT-09-03",)
    )
    cov = coverage([_requirement("PAT-09-03", 9), _requirement("PAT-14-01", 14)], [scenario])
    report = render_coverage(cov)
    assert "PAT-14-01  Texte PAT-14-01\n      — non couvert" in report
    assert "patient/activation.feature:9  Le matricule est validé" in report
    assert "patient: 1/2 covered (50.0 %)" in report
    only_uncovered = render_coverage(cov, uncovered_only=True)
    assert "PAT-09-03" not in only_uncovered
    assert "PAT-14-01" in only_uncovered


def test_main_fails_on_unknown_ids_and_prints_json(
    features_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = _write_catalogue(features_dir / "requirements.toml", _entry("PAT-09-01", 9))
    assert main(["--features", str(features_dir), "--json"]) == 1
    output = json.loads(capsys.readouterr().out)
    assert output["totals"]["patient"] == {"covered": 1, "total": 1, "percent": 100.0}
    assert set(output["unknown"]) == {"PAT-09-03", "PAT-10-02", "PAT-99-01"}
    assert main(["--features", str(tmp_path / "empty"), "--catalogue", str(catalogue)]) == 0
