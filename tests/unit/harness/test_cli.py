"""Tests of the conformance command line: its commands, pytest command lines and exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from harness import cli
from harness.browser import BrowserChoice, BrowserUnavailable

REPORTS = [
    "--reports-dir", "reports",
    "--junitxml=reports/junit.xml",
    "-p", "no:cacheprovider",
]


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """Lay out a repository with one scenario module under tests/acceptance."""
    (tmp_path / "tests" / "acceptance").mkdir(parents=True)
    (tmp_path / "tests" / "acceptance" / "test_guides.py").write_text("")
    (tmp_path / "reports").mkdir()
    return tmp_path


@pytest.fixture
def browser_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend a system Chromium is installed."""
    choice = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    monkeypatch.setattr(cli, "ensure_browser", lambda: choice)


@pytest.fixture
def children(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[list[str]]:
    """Record child commands instead of running them; each one exits with 0."""
    commands: list[list[str]] = []

    def fake_run(command: Sequence[str], cwd: Path | None = None) -> int:
        commands.append(list(command))
        return 0

    monkeypatch.setattr(cli, "run_child", fake_run)
    monkeypatch.setattr(cli, "REPO_ROOT", tmp_path)
    return commands


def test_report_options_put_every_report_in_reports():
    assert cli.report_options() == REPORTS


def test_run_command_targets_the_acceptance_scenarios(repo: Path):
    command = cli.pytest_command(
        "tests/acceptance", ["--base-url", "http://portal", "--faker-seed", "123", "-n", "2"],
        root=repo, python="py",
    )

    assert command == [
        "py", "-m", "pytest", "tests/acceptance", *REPORTS,
        "--base-url", "http://portal", "--faker-seed", "123", "-n", "2",
    ]


def test_user_options_come_last_so_they_win(repo: Path):
    command = cli.pytest_command("tests", ["--junitxml=elsewhere.xml"], root=repo, python="py")

    assert command[-1] == "--junitxml=elsewhere.xml"


def test_named_tests_replace_the_default_target(repo: Path):
    named = "tests/acceptance/test_guides.py::test_activation"

    command = cli.pytest_command("tests/acceptance", ["-x", named], root=repo, python="py")

    assert command == ["py", "-m", "pytest", *REPORTS, "-x", named]


def test_option_values_are_not_mistaken_for_tests(repo: Path):
    args = ["--reports-dir", "reports", "-k", "activation"]

    assert not cli.names_test_paths(args, root=repo)
    assert cli.pytest_command("tests", args, root=repo, python="py")[3] == "tests"


def test_serve_command_enables_the_test_support_interface():
    assert cli.serve_command(["--port", "8080"], python="py") == [
        "py", "-m", "reference_server", "--test-support", "--port", "8080",
    ]


def test_lint_command_uses_the_installed_ruff():
    command = cli.lint_command(python="py")

    assert command is not None
    assert command[-2:] == ["check", "."]


def test_lint_command_is_none_without_ruff(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(cli.importlib.util, "find_spec", lambda name: None)
    monkeypatch.setattr(cli.shutil, "which", lambda name: None)

    assert cli.lint_command() is None


@pytest.mark.parametrize(("pytest_code", "expected"), [(0, 0), (1, 1), (2, 2), (4, 4), (5, 1)])
def test_exit_code_mapping(pytest_code: int, expected: int):
    assert cli.map_exit_code(pytest_code) == expected


def test_only_an_empty_run_gets_an_explanation():
    assert "No scenario" in (cli.exit_message(5) or "")
    assert cli.exit_message(0) is None
    assert cli.exit_message(1) is None


def test_reports_line_names_present_and_missing_reports(tmp_path: Path):
    (tmp_path / "report.html").write_text("<html>")
    (tmp_path / "junit.xml").write_text("<testsuites/>")

    line = cli.reports_line(tmp_path)

    assert line.startswith(f"Reports: {tmp_path.resolve()}/")
    assert "report.html," in line
    assert "cucumber.json (missing)" in line
    assert line.endswith("junit.xml")


def test_clear_reports_removes_only_the_previous_reports(tmp_path: Path):
    reports = tmp_path / "reports"
    (reports / "scenarios").mkdir(parents=True)
    for name in ("report.html", "cucumber.json", "junit.xml", "notes.txt"):
        (reports / name).write_text("old")

    cli.clear_reports(reports)

    assert sorted(path.name for path in reports.iterdir()) == ["notes.txt", "scenarios"]


def test_clear_reports_creates_the_directory(tmp_path: Path):
    cli.clear_reports(tmp_path / "reports")

    assert (tmp_path / "reports").is_dir()


def test_pass_through_arguments_keep_their_order():
    options = cli.build_parser().parse_args(["run", "--base-url", "http://x", "-k", "a or b"])

    assert options.command == "run"
    assert options.args == ["--base-url", "http://x", "-k", "a or b"]


def test_unknown_command_is_a_usage_error():
    with pytest.raises(SystemExit) as raised:
        cli.build_parser().parse_args(["deploy"])

    assert raised.value.code == 2


@pytest.mark.usefixtures("browser_found")
def test_run_runs_pytest_on_the_scenarios(children: list[list[str]], capsys: pytest.CaptureFixture):
    assert cli.main(["run", "--faker-seed", "7"]) == 0

    assert children == [
        [sys.executable, "-m", "pytest", "tests/acceptance", *REPORTS, "--faker-seed", "7"],
    ]
    assert capsys.readouterr().out.splitlines()[-1].startswith("Reports: ")


@pytest.mark.usefixtures("browser_found")
def test_run_without_scenarios_fails(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], capsys: pytest.CaptureFixture
):
    monkeypatch.setattr(cli, "run_child", lambda command, cwd=None: 5)

    assert cli.main(["run"]) == 1
    assert "No scenario was collected" in capsys.readouterr().err


@pytest.mark.usefixtures("browser_found")
def test_test_lints_then_runs_every_test(children: list[list[str]]):
    lint = cli.lint_command()

    assert cli.main(["test", "-q"]) == 0

    assert children[0] == lint
    assert children[1] == [
        sys.executable, "-m", "pytest", "tests", *REPORTS, "--all-verdicts", "-q",
    ]


@pytest.mark.usefixtures("browser_found")
def test_test_can_still_be_told_conformance_only(children: list[list[str]]):
    assert cli.main(["test", "--conformance-only"]) == 0

    # The plugin's two options share one setting: the one given last wins.
    assert children[1][-2:] == ["--all-verdicts", "--conformance-only"]


@pytest.mark.usefixtures("browser_found")
def test_run_leaves_the_verdicts_to_the_target(children: list[list[str]]):
    assert cli.main(["run", "--base-url", "http://portal"]) == 0

    assert "--all-verdicts" not in children[0]
    assert "--conformance-only" not in children[0]


@pytest.mark.usefixtures("browser_found")
def test_strict_counts_every_verdict_instead_of_pytest_strict_mode(children: list[list[str]]):
    assert cli.main(["run", "--base-url", "http://portal", "--strict"]) == 0

    assert children[0][-3:] == ["--base-url", "http://portal", "--all-verdicts"]
    assert "--strict" not in children[0]


@pytest.mark.usefixtures("browser_found")
@pytest.mark.parametrize("code", [0, 1, 2, 3, 4])
def test_the_command_exits_with_the_code_pytest_and_the_plugin_set(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], code: int
):
    monkeypatch.setattr(cli, "run_child", lambda command, cwd=None: code)

    assert cli.main(["run", "--base-url", "http://portal"]) == code


