"""The conformance command line: set up the browser, run the scenarios, the tests, or the world."""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from harness.browser import (
    VIDEO_OPTION,
    BrowserUnavailable,
    VideoUnavailable,
    describe,
    ensure_browser,
    ensure_video_encoder,
    playwright_chromium_path,
    records_video,
)
from harness.verdicts import AXE_FINDINGS_EXIT

REPO_ROOT = Path(__file__).resolve().parent.parent
REPORTS_DIR = "reports"
REPORT_FILES = ("report.html", "cucumber.json", "junit.xml")
ACCEPTANCE_TESTS = "tests/acceptance"
ALL_TESTS = "tests"

# pytest's exit code when it collected nothing: for a conformance run that is a failure.
NO_TESTS_COLLECTED = 5

# pytest owns --strict (strict markers, config and xfail), so the report plugin's option that
# counts every verdict has another name; this command line still takes --strict for it.
STRICT = "--strict"
NO_STEP_SCREENSHOTS = "--no-step-screenshots"
ALL_VERDICTS = "--all-verdicts"

# One xdist worker per core and one more (harness.workers), each with its own reference world.
# Scenarios last from one second to ten: worksteal lets an idle worker take over half of a busy
# one's queue, where load would leave the last long scenarios queued behind one worker.
PARALLEL = ("-n", "auto")
DISTRIBUTION = ("--dist", "worksteal")
# A person at the keyboard (a debugger, a visible browser) follows one scenario at a time.
SERIAL_OPTIONS = ("--pdb", "--trace", "--headed")
# A shared portal is not multiplied per worker: its load, its clock and its accounts are shared.
OTHER_PORTAL_OPTIONS = ("--base-url", "--target")
NUMPROCESSES = ("-n", "--numprocesses")
NO_XDIST = "no:xdist"
REPORTS_DIR_OPTION = "--reports-dir"
# --shard K/N is pytest-split's --splits N --group K, balanced by .test_durations at the root.
SHARD = "--shard"
SHARD_FORMAT = re.compile(r"(\d+)/(\d+)")
# Longest tests first, each to the lightest shard: closer totals than cutting the list in chunks.
SPLITTING = ("--splitting-algorithm", "least_duration")
USAGE_ERROR = 2
# A scenario's trace, in its evidence folder: reports/scenarios/<name>/trace.zip.
EVIDENCE_DIR = "scenarios"
TRACE_FILE = "trace.zip"
# show-trace's options that take a value; its -h is --host, not help.
TRACE_VALUE_OPTIONS = ("-b", "--browser", "-h", "--host", "-p", "--port")
TRACE_SERVER_OPTIONS = ("-h", "--host", "-p", "--port")
# Without Playwright's own Chromium or a display, the viewer is served, on a free port, to any browser.
SERVE_TRACE = ("--host", "127.0.0.1", "--port", "0")

COMMANDS = {
    "setup": "find or install the Chromium the scenarios drive, and say which one",
    "run": "run the acceptance scenarios (tests/acceptance) and write reports/",
    "test": "lint with ruff, then run the unit tests and every scenario (tests/), strictly",
    "check-target": "preflight a target (--target NAME or --base-url URL): reach it, list what it offers, "
    "and which scenarios of a selection (-m, -k) will run there",
    "merge-reports": "merge the reports of a sharded run: merge-reports DIR... [--out reports]",
    "trace": "open a failed scenario's Playwright trace, as report.html names it: trace PATH",
    "guide": "rebuild both quick guides from the last run, in HTML and PDF (reports/guide/): each "
    "instruction with its id, its screenshot and its verdict",
    "coverage": "show which requirements the feature files cover",
    "serve": "serve the reference world with its /_test/ interface, for exploring by hand",
}

