"""Tests of the conformance command line: its commands, pytest command lines and exit codes."""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from harness import cli
from harness.browser import BrowserChoice, BrowserUnavailable, VideoUnavailable
from harness.report import render

REPO_ROOT = cli.REPO_ROOT

REPORTS = [
    "--reports-dir", "reports",
    "--junitxml=reports/junit.xml",
    "-p", "no:cacheprovider",
]
PARALLEL = ["-n", "auto", "--dist", "worksteal"]


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
        "py", "-m", "pytest", "tests/acceptance", *REPORTS, "--dist", "worksteal",
        "--base-url", "http://portal", "--faker-seed", "123", "-n", "2",
    ]


def test_user_options_come_last_so_they_win(repo: Path):
    command = cli.pytest_command("tests", ["--junitxml=elsewhere.xml"], root=repo, python="py")

    assert command[-1] == "--junitxml=elsewhere.xml"


def test_named_tests_replace_the_default_target(repo: Path):
    named = "tests/acceptance/test_guides.py::test_activation"

    command = cli.pytest_command("tests/acceptance", ["-x", named], root=repo, python="py")

    assert command == ["py", "-m", "pytest", *REPORTS, *PARALLEL, "-x", named]


def test_option_values_are_not_mistaken_for_tests(repo: Path):
    args = ["--reports-dir", "reports", "-k", "activation"]

    assert not cli.names_test_paths(args, root=repo)
    assert cli.pytest_command("tests", args, root=repo, python="py")[3] == "tests"


def test_runs_use_every_core_by_default(repo: Path):
    command = cli.pytest_command("tests/acceptance", ["-k", "activation"], root=repo, python="py")

    assert command == ["py", "-m", "pytest", "tests/acceptance", *REPORTS, *PARALLEL, "-k", "activation"]


@pytest.mark.parametrize("chosen", [["-n", "3"], ["-n3"], ["--numprocesses=3"], ["-n", "0"]])
def test_a_chosen_number_of_workers_keeps_the_balanced_distribution(chosen: list[str]):
    assert cli.parallel_options(["-k", "x", *chosen]) == ["--dist", "worksteal"]


def test_a_chosen_distribution_is_kept():
    assert cli.parallel_options(["--dist=load"]) == ["-n", "auto"]
    assert cli.parallel_options(["-n", "2", "--dist", "load"]) == []


@pytest.mark.parametrize(
    "serial",
    [["-p", "no:xdist"], ["-pno:xdist"], ["--pdb"], ["--trace"], ["--headed", "--slowmo", "300"],
     ["--base-url", "http://portal"], ["--base-url=http://portal"], ["--target", "staging"]],
)
def test_debugging_watching_or_another_portal_stays_in_one_process(serial: list[str]):
    assert cli.parallel_options(serial) == []


def test_another_portal_in_parallel_when_asked():
    assert cli.parallel_options(["--base-url", "http://portal", "-n", "2"]) == ["--dist", "worksteal"]


def test_without_xdist_no_xdist_option_is_added_even_with_n():
    # pytest would refuse -n and --dist once the plugin is off; the user's own -n stays theirs.
    assert cli.parallel_options(["-p", "no:xdist", "-n", "2"]) == []


@pytest.mark.parametrize("shard", [["--shard", "2/4"], ["--shard=2/4"]])
def test_shard_is_pytest_splits_group_of_splits(repo: Path, shard: list[str]):
    command = cli.pytest_command("tests/acceptance", [*shard, "-k", "x"], root=repo, python="py")

    assert command == [
        "py", "-m", "pytest", "tests/acceptance", *REPORTS, *PARALLEL,
        "--splits", "4", "--group", "2", "--splitting-algorithm", "least_duration", "-k", "x",
    ]


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "a/b", "1/2/3", "-1/2", ""])
def test_a_malformed_shard_is_refused(value: str):
    with pytest.raises(cli.UsageError, match="--shard takes K/N"):
        cli.shard_options(["--shard", value])


@pytest.mark.usefixtures("browser_found")
def test_a_malformed_shard_is_a_usage_error_before_anything_runs(
    children: list[list[str]], capsys: pytest.CaptureFixture
):
    assert cli.main(["run", "--shard", "5/4"]) == 2

    assert children == []
    captured = capsys.readouterr()
    assert "--shard takes K/N" in captured.err
    assert "chromium" not in captured.out


def test_a_chosen_reports_directory_holds_every_report(repo: Path):
    command = cli.pytest_command("tests", ["--reports-dir", "out/shard-2", "-q"], root=repo, python="py")

    assert command[4:8] == ["--reports-dir", "out/shard-2", "--junitxml=out/shard-2/junit.xml", "-p"]
    assert command.count("--reports-dir") == 1