@pytest.mark.usefixtures("browser_found")
def test_lint_errors_stop_the_test_command(monkeypatch: pytest.MonkeyPatch):
    commands: list[list[str]] = []

    def lint_fails(command: Sequence[str], cwd: Path | None = None) -> int:
        commands.append(list(command))
        return 1

    monkeypatch.setattr(cli, "run_child", lint_fails)

    assert cli.main(["test"]) == 1
    assert len(commands) == 1


def test_missing_browser_stops_the_run(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], capsys: pytest.CaptureFixture
):
    def unavailable() -> BrowserChoice:
        raise BrowserUnavailable()

    monkeypatch.setattr(cli, "ensure_browser", unavailable)

    assert cli.main(["run"]) == 1
    assert children == []
    assert "playwright install chromium" in capsys.readouterr().err


@pytest.mark.usefixtures("browser_found")
def test_setup_says_which_browser(capsys: pytest.CaptureFixture):
    assert cli.main(["setup"]) == 0
    assert "/usr/bin/chromium" in capsys.readouterr().out


def test_serve_passes_its_arguments(children: list[list[str]]):
    assert cli.main(["serve", "--port", "8080"]) == 0
    assert children == [
        [sys.executable, "-m", "reference_server", "--test-support", "--port", "8080"],
    ]


def test_coverage_delegates_to_the_requirements_tool(monkeypatch: pytest.MonkeyPatch):
    import harness.requirements

    received: list[list[str] | None] = []

    def fake_main(argv: list[str] | None = None) -> int:
        received.append(argv)
        return 3

    monkeypatch.setattr(harness.requirements, "main", fake_main)
    monkeypatch.chdir(cli.REPO_ROOT)

    assert cli.main(["coverage", "--uncovered"]) == 3
    assert received == [["--uncovered"]]
