"""Tests of the Chromium lookup, the launch options, the installation fallback and browser servers."""

from __future__ import annotations

import inspect
import json
import os
import socket
import stat
from collections.abc import Callable, Mapping, Sequence
from importlib.metadata import version
from pathlib import Path

import pytest
from playwright.sync_api import BrowserType

from harness import browser, cli
from harness.browser import (
    LAUNCH_ARGS,
    LAUNCH_OPTIONS_HEADER,
    BrowserChoice,
    BrowserUnavailable,
    chromium_launch_args,
    connect_failure,
    connect_kwargs,
    endpoint_address,
    ensure_browser,
    find_browser,
    is_loopback,
    launch_args,
    merge_launch_args,
    unreachable,
)


def make_executable(path: Path) -> Path:
    """Create an empty executable file standing in for a browser binary."""
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture(autouse=True)
def no_headless_shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Hide this machine's headless shell, which the tests below place themselves where they need it."""
    monkeypatch.setattr(browser, "HEADLESS_SHELL_CANDIDATES", (str(tmp_path / "absent-shell"),))


@pytest.fixture
def no_system_browser(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Hide every system Chromium and the override."""
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", (str(tmp_path / "absent-chromium"),))
    monkeypatch.setenv("PATH", str(tmp_path))


def test_override_wins_over_playwright_and_system(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    chromium = make_executable(tmp_path / "my-chromium")
    monkeypatch.setenv(browser.OVERRIDE_ENV, str(chromium))

    choice = find_browser(playwright_path=lambda: str(chromium))

    assert choice == BrowserChoice(executable_path=str(chromium), source="env")


def test_override_that_is_not_executable_is_an_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.setenv(browser.OVERRIDE_ENV, str(tmp_path / "nothing-here"))

    with pytest.raises(BrowserUnavailable, match=r"ESANTE_CHROMIUM=.*nothing-here"):
        find_browser(playwright_path=lambda: None)


def test_playwright_chromium_is_preferred_when_installed(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    managed = make_executable(tmp_path / "chrome")

    choice = find_browser(playwright_path=lambda: str(managed))

    assert choice == BrowserChoice(executable_path=None, source="playwright")


def test_system_chromium_when_playwright_path_is_absent(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    system = make_executable(tmp_path / "chromium")
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", ("chromium",))
    monkeypatch.setenv("PATH", str(tmp_path))

    choice = find_browser(playwright_path=lambda: str(tmp_path / "not-installed" / "chrome"))

    assert choice == BrowserChoice(executable_path=str(system), source="system")


def test_system_chromium_when_playwright_cannot_answer(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    system = make_executable(tmp_path / "chromium-browser")
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", ("chromium", "chromium-browser"))
    monkeypatch.setenv("PATH", str(tmp_path))

    def broken() -> str:
        raise RuntimeError("driver missing")

    assert find_browser(playwright_path=broken) == BrowserChoice(str(system), "system")


def test_default_lookup_asks_playwright(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    managed = make_executable(tmp_path / "chrome")
    monkeypatch.setattr(browser, "playwright_chromium_path", lambda: str(managed))

    assert find_browser() == BrowserChoice(executable_path=None, source="playwright")


def test_headless_runs_prefer_the_headless_shell_and_headed_ones_the_full_browser(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    full = make_executable(tmp_path / "chromium")
    shell = make_executable(tmp_path / "chromium-headless-shell")
    monkeypatch.setattr(browser, "SYSTEM_CANDIDATES", ("chromium",))
    monkeypatch.setattr(browser, "HEADLESS_SHELL_CANDIDATES", ("chromium-headless-shell",))
    monkeypatch.setenv("PATH", str(tmp_path))

    assert find_browser(playwright_path=lambda: None) == BrowserChoice(str(shell), "system")
    assert find_browser(playwright_path=lambda: None, headless=False) == BrowserChoice(str(full), "system")


def test_playwright_chromium_is_preferred_to_the_headless_shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    monkeypatch.delenv(browser.OVERRIDE_ENV, raising=False)
    managed = make_executable(tmp_path / "chrome")
    make_executable(tmp_path / "chromium-headless-shell")
    monkeypatch.setattr(browser, "HEADLESS_SHELL_CANDIDATES", ("chromium-headless-shell",))
    monkeypatch.setenv("PATH", str(tmp_path))

    assert find_browser(playwright_path=lambda: str(managed)) == BrowserChoice(None, "playwright")


@pytest.mark.usefixtures("no_system_browser")
def test_nothing_found_gives_none():
    assert find_browser(playwright_path=lambda: None) is None


def test_launch_args_for_a_system_browser():
    kwargs = launch_args(BrowserChoice(executable_path="/usr/bin/chromium", source="system"))

    assert kwargs == {"args": list(LAUNCH_ARGS), "executable_path": "/usr/bin/chromium"}


def test_launch_args_let_playwright_pick_its_own_browser():
    kwargs = launch_args(BrowserChoice(executable_path=None, source="playwright"))

    assert kwargs == {"args": list(LAUNCH_ARGS)}
    assert "executable_path" not in kwargs


def test_launch_flags_are_the_ones_that_keep_chromium_from_stalling():
    assert set(LAUNCH_ARGS) == {
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
    }


def test_merge_keeps_the_users_options_and_flags():
    ours = {"args": list(LAUNCH_ARGS), "executable_path": "/usr/bin/chromium"}
    user = {"headless": False, "slow_mo": 100, "args": ["--start-maximized", "--no-sandbox"]}

    merged = merge_launch_args(user, ours)

    assert merged["headless"] is False
    assert merged["slow_mo"] == 100
    assert merged["executable_path"] == "/usr/bin/chromium"
    assert merged["args"] == [*LAUNCH_ARGS, "--start-maximized"]


def test_merge_drops_our_path_when_the_user_names_a_channel():
    ours = {"args": list(LAUNCH_ARGS), "executable_path": "/usr/bin/chromium"}

    merged = merge_launch_args({"channel": "chrome"}, ours)

    assert merged["channel"] == "chrome"
    assert "executable_path" not in merged


def test_merge_keeps_the_users_own_path():
    ours = {"args": list(LAUNCH_ARGS), "executable_path": "/usr/bin/chromium"}

    merged = merge_launch_args({"executable_path": "/opt/chrome"}, ours)

    assert merged["executable_path"] == "/opt/chrome"


def test_ensure_browser_returns_what_is_found(monkeypatch: pytest.MonkeyPatch):
    choice = BrowserChoice(executable_path=None, source="playwright")
    monkeypatch.setattr(browser, "find_browser", lambda: choice)

    assert ensure_browser() is choice


def test_ensure_browser_without_root_keeps_the_full_system_browser(monkeypatch: pytest.MonkeyPatch):
    choice = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    monkeypatch.setattr(browser, "find_browser", lambda: choice)
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)
    monkeypatch.setattr(browser, "_run_command", lambda command, env: pytest.fail("installed"))

    assert ensure_browser() is choice


def only_apt_get(name: str) -> str | None:
    """A PATH lookup that finds apt-get and nothing else."""
    return "/usr/bin/apt-get" if name == "apt-get" else None


def test_ensure_browser_as_root_adds_the_headless_shell(monkeypatch: pytest.MonkeyPatch):
    full = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    shell = BrowserChoice(executable_path="/usr/bin/chromium-headless-shell", source="system")
    answers = iter([full, shell])
    monkeypatch.setattr(browser, "find_browser", lambda: next(answers))
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", only_apt_get)
    commands: list[list[str]] = []
    monkeypatch.setattr(browser, "_run_command", lambda command, env: commands.append(list(command)) or 0)

    assert ensure_browser() == shell
    assert commands[-1] == ["apt-get", "install", "-y", "--no-install-recommends", "chromium-headless-shell"]


def test_a_failed_headless_shell_installation_keeps_the_full_browser(monkeypatch: pytest.MonkeyPatch):
    full = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    monkeypatch.setattr(browser, "find_browser", lambda: full)
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", only_apt_get)
    monkeypatch.setattr(browser, "_run_command", lambda command, env: 100)

    assert ensure_browser() == full


def test_ensure_browser_without_root_explains_what_to_do(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(browser, "find_browser", lambda: None)
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get")
    commands: list[Sequence[str]] = []
    monkeypatch.setattr(browser, "_run_command", lambda command, env: commands.append(command))

    with pytest.raises(BrowserUnavailable) as raised:
        ensure_browser()

    message = str(raised.value)
    assert "playwright install chromium" in message
    assert "sudo apt-get install chromium" in message
    assert "ESANTE_CHROMIUM" in message
    assert commands == []


def test_ensure_browser_without_apt_get_explains_what_to_do(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(browser, "find_browser", lambda: None)
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: None)

    with pytest.raises(BrowserUnavailable, match="playwright install chromium"):
        ensure_browser()


def test_ensure_browser_as_root_installs_the_debian_package(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    installed = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    shell = BrowserChoice(executable_path="/usr/bin/chromium-headless-shell", source="system")
    answers = iter([None, installed, shell])
    monkeypatch.setattr(browser, "find_browser", lambda: next(answers))
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get")
    calls: list[tuple[list[str], str | None]] = []

    def fake_run(command: Sequence[str], env: Mapping[str, str]) -> int:
        calls.append((list(command), env.get("DEBIAN_FRONTEND")))
        return 0

    monkeypatch.setattr(browser, "_run_command", fake_run)

    assert ensure_browser() == shell
    assert calls == [
        (["apt-get", "update"], "noninteractive"),
        (["apt-get", "install", "-y", "--no-install-recommends", "chromium"], "noninteractive"),
        (["apt-get", "update"], "noninteractive"),
        (["apt-get", "install", "-y", "--no-install-recommends", "chromium-headless-shell"],
         "noninteractive"),
    ]
    assert "apt-get install -y --no-install-recommends chromium" in capsys.readouterr().out


def test_ensure_browser_reports_a_failed_installation(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(browser, "find_browser", lambda: None)
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get")
    monkeypatch.setattr(browser, "_run_command", lambda command, env: 100)

    with pytest.raises(BrowserUnavailable, match="apt-get failed"):
        ensure_browser()


# Remote browsers: --connect to a Playwright browser server.

REMOTE = "ws://browsers.example:3000/"
LOCAL = "ws://127.0.0.1:3000/"
SYSTEM = BrowserChoice(executable_path="/usr/bin/chromium", source="system")


def never_looked_up() -> BrowserChoice | None:
    """A lookup that fails the test when it is made."""
    raise AssertionError("this machine's Chromium was looked for")


def test_a_remote_server_needs_no_local_chromium():
    kwargs = chromium_launch_args({"headless": False}, never_looked_up, REMOTE)

    assert kwargs == {"headless": False, "args": list(LAUNCH_ARGS)}


def test_a_local_server_is_offered_this_machines_chromium():
    kwargs = chromium_launch_args({}, lambda: SYSTEM, LOCAL)

    assert kwargs == {"args": list(LAUNCH_ARGS), "executable_path": "/usr/bin/chromium"}


@pytest.mark.parametrize("found", [lambda: None, lambda: find_browser(lambda: None)])
def test_a_local_server_without_a_local_chromium_still_gets_the_flags(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, found: Callable[[], BrowserChoice | None]
):
    # The second lookup fails: the override names no executable.
    monkeypatch.setenv(browser.OVERRIDE_ENV, str(tmp_path / "nothing-here"))

    assert chromium_launch_args({}, found, LOCAL) == {"args": list(LAUNCH_ARGS)}


def test_without_a_server_a_missing_chromium_is_an_error():
    with pytest.raises(BrowserUnavailable, match="playwright install chromium"):
        chromium_launch_args({}, lambda: None)


def test_a_browser_the_user_named_only_gets_the_flags():
    kwargs = chromium_launch_args({"channel": "chrome"}, never_looked_up)

    assert kwargs == {"channel": "chrome", "args": list(LAUNCH_ARGS)}


@pytest.mark.parametrize(
    ("endpoint", "loopback"),
    [
        ("ws://127.0.0.1:3000/", True),
        ("ws://localhost:3000/", True),
        ("ws://[::1]:3000/", True),
        ("ws://127.0.0.2:3000/", True),
        ("ws://10.0.0.5:3000/", False),
        ("wss://browsers.example/", False),
    ],
)
def test_loopback_endpoints(endpoint: str, loopback: bool):
    assert is_loopback(endpoint) is loopback


def test_endpoint_ports_default_by_scheme():
    assert endpoint_address("ws://browsers.example/") == ("browsers.example", 80)
    assert endpoint_address("wss://browsers.example/") == ("browsers.example", 443)
    assert endpoint_address("ws://127.0.0.1:3000/path") == ("127.0.0.1", 3000)


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:3000/", "127.0.0.1:3000", "ws://host:port/", ""])
def test_what_is_not_a_websocket_endpoint_is_refused(endpoint: str):
    with pytest.raises(ValueError, match="not a browser server endpoint"):
        endpoint_address(endpoint)


def test_the_server_is_sent_the_launch_options_under_its_own_names():
    launch = {"executable_path": "/usr/bin/chromium", "slow_mo": 50, "args": ["--no-sandbox"]}

    kwargs = connect_kwargs(LOCAL, launch)

    header = json.loads(kwargs["headers"][LAUNCH_OPTIONS_HEADER])
    assert header == {"executablePath": "/usr/bin/chromium", "slowMo": 50, "args": ["--no-sandbox"]}
    assert kwargs["expose_network"] == "<loopback>"
    # pytest-playwright passes them by keyword: each must be one of connect's parameters.
    assert set(kwargs) <= set(inspect.signature(BrowserType.connect).parameters)
    assert LOCAL in kwargs.values()


def test_a_listening_endpoint_is_reachable():
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]

        assert unreachable(f"ws://127.0.0.1:{port}/") is None


def test_an_endpoint_nothing_listens_at_is_named_with_how_to_start_a_server():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        endpoint = f"ws://127.0.0.1:{holder.getsockname()[1]}/"

        problem = unreachable(endpoint)

    assert problem is not None
    assert f"No browser server answers at {endpoint}" in problem
    assert "python -m playwright run-server" in problem


def test_a_failed_connection_names_the_server_and_the_version_it_needs():
    message = connect_failure(LOCAL, "BrowserType.connect: 428 Precondition Required\n")

    assert message.startswith(f"Could not get a browser from the server at {LOCAL}:\n")
    assert "428 Precondition Required" in message
    assert f"Playwright {version('playwright')}" in message
    assert "--unsafe" in message


@pytest.mark.parametrize("args", [["--connect", LOCAL, "-n", "2"], [f"--connect={REMOTE}"]])
def test_the_command_line_prepares_no_local_browser_for_a_server(
    monkeypatch: pytest.MonkeyPatch, args: list[str]
):
    monkeypatch.setattr(cli, "ensure_browser", lambda: pytest.fail("looked for a local browser"))

    assert cli.browser_ready(args) is True


def test_the_command_line_prepares_a_local_browser_otherwise(monkeypatch: pytest.MonkeyPatch):
    looked: list[str] = []
    monkeypatch.setattr(cli, "ensure_browser", lambda: looked.append("looked") or SYSTEM)

    # An option that only begins like --connect is no endpoint.
    assert cli.browser_ready(["-n", "2", "--connect-timeout", "5"]) is True
    assert looked == ["looked"]