PASS_THROUGH = (
    "Everything after the command goes to it unchanged (but --strict and --shard, see below): to\n"
    "pytest for run and test (e.g. --base-url URL, --faker-seed 123, -n 2, -k EXPR), to the\n"
    "server for serve. Paths are relative to the repository root, wherever the command is started.\n"
    "\n"
    "parallel: run and test spread the tests over every core (-n auto --dist worksteal: a worker\n"
    "per core and one more, each with its own reference world). -n N sets the number of workers\n"
    "(or PYTEST_XDIST_AUTO_NUM_WORKERS=N with -n auto); -p no:xdist, --pdb, --trace\n"
    "and --headed keep one process, and so does another portal (--base-url, --target) unless -n\n"
    "is given. --reports-dir DIR moves every report, junit.xml included.\n"
    "\n"
    "shards: --shard K/N runs the K-th of N duration-balanced parts of the selection (pytest-split;\n"
    "refresh .test_durations with `conformance test --store-durations`); merge-reports joins the\n"
    "parts' reports directories into one set of reports and exits as the whole run would.\n"
    "\n"
    "reports: a run replaces the previous reports and reports/scenarios/ once its tests start;\n"
    "--help, --collect-only, --fixtures, --markers and usage errors leave them as they are.\n"
    "--video on|retain-on-failure records each scenario into its folder there, giving Playwright\n"
    "Debian's ffmpeg when it lacks its own (installed as root, like Chromium).\n"
    "\n"
    "verdicts: conformance always decides the exit code. Reference behaviour, accessibility and\n"
    "security (@securite, OWASP ASVS) count as well on the reference world (no --base-url, and\n"
    f"always for test), and with --strict (pytest's {ALL_VERDICTS}); --count-security counts\n"
    "security alone beside conformance; --conformance-only leaves them to the report.\n"
    "\n"
    "accessibility profile: --axe runs axe-core (WCAG 2.1 A and AA) on the page after every step,\n"
    "on any target, and reports its violations as accessibility advisories; they fail no step.\n"
    f"--axe-fail (or --axe in a strict run) then ends a run that passes otherwise with {AXE_FINDINGS_EXIT}.\n"
    "\n"
    "exit codes: 0 every counted verdict passed; 1 a counted scenario failed, a declared deviation\n"
    "passed, or nothing was collected; 2 the command line was refused (or pytest was interrupted);\n"
    "3 internal error; 4 a usage error pytest found (a bad --deviations file, no browser server);\n"
    f"{AXE_FINDINGS_EXIT} only axe-core's findings, with --axe-fail or --axe in a strict run."
)
EPILOG = "\n".join(
    ["commands:", *(f"  {name:<14}{text}" for name, text in COMMANDS.items()), "", PASS_THROUGH]
)