@pytest.mark.usefixtures("browser_found")
def test_run_leaves_the_previous_reports_to_pytest_and_says_it_wrote_none(
    repo: Path, children: list[list[str]], capsys: pytest.CaptureFixture
):
    shard = repo / "out" / "shard-1"
    shard.mkdir(parents=True)
    (shard / "records.json").write_text("{}")
    (shard / "report.html").write_text("<html>")

    assert cli.main(["run", "--reports-dir=out/shard-1", "--help"]) == 0

    # The report plugin clears them once tests start; this child pytest ran none.
    assert (shard / "records.json").read_text() == "{}"
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"Reports: none written; {shard.resolve()}/ keeps the previous run's"


def test_merge_reports_maps_an_empty_run_to_a_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
):
    import harness.report.merge

    received: list[list[str]] = []

    def fake_main(argv: list[str]) -> int:
        received.append(argv)
        return 5

    monkeypatch.setattr(harness.report.merge, "main", fake_main)
    monkeypatch.chdir(cli.REPO_ROOT)

    assert cli.main(["merge-reports", "a", "b", "--out", "c"]) == 1
    assert received == [["a", "b", "--out", "c"]]
    assert "No scenario was collected" in capsys.readouterr().err


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


@pytest.mark.parametrize(("pytest_code", "expected"), [(0, 0), (1, 1), (2, 2), (4, 4), (5, 1), (6, 6)])
def test_exit_code_mapping(pytest_code: int, expected: int):
    assert cli.map_exit_code(pytest_code) == expected


def test_only_an_empty_run_and_axe_findings_get_an_explanation():
    assert "No scenario" in (cli.exit_message(5) or "")
    assert "axe-core found accessibility violations" in (cli.exit_message(6) or "")
    assert cli.exit_message(0) is None
    assert cli.exit_message(1) is None


def test_the_help_lists_the_exit_codes_and_the_profile(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit):
        cli.main(["--help"])

    text = capsys.readouterr().out
    assert "--axe-fail" in text and "--count-security" in text
    assert "6 only axe-core's findings" in text


def test_the_profile_and_security_options_go_to_pytest(children: list[list[str]]):
    assert cli.main(["run", "--base-url", "http://portal", "--axe-fail", "--count-security"]) == 0

    assert children[0][-2:] == ["--axe-fail", "--count-security"]


def test_reports_line_names_present_and_missing_reports(tmp_path: Path):
    (tmp_path / "report.html").write_text("<html>")
    (tmp_path / "junit.xml").write_text("<testsuites/>")

    line = cli.reports_line(tmp_path)

    assert line.startswith(f"Reports: {tmp_path.resolve()}/")
    assert "report.html," in line
    assert "cucumber.json (missing)" in line
    assert line.endswith("junit.xml")


def test_reports_line_tells_this_runs_reports_from_an_earlier_runs(tmp_path: Path):
    (tmp_path / "report.html").write_text("<html>")
    (tmp_path / "junit.xml").write_text("<testsuites/>")
    before = cli.report_states(tmp_path)
    (tmp_path / "report.html").unlink()
    (tmp_path / "report.html").write_text("<html>new")

    line = cli.reports_line(tmp_path, before)

    states = "report.html, cucumber.json (missing), junit.xml (earlier run)"
    assert line == f"Reports: {tmp_path.resolve()}/ — {states}"


def test_reports_line_says_when_the_run_wrote_no_report(tmp_path: Path):
    (tmp_path / "report.html").write_text("<html>")

    line = cli.reports_line(tmp_path, cli.report_states(tmp_path))

    assert line == f"Reports: none written; {tmp_path.resolve()}/ keeps the previous run's"


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
        [sys.executable, "-m", "pytest", "tests/acceptance", *REPORTS, *PARALLEL, "--faker-seed", "7"],
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
        sys.executable, "-m", "pytest", "tests", *REPORTS, *PARALLEL, "--all-verdicts",
        "--no-step-screenshots", "-q",
    ]


@pytest.mark.usefixtures("browser_found")
def test_test_can_still_be_told_conformance_only(children: list[list[str]]):
    assert cli.main(["test", "--conformance-only"]) == 0

    # The plugin's two options share one setting: the one given last wins.
    assert children[1][-3:] == ["--all-verdicts", "--no-step-screenshots", "--conformance-only"]


