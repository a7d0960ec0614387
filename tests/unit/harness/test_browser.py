"""Tests of the Chromium lookup, the launch options and the installation fallback."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from harness import browser
from harness.browser import (
    LAUNCH_ARGS,
    BrowserChoice,
    BrowserUnavailable,
    ensure_browser,
    find_browser,
    launch_args,
    merge_launch_args,
)


def make_executable(path: Path) -> Path:
    """Create an empty executable file standing in for a browser binary."""
    path.write_text("#!/bin/sh\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


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
    choice = BrowserChoice(executable_path="/usr/bin/chromium", source="system")
    monkeypatch.setattr(browser, "find_browser", lambda: choice)

    assert ensure_browser() is choice


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
    answers = iter([None, installed])
    monkeypatch.setattr(browser, "find_browser", lambda: next(answers))
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get")
    calls: list[tuple[list[str], str | None]] = []

    def fake_run(command: Sequence[str], env: Mapping[str, str]) -> int:
        calls.append((list(command), env.get("DEBIAN_FRONTEND")))
        return 0

    monkeypatch.setattr(browser, "_run_command", fake_run)

    assert ensure_browser() == installed
    assert calls == [
        (["apt-get", "update"], "noninteractive"),
        (["apt-get", "install", "-y", "--no-install-recommends", "chromium"], "noninteractive"),
    ]
    assert "apt-get install -y --no-install-recommends chromium" in capsys.readouterr().out


def test_ensure_browser_reports_a_failed_installation(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(browser, "find_browser", lambda: None)
    monkeypatch.setattr(os, "geteuid", lambda: 0, raising=False)
    monkeypatch.setattr(browser.shutil, "which", lambda name: "/usr/bin/apt-get")
    monkeypatch.setattr(browser, "_run_command", lambda command, env: 100)

    with pytest.raises(BrowserUnavailable, match="apt-get failed"):
        ensure_browser()
