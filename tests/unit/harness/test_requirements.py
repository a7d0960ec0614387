"""Tests of the requirements catalogue and its coverage by the feature scenarios."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from harness.requirements import (
    GuideCounts,
    Requirement,
    ScenarioRef,
    collect_scenarios,
    coverage,
    coverage_as_json,
    load_catalogue,
    main,
    render_coverage,
    requirement_marker_names,
    security_ids,
    security_marker_names,
)

REPO_ROOT = Path(__file__).resolve().parents[3]
CATALOGUE = REPO_ROOT / "features" / "requirements.toml"
APP_ONLY = "the MyDSP mobile app is outside the portal's scope"
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


def _entry(requirement_id: str, page: int, guide: str = "patient", extra: str = "") -> str:
    """Return one [[requirement]] table as TOML text, with extra TOML lines if given."""
    return (
        "[[requirement]]\n"
        f'id = "{requirement_id}"\nguide = "{guide}"\npage = {page}\n'
        'section = "Étape 1"\ntext = "Cliquer sur « Valider »."\n'
        f"{extra}"
    )


def _requirement(requirement_id: str, page: int, left_out: str | None = None) -> Requirement:
    """Return a patient requirement for coverage tests, left out with a reason if given."""
    return Requirement(
        requirement_id, "patient", page, "Étape", f"Texte {requirement_id}", left_out
    )


def _scenario(*tags: str, line: int = 9) -> ScenarioRef:
    """Return a patient scenario reference carrying the given tags."""
    return ScenarioRef("patient/activation.feature", "Le matricule est validé", line, tags)


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
    assert "patient: 1/2 covered (50.0%), 0 left out with a reason, 1 uncovered" in report
    only_uncovered = render_coverage(cov, uncovered_only=True)
    assert "PAT-09-03" not in only_uncovered
    assert "PAT-14-01" in only_uncovered


def test_main_fails_on_unknown_ids_and_prints_json(
    features_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = _write_catalogue(features_dir / "requirements.toml", _entry("PAT-09-01", 9))
    assert main(["--features", str(features_dir), "--json"]) == 1
    output = json.loads(capsys.readouterr().out)
    assert output["totals"]["patient"] == {
        "covered": 1, "left_out": 0, "uncovered": 0, "total": 1, "percent": 100.0
    }
    assert set(output["unknown"]) == {"PAT-09-03", "PAT-10-02", "PAT-99-01"}
    assert main(["--features", str(tmp_path / "empty"), "--catalogue", str(catalogue)]) == 0


def test_real_catalogue_leaves_out_nothing_that_a_scenario_covers() -> None:
    cov = coverage(load_catalogue(CATALOGUE), collect_scenarios(CATALOGUE.parent))
    assert [r.id for r in cov.contradictions] == []


def test_every_instruction_of_both_guides_is_covered_or_left_out_with_a_reason() -> None:
    assert main(["--fail-uncovered", "--uncovered"]) == 0


def test_left_out_reason_is_loaded(tmp_path: Path) -> None:
    path = _write_catalogue(
        tmp_path / "r.toml",
        _entry("PAT-09-01", 9, extra=f'left_out = "{APP_ONLY}"\n'),
        _entry("PAT-09-02", 9),
    )
    assert [r.left_out for r in load_catalogue(path)] == [APP_ONLY, None]


@pytest.mark.parametrize("value", ['""', '"   "', "true", "3", '["app"]', '{ why = "app" }'])
def test_left_out_must_be_a_non_empty_string(tmp_path: Path, value: str) -> None:
    path = _write_catalogue(tmp_path / "r.toml", _entry("PAT-09-01", 9, extra=f"left_out = {value}\n"))
    with pytest.raises(ValueError, match=r"\(PAT-09-01\): left_out must be a non-empty string"):
        load_catalogue(path)


def test_coverage_counts_covered_left_out_and_uncovered() -> None:
    catalogue = [
        _requirement("PAT-09-01", 9),
        _requirement("PAT-09-02", 9, left_out=APP_ONLY),
        _requirement("PAT-09-03", 9),
    ]
    cov = coverage(catalogue, [_scenario("PAT-09-01")])
    assert [cov.status(r) for r in catalogue] == ["covered", "left_out", "uncovered"]
    assert cov.counts("patient") == GuideCounts(covered=1, left_out=1, uncovered=1)
    assert cov.counts("patient").total == 3
    assert cov.totals("patient") == (1, 3)
    assert [r.id for r in cov.uncovered] == ["PAT-09-03"]
    assert cov.contradictions == []


def test_render_lists_left_out_requirements_with_their_reason() -> None:
    catalogue = [
        _requirement("PAT-09-01", 9),
        _requirement("PAT-09-02", 9, left_out=APP_ONLY),
        _requirement("PAT-09-03", 9),
    ]
    cov = coverage(catalogue, [_scenario("PAT-09-01")])
    expected = f"PAT-09-02  Texte PAT-09-02\n      — left out: {APP_ONLY}\n"
    for report in (render_coverage(cov), render_coverage(cov, uncovered_only=True)):
        assert expected in report
        assert "PAT-09-03  Texte PAT-09-03\n      — non couvert" in report
        assert "patient: 1/3 covered (33.3%), 1 left out with a reason, 1 uncovered" in report
        assert "Left out yet covered" not in report
    assert "PAT-09-01" not in render_coverage(cov, uncovered_only=True)


def test_render_reports_a_left_out_requirement_that_a_scenario_tags() -> None:
    catalogue = [_requirement("PAT-09-01", 9, left_out=APP_ONLY)]
    cov = coverage(catalogue, [_scenario("PAT-09-01", line=12)])
    assert [r.id for r in cov.contradictions] == ["PAT-09-01"]
    assert cov.counts("patient") == GuideCounts(covered=1, left_out=0, uncovered=0)
    report = render_coverage(cov)
    assert f"      ! marked left out ({APP_ONLY}) yet tagged by the above" in report
    assert "== Left out yet covered (drop left_out or the tags) ==" in report
    assert f"  PAT-09-01  (patient/activation.feature:12)  left out: {APP_ONLY}" in report
    # The uncovered-only listing hides covered requirements, but not this catalogue problem.
    assert "Left out yet covered" in render_coverage(cov, uncovered_only=True)


def test_json_gives_each_left_out_reason_and_the_counts() -> None:
    catalogue = [
        _requirement("PAT-09-01", 9),
        _requirement("PAT-09-02", 9, left_out=APP_ONLY),
        _requirement("PAT-09-03", 9),
        _requirement("PAT-10-01", 10, left_out=APP_ONLY),
    ]
    output = coverage_as_json(coverage(catalogue, [_scenario("PAT-09-01", "PAT-10-01")]))
    by_id = {r["id"]: r for r in output["requirements"]}
    assert by_id["PAT-09-02"]["left_out"] == APP_ONLY
    assert by_id["PAT-09-02"]["status"] == "left_out"
    assert (by_id["PAT-09-03"]["left_out"], by_id["PAT-09-03"]["status"]) == (None, "uncovered")
    assert by_id["PAT-09-03"]["scenarios"] == []
    assert output["totals"]["patient"] == {
        "covered": 2, "left_out": 1, "uncovered": 1, "total": 4, "percent": 50.0
    }
    assert output["left_out_yet_covered"] == {
        "PAT-10-01": {
            "left_out": APP_ONLY,
            "scenarios": [
                {"feature": "patient/activation.feature", "line": 9, "name": "Le matricule est validé"}
            ],
        }
    }
    only = coverage_as_json(coverage(catalogue, [_scenario("PAT-09-01")]), uncovered_only=True)
    assert [r["id"] for r in only["requirements"]] == ["PAT-09-02", "PAT-09-03", "PAT-10-01"]


def test_main_fails_when_a_left_out_requirement_is_tagged(
    features_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write_catalogue(
        features_dir / "requirements.toml",
        _entry("PAT-09-01", 9),
        _entry("PAT-09-03", 9, extra=f'left_out = "{APP_ONLY}"\n'),
        _entry("PAT-10-02", 10),
        _entry("PAT-99-01", 99),
    )
    assert main(["--features", str(features_dir)]) == 1
    assert "PAT-09-03  (patient/activation.feature:9)  left out:" in capsys.readouterr().out
    assert main(["--features", str(features_dir), "--json"]) == 1
    assert list(json.loads(capsys.readouterr().out)["left_out_yet_covered"]) == ["PAT-09-03"]


@pytest.mark.parametrize(
    ("left_out_line", "expected"),
    [("", 1), (f'left_out = "{APP_ONLY}"\n', 0)],
    ids=["uncovered", "left-out"],
)
def test_fail_uncovered_fails_only_on_requirements_without_a_reason(
    features_dir: Path, capsys: pytest.CaptureFixture[str], left_out_line: str, expected: int
) -> None:
    _write_catalogue(
        features_dir / "requirements.toml",
        _entry("PAT-09-01", 9),
        _entry("PAT-09-03", 9),
        _entry("PAT-10-02", 10),
        _entry("PAT-99-01", 99),
        _entry("PAT-14-01", 14, extra=left_out_line),
    )
    assert main(["--features", str(features_dir)]) == 0
    assert main(["--features", str(features_dir), "--fail-uncovered"]) == expected
    assert main(["--features", str(features_dir), "--fail-uncovered", "--json"]) == expected
    errors = capsys.readouterr().err
    assert ("1 requirement(s) neither covered nor left out with a reason" in errors) == bool(expected)


def _security(*tags: str, line: int = 5) -> ScenarioRef:
    """Return a security scenario reference carrying the given tags besides @securite."""
    return ScenarioRef("securite/sessions.feature", f"Contrôle {line}", line, ("securite", *tags))


def test_security_scenarios_name_asvs_requirements_of_their_own() -> None:
    scenarios = [_security("ASVS-7.2.1", line=5), _security("ASVS-6.3.10", "ASVS-6.3.9", line=9)]

    cov = coverage([_requirement("PAT-09-03", 9)], scenarios)

    # In the standard's order, 6.3.9 before 6.3.10; no guide requirement is covered or unknown.
    assert list(cov.security) == ["ASVS-6.3.9", "ASVS-6.3.10", "ASVS-7.2.1"]
    assert cov.unknown_ids == []
    assert cov.uncovered == [_requirement("PAT-09-03", 9)]
    assert security_marker_names(scenarios) == ["ASVS-6.3.9", "ASVS-6.3.10", "ASVS-7.2.1"]
    assert "== Security: OWASP ASVS 5.0 and NIST SP 800-63B (securite) ==" in render_coverage(cov)
    assert coverage_as_json(cov)["security"]["ASVS-7.2.1"] == [
        {"feature": "securite/sessions.feature", "line": 5, "name": "Contrôle 5"}
    ]


def test_a_malformed_asvs_tag_is_unknown_and_never_a_marker() -> None:
    scenarios = [_security("ASVS-6.3", "NIST-5.2.2", line=5),
                 _security("asvs-V6.3.1", "ASVS-6.3.1", "NIST-800-63B-5.2.2", line=9)]

    cov = coverage([], scenarios)

    assert cov.unknown_ids == ["ASVS-6.3", "NIST-5.2.2", "asvs-V6.3.1"]
    assert security_marker_names(scenarios) == ["ASVS-6.3.1", "NIST-800-63B-5.2.2"]
    assert security_ids(["NIST-800-63B-5.1.3.2", "ASVS-6.3", "PAT-09-01", "ASVS-6.3.1"]) == [
        "ASVS-6.3.1", "NIST-800-63B-5.1.3.2"]
    # A NIST section alone does not name the scenario's ASVS requirement.
    assert [s.line for s in coverage([], [_security("NIST-800-63B-5.2.2")]).security_without_asvs] == [5]


def test_a_security_scenario_naming_no_asvs_requirement_fails_coverage(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "features" / "securite"
    folder.mkdir(parents=True)
    (folder / "sessions.feature").write_text(
        "# language: fr\n@securite\nFonctionnalité: Sessions\n\n"
        "  @ASVS-7.2.1\n  Scénario: Nommé\n    Quand il se connecte\n\n"
        "  Scénario: Anonyme\n    Quand il se connecte\n",
        encoding="utf-8",
    )
    catalogue = _write_catalogue(tmp_path / "r.toml", _entry("PAT-09-01", 9, extra='left_out = "x"\n'))

    assert main(["--features", str(tmp_path / "features"), "--catalogue", str(catalogue)]) == 1
    output = capsys.readouterr().out
    assert "securite/sessions.feature:9  Anonyme: @securite without an @ASVS-x.y.z tag" in output
