"""Find, and if need be install, a Chromium that Playwright can drive on this machine."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Without these, a distribution Chromium keeps trying to reach Google services and stalls
# on machines whose outbound connections are refused; --no-sandbox lets it run as root.
LAUNCH_ARGS: tuple[str, ...] = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
)

OVERRIDE_ENV = "ESANTE_CHROMIUM"
SYSTEM_CANDIDATES: tuple[str, ...] = ("chromium", "chromium-browser", "/usr/bin/chromium")

HOW_TO_INSTALL = (
    "Install a Chromium in one of these ways, then run again:\n"
    "  - python -m playwright install chromium    (Playwright's own build)\n"
    "  - sudo apt-get install chromium             (the Debian package)\n"
    f"  - export {OVERRIDE_ENV}=/path/to/chromium  (a Chromium already on this machine)"
)


class BrowserUnavailable(RuntimeError):
    """No usable Chromium, with the steps that would provide one."""

    def __init__(self, reason: str = "No Chromium found.") -> None:
        """Combine the reason with the installation steps."""
        super().__init__(f"{reason}\n{HOW_TO_INSTALL}")


@dataclass(frozen=True)
class BrowserChoice:
    """The Chromium to launch: Playwright's own (no path), a system one, or the override."""

    executable_path: str | None
    source: str


def playwright_chromium_path() -> str | None:
    """Return where Playwright keeps its own Chromium, or None when it cannot say."""
    # The sync API refuses to start inside a running asyncio loop, so ask from a fresh thread.
    with ThreadPoolExecutor(max_workers=1) as pool:
        try:
            return pool.submit(_ask_playwright).result()
        except Exception:
            return None


def _ask_playwright() -> str:
    """Start Playwright just long enough to read its Chromium path."""
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    try:
        return playwright.chromium.executable_path
    finally:
        playwright.stop()


def _override_choice() -> BrowserChoice | None:
    """Return the browser named by ESANTE_CHROMIUM, or None when the variable is unset."""
    value = os.environ.get(OVERRIDE_ENV, "").strip()
    if not value:
        return None
    path = shutil.which(value)
    if path is None:
        # Falling back silently would run a different browser than the one asked for.
        raise BrowserUnavailable(f"{OVERRIDE_ENV}={value} is not an executable file.")
    return BrowserChoice(executable_path=path, source="env")


def _system_choice() -> BrowserChoice | None:
    """Return a distribution Chromium on PATH or at its Debian location, if any."""
    for candidate in SYSTEM_CANDIDATES:
        path = shutil.which(candidate)
        if path is not None:
            return BrowserChoice(executable_path=path, source="system")
    return None


def find_browser(
    playwright_path: Callable[[], str | None] | None = None,
) -> BrowserChoice | None:
    """Pick the override, else Playwright's own Chromium, else the system's, else None."""
    override = _override_choice()
    if override is not None:
        return override
    ask = playwright_path or playwright_chromium_path
    try:
        managed = ask()
    except Exception:
        managed = None
    if managed and Path(managed).is_file():
        return BrowserChoice(executable_path=None, source="playwright")
    return _system_choice()


def _is_root() -> bool:
    """Tell whether this process may install system packages."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def _run_command(command: Sequence[str], env: Mapping[str, str]) -> int:
    """Run one command in the foreground and return its exit code."""
    return subprocess.run(list(command), env=dict(env), check=False).returncode


def install_system_chromium() -> bool:
    """Install Debian's chromium with apt-get; True when every step succeeded."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (
        ("apt-get", "update"),
        ("apt-get", "install", "-y", "--no-install-recommends", "chromium"),
    )
    for command in steps:
        print(f"+ {' '.join(command)}", flush=True)
        if _run_command(command, env) != 0:
            return False
    return True


def ensure_browser() -> BrowserChoice:
    """Find a Chromium, installing Debian's when allowed, or raise BrowserUnavailable."""
    choice = find_browser()
    if choice is not None:
        return choice
    if not (_is_root() and shutil.which("apt-get")):
        raise BrowserUnavailable()
    print("No Chromium found; installing the Debian package.", flush=True)
    if not install_system_chromium():
        raise BrowserUnavailable("Installing chromium with apt-get failed (see the output above).")
    choice = find_browser()
    if choice is None:
        raise BrowserUnavailable("apt-get installed chromium, but no chromium binary was found.")
    return choice


def describe(choice: BrowserChoice) -> str:
    """Say in one line which browser will be launched."""
    if choice.source == "playwright":
        return "Chromium: Playwright's own build"
    if choice.source == "env":
        return f"Chromium: {choice.executable_path} (from {OVERRIDE_ENV})"
    return f"Chromium: {choice.executable_path} (system package)"


def launch_args(choice: BrowserChoice) -> dict[str, Any]:
    """Build the Playwright launch keyword arguments for the chosen browser."""
    kwargs: dict[str, Any] = {"args": list(LAUNCH_ARGS)}
    if choice.executable_path is not None:
        kwargs["executable_path"] = choice.executable_path
    return kwargs


def merge_launch_args(user: Mapping[str, Any], ours: Mapping[str, Any]) -> dict[str, Any]:
    """Lay the user's launch options over ours: theirs win, the flag lists are joined."""
    merged = {**ours, **user}
    if "channel" in user and "executable_path" not in user:
        # A channel names its own browser; our executable path would contradict it.
        merged.pop("executable_path", None)
    flags = list(ours.get("args", []))
    flags += [flag for flag in user.get("args", []) if flag not in flags]
    merged["args"] = flags
    return merged