def build_parser() -> argparse.ArgumentParser:
    """Build the parser: a command, then arguments passed through untouched."""
    parser = argparse.ArgumentParser(
        prog="conformance",
        description="Conformance harness for the eSanté portal.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("command", choices=list(COMMANDS), help="one of the commands below")
    # REMAINDER keeps pytest's own options (-k, -n, --base-url ...) in order and unparsed.
    parser.add_argument("args", nargs=argparse.REMAINDER, help="passed through to the command")
    return parser


class UsageError(Exception):
    """Arguments the command line refuses before running anything."""


def report_options(reports_dir: str = REPORTS_DIR) -> list[str]:
    """Return the pytest options that write every report into the reports directory."""
    return [
        "--reports-dir", reports_dir,
        f"--junitxml={reports_dir}/junit.xml",
        "-p", "no:cacheprovider",
    ]


def names_test_paths(args: Sequence[str], root: Path = REPO_ROOT) -> bool:
    """Tell whether the pass-through arguments already name tests under tests/ to run."""
    tests_dir = (root / ALL_TESTS).resolve()
    for arg in args:
        if arg.startswith("-"):
            continue
        path = (root / arg.split("::", 1)[0]).resolve()
        if path.exists() and path.is_relative_to(tests_dir):
            return True
    return False


def names_option(args: Sequence[str], *names: str) -> bool:
    """Tell whether the arguments give one of the options, as `-n 2`, `-n2` or `--numprocesses=2`."""
    for arg in args:
        for name in names:
            glued = not name.startswith("--") and arg.startswith(name)
            if arg == name or arg.startswith(f"{name}=") or glued:
                return True
    return False


def disables_xdist(args: Sequence[str]) -> bool:
    """Tell whether the arguments turn pytest-xdist off (-p no:xdist), which then knows no -n."""
    pairs = zip(["", *args], args, strict=False)
    return any(arg in ("-pno:xdist", "-p=no:xdist") or (before, arg) == ("-p", NO_XDIST)
               for before, arg in pairs)


def parallel_options(args: Sequence[str]) -> list[str]:
    """Return the xdist options a run gets: every core, unless the user chose otherwise."""
    if disables_xdist(args):
        return []
    distribution = [] if names_option(args, "--dist") else list(DISTRIBUTION)
    if names_option(args, *NUMPROCESSES):
        # The user chose how many workers; the distribution is still the balanced one.
        return distribution
    if names_option(args, *SERIAL_OPTIONS, *OTHER_PORTAL_OPTIONS):
        return []
    return [*PARALLEL, *distribution]


def take_option(args: Sequence[str], name: str) -> tuple[str | None, list[str]]:
    """Return the value of an option (the last one given) and the arguments without it."""
    value, rest = None, []
    arguments = iter(args)
    for arg in arguments:
        if arg == name:
            value = next(arguments, "")
        elif arg.startswith(f"{name}="):
            value = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return value, rest


def shard_options(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """Return pytest-split's options for --shard K/N, and the arguments without --shard."""
    value, rest = take_option(args, SHARD)
    if value is None:
        return [], rest
    found = SHARD_FORMAT.fullmatch(value)
    if not found or not 1 <= int(found[1]) <= int(found[2]):
        raise UsageError(f"--shard takes K/N, the K-th of N shards with 1 <= K <= N (e.g. 2/4), "
                         f"got {value!r}")
    return ["--splits", found[2], "--group", found[1], *SPLITTING], rest


def reports_dir_of(args: Sequence[str]) -> tuple[str, list[str]]:
    """Return the reports directory the user chose (reports by default), and the other arguments."""
    value, rest = take_option(args, REPORTS_DIR_OPTION)
    return value or REPORTS_DIR, rest


def verdict_arguments(args: Sequence[str]) -> list[str]:
    """Return the pass-through arguments with --strict meaning the plugin's --all-verdicts."""
    return [ALL_VERDICTS if arg == STRICT else arg for arg in args]


def pytest_command(
    target: str,
    passthrough: Sequence[str],
    root: Path = REPO_ROOT,
    python: str = sys.executable,
    verdicts: Sequence[str] = (),
) -> list[str]:
    """Build the pytest command line for a target directory, verdict options and user arguments."""
    reports_dir, rest = reports_dir_of(passthrough)
    shard, rest = shard_options(rest)
    # Named tests replace the default target; otherwise pytest would still run all of it.
    targets = [] if names_test_paths(rest, root) else [target]
    # The user's arguments come last: of --all-verdicts and --conformance-only, the last wins.
    user = verdict_arguments(rest)
    return [python, "-m", "pytest", *targets, *report_options(reports_dir), *parallel_options(rest),
            *shard, *verdicts, *user]


def lint_command(python: str = sys.executable) -> list[str] | None:
    """Return the ruff command for the repository, or None when ruff is not installed."""
    if importlib.util.find_spec("ruff") is not None:
        return [python, "-m", "ruff", "check", "."]
    executable = shutil.which("ruff")
    return [executable, "check", "."] if executable else None


def serve_command(passthrough: Sequence[str], python: str = sys.executable) -> list[str]:
    """Build the command that serves the reference world with its test-support interface."""
    return [python, "-m", "reference_server", "--test-support", *passthrough]


def map_exit_code(code: int) -> int:
    """Turn pytest's exit code into the command's: nothing collected is a failure."""
    return 1 if code == NO_TESTS_COLLECTED else code


def exit_message(code: int) -> str | None:
    """Return the explanation printed for an exit code that pytest does not explain itself."""
    if code == NO_TESTS_COLLECTED:
        return "No scenario was collected: a conformance run without scenarios fails."
    if code == AXE_FINDINGS_EXIT:
        return (f"Exit code {AXE_FINDINGS_EXIT}: every counted verdict passed, but axe-core found "
                "accessibility violations (--axe-fail, or --axe in a strict run); report.html lists them.")
    return None


# What tells one version of a report file from another: when it was written, which file it is.
FileState = tuple[int, int, int] | None


def report_states(reports_dir: Path) -> dict[str, FileState]:
    """Return each report's modification time, inode and size, or None when it is missing."""
    states: dict[str, FileState] = {}
    for name in REPORT_FILES:
        try:
            info = (reports_dir / name).stat()
        except OSError:
            states[name] = None
        else:
            states[name] = (info.st_mtime_ns, info.st_ino, info.st_size)
    return states


def reports_line(reports_dir: Path, before: Mapping[str, FileState] | None = None) -> str:
    """Return the closing line naming the reports directory and which reports this run wrote."""
    # A report the run left as it was is an earlier run's: --help, --collect-only or a usage
    # error keep the last run's reports, and the line must not pass them off as this run's.
    now = report_states(reports_dir)
    earlier = {name for name in REPORT_FILES if before is not None and now[name] == before.get(name)}
    if before is not None and all(now[name] is None or name in earlier for name in REPORT_FILES):
        return f"Reports: none written; {reports_dir.resolve()}/ keeps the previous run's"
    states = [
        f"{name}{' (missing)' if now[name] is None else ' (earlier run)' if name in earlier else ''}"
        for name in REPORT_FILES
    ]
    return f"Reports: {reports_dir.resolve()}/ — {', '.join(states)}"


def run_child(command: Sequence[str], cwd: Path | None = None) -> int:
    """Run a command (in the repository root unless told) and return its exit code."""
    process = subprocess.Popen(list(command), cwd=cwd or REPO_ROOT)
    # Pass a termination request on, so that the child is not left running on its own.
    previous = signal.signal(signal.SIGTERM, lambda *_: process.terminate())
    try:
        while True:
            try:
                return process.wait()
            except KeyboardInterrupt:
                # The child got the same Ctrl-C; let it finish its reports instead of killing it.
                continue
    finally:
        signal.signal(signal.SIGTERM, previous)


def run_pytest(target: str, passthrough: Sequence[str], verdicts: Sequence[str] = ()) -> int:
    """Run pytest on a target with the reports, then map and explain its exit code."""
    reports_dir = REPO_ROOT / reports_dir_of(passthrough)[0]
    # The report plugin removes the previous run's reports once tests start, not before: so that
    # --help, --collect-only and usage errors keep them, the closing line compares the files.
    before = report_states(reports_dir)
    # The exit code is pytest's, as the report plugin set it from the verdicts that count.
    code = run_child(pytest_command(target, passthrough, verdicts=verdicts))
    message = exit_message(code)
    if message:
        print(message, file=sys.stderr)
    print(reports_line(reports_dir, before))
    return map_exit_code(code)


def prepare_browser() -> bool:
    """Make sure a Chromium is available, printing which one or what to do."""
    try:
        choice = ensure_browser()
    except BrowserUnavailable as error:
        print(error, file=sys.stderr)
        return False
    print(describe(choice), flush=True)
    return True


def browser_ready(args: Sequence[str]) -> bool:
    """Prepare a local Chromium, unless pytest is to connect to a browser server (--connect)."""
    # The server's machine runs the browser then; this one may have none.
    if names_option(args, "--connect"):
        return True
    return prepare_browser()


def video_ready(args: Sequence[str]) -> bool:
    """Give Playwright the ffmpeg that --video on|retain-on-failure needs, printing which or what to do."""
    # A browser server records its videos on its own machine.
    if not records_video(take_option(args, VIDEO_OPTION)[0]) or names_option(args, "--connect"):
        return True
    try:
        print(ensure_video_encoder(), flush=True)
    except VideoUnavailable as error:
        # Otherwise every scenario would fail on the missing encoder, as if the portal had.
        print(error, file=sys.stderr)
        return False
    return True


def cmd_setup(args: Sequence[str]) -> int:
    """Find or install the browser and say which one will be used."""
    if args:
        print(f"conformance setup takes no arguments, got: {' '.join(args)}", file=sys.stderr)
        return 2
    return 0 if prepare_browser() else 1


def cmd_run(args: Sequence[str]) -> int:
    """Run the acceptance scenarios with the reports."""
    if not browser_ready(args):
        return 1
    if not video_ready(args):
        return USAGE_ERROR
    return run_pytest(ACCEPTANCE_TESTS, args)


def cmd_test(args: Sequence[str]) -> int:
    """Lint, then run the unit tests and every scenario with the reports."""
    if not browser_ready(args):
        return 1
    if not video_ready(args):
        return USAGE_ERROR
    lint = lint_command()
    if lint is None:
        print("ruff is not installed; skipping the lint step.", file=sys.stderr)
    elif (code := run_child(lint)) != 0:
        print("Lint errors: fix them (ruff check --fix helps), then test again.", file=sys.stderr)
        return code
    # The repository's own tests hold the reference world to all three verdicts. They need no
    # screenshot after every step, which costs a third of a scenario: the report tests prove them.
    screenshots = [] if any("step-screenshots" in arg for arg in args) else [NO_STEP_SCREENSHOTS]
    return run_pytest(ALL_TESTS, [*screenshots, *args], verdicts=[ALL_VERDICTS])


def cmd_coverage(args: Sequence[str]) -> int:
    """Delegate to the requirements coverage tool."""
    from harness.requirements import main

    # The other commands read paths from the repository root; so does this one.
    os.chdir(REPO_ROOT)
    return main(list(args))


def cmd_guide(args: Sequence[str]) -> int:
    """Rebuild both quick guides from the last run's reports."""
    from harness.living_guide.write import main

    os.chdir(REPO_ROOT)
    return main(list(args), REPO_ROOT)


def cmd_check_target(args: Sequence[str]) -> int:
    """Preflight a target before any browser starts."""
    from harness.preflight import main

    os.chdir(REPO_ROOT)
    return main(list(args), REPO_ROOT)


def cmd_merge_reports(args: Sequence[str]) -> int:
    """Merge the reports of a sharded run's parts, exiting as the whole run would."""
    from harness.report.merge import main

    os.chdir(REPO_ROOT)
    code = main(list(args))
    message = exit_message(code)
    if message:
        print(message, file=sys.stderr)
    return map_exit_code(code)


def trace_arguments(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """Split trace's arguments into show-trace's options and the traces named."""
    options: list[str] = []
    traces: list[str] = []
    arguments = iter(args)
    for arg in arguments:
        if arg in TRACE_VALUE_OPTIONS:
            options += [arg, next(arguments, "")]
        elif arg.startswith("-"):
            options.append(arg)
        else:
            traces.append(arg)
    return options, traces


def find_trace(name: str, root: Path = REPO_ROOT) -> Path:
    """Return the trace a path, a scenario's evidence folder or the folder's name names."""
    candidates = [root / name, root / REPORTS_DIR / EVIDENCE_DIR / name]
    for candidate in candidates:
        trace = candidate / TRACE_FILE if candidate.is_dir() else candidate
        if trace.is_file():
            return trace.resolve()
    raise UsageError(f"no trace at {name}: give a {TRACE_FILE}, the scenario's evidence folder "
                     f"(reports/{EVIDENCE_DIR}/NAME) or its NAME; report.html names them")


def trace_viewer_opens() -> bool:
    """Tell whether show-trace can open its own window: Playwright's Chromium and a display."""
    if sys.platform == "linux" and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        return False
    path = playwright_chromium_path()
    return bool(path) and Path(path).is_file()


def trace_command(
    trace: Path, options: Sequence[str], serve: bool, python: str = sys.executable
) -> list[str]:
    """Build Playwright's show-trace command for a trace, served to any browser when asked."""
    served = list(SERVE_TRACE) if serve and not names_option(options, *TRACE_SERVER_OPTIONS) else []
    return [python, "-m", "playwright", "show-trace", *served, *options, str(trace)]


def cmd_trace(args: Sequence[str]) -> int:
    """Open a scenario's trace in Playwright's trace viewer."""
    options, traces = trace_arguments(args)
    if "--help" in options:
        return run_child([sys.executable, "-m", "playwright", "show-trace", "--help"])
    if len(traces) != 1:
        raise UsageError(f"trace takes one trace ({TRACE_FILE}, its folder or its name), got {len(traces)}")
    trace = find_trace(traces[0], REPO_ROOT)
    serve = not trace_viewer_opens()
    if serve:
        print("No Playwright Chromium or no display to open the trace viewer in: it is served instead; "
              "open the address it prints in a browser, and stop it with Ctrl-C.", flush=True)
    return run_child(trace_command(trace, options, serve))


def cmd_serve(args: Sequence[str]) -> int:
    """Serve the reference world until interrupted."""
    return run_child(serve_command(args))


HANDLERS: dict[str, Callable[[Sequence[str]], int]] = {
    "setup": cmd_setup,
    "run": cmd_run,
    "test": cmd_test,
    "check-target": cmd_check_target,
    "merge-reports": cmd_merge_reports,
    "trace": cmd_trace,
    "guide": cmd_guide,
    "coverage": cmd_coverage,
    "serve": cmd_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the command line and run the command."""
    options = build_parser().parse_args(argv)
    try:
        if options.command in ("run", "test"):
            # Refused before the browser is looked for, let alone a scenario run.
            shard_options(options.args)
        return HANDLERS[options.command](options.args)
    except UsageError as error:
        print(f"conformance {options.command}: {error}", file=sys.stderr)
        return USAGE_ERROR