@pytest.mark.usefixtures("browser_found")
def test_test_takes_step_screenshots_only_when_told(children: list[list[str]]):
    assert cli.main(["test", "--step-screenshots"]) == 0

    assert "--no-step-screenshots" not in children[1]
    assert children[1][-1] == "--step-screenshots"


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


# --video: Playwright's ffmpeg, given before any scenario runs.


@pytest.mark.usefixtures("browser_found")
def test_run_gives_playwright_an_ffmpeg_before_recording_videos(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], capsys: pytest.CaptureFixture
):
    monkeypatch.setattr(cli, "ensure_video_encoder", lambda: "Video: /usr/bin/ffmpeg (system package)")

    assert cli.main(["run", "--video", "retain-on-failure"]) == 0

    assert len(children) == 1
    assert "Video: /usr/bin/ffmpeg" in capsys.readouterr().out


@pytest.mark.usefixtures("browser_found")
def test_videos_without_an_ffmpeg_are_refused_before_any_scenario(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], capsys: pytest.CaptureFixture
):
    def unavailable() -> str:
        raise VideoUnavailable()

    monkeypatch.setattr(cli, "ensure_video_encoder", unavailable)

    assert cli.main(["test", "--video=on"]) == cli.USAGE_ERROR

    assert children == []
    error = capsys.readouterr().err
    assert "sudo apt-get install ffmpeg" in error
    assert "python -m playwright install ffmpeg" in error


@pytest.mark.usefixtures("browser_found")
@pytest.mark.parametrize("arguments", [["--video", "off"], [], ["--video=on", "--connect", "ws://127.0.0.1:3000/"]])
def test_no_ffmpeg_is_needed_without_videos_or_with_a_browser_server(
    monkeypatch: pytest.MonkeyPatch, children: list[list[str]], arguments: list[str]
):
    def never() -> str:
        raise AssertionError("an ffmpeg was looked for")

    monkeypatch.setattr(cli, "ensure_video_encoder", never)

    assert cli.main(["run", *arguments]) == 0


# trace: the command report.html names to open a trace.


@pytest.fixture
def trace(children: list[list[str]], tmp_path: Path) -> Path:
    """Leave a failed scenario's trace in the reports of a repository laid out in tmp_path."""
    path = tmp_path / "reports" / "scenarios" / "un-scenario-0badf00d" / "trace.zip"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"PK")
    return path


def test_the_reports_trace_hint_runs_this_command_line(
    monkeypatch: pytest.MonkeyPatch, trace: Path, children: list[list[str]]
):
    monkeypatch.setattr(cli, "trace_viewer_opens", lambda: True)
    hint = render.TRACE_COMMAND.format("reports/scenarios/un-scenario-0badf00d/trace.zip")
    program, *arguments = shlex.split(hint)

    # From the repository root, where the hint says to type it.
    script = REPO_ROOT / program
    assert script.is_file() and os.access(script, os.X_OK)
    assert cli.main(arguments) == 0

    assert children == [[sys.executable, "-m", "playwright", "show-trace", str(trace)]]


def test_playwrights_show_trace_is_there_to_run():
    # The real command: Playwright's CLI, from the venv the harness runs in.
    assert cli.main(["trace", "--help"]) == 0


@pytest.mark.parametrize("given", [
    "reports/scenarios/un-scenario-0badf00d/trace.zip",
    "reports/scenarios/un-scenario-0badf00d",
    "un-scenario-0badf00d",
])
def test_a_trace_is_found_by_path_folder_or_scenario_name(trace: Path, tmp_path: Path, given: str):
    assert cli.find_trace(given, tmp_path) == trace.resolve()


def test_a_missing_trace_is_a_usage_error(
    trace: Path, children: list[list[str]], capsys: pytest.CaptureFixture
):
    assert cli.main(["trace", "reports/scenarios/autre"]) == cli.USAGE_ERROR
    assert cli.main(["trace"]) == cli.USAGE_ERROR

    assert children == []
    assert "no trace at reports/scenarios/autre" in capsys.readouterr().err


def test_without_a_window_the_trace_viewer_is_served(
    monkeypatch: pytest.MonkeyPatch, trace: Path, children: list[list[str]]
):
    monkeypatch.setattr(cli, "trace_viewer_opens", lambda: False)

    assert cli.main(["trace", "un-scenario-0badf00d"]) == 0
    assert cli.main(["trace", "--port", "9323", "un-scenario-0badf00d"]) == 0

    assert children == [
        [sys.executable, "-m", "playwright", "show-trace", "--host", "127.0.0.1", "--port", "0", str(trace)],
        [sys.executable, "-m", "playwright", "show-trace", "--port", "9323", str(trace)],
    ]
