"""Find or install a Chromium for Playwright and the ffmpeg of its videos, or reach a browser server."""

from __future__ import annotations

import inspect
import ipaddress
import json
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

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
# Debian's build of Chromium's headless shell, the browser Playwright itself runs headless: it
# renders the same pages for about 40 % less CPU than the full browser in its new headless mode.
HEADLESS_SHELL_PACKAGE = "chromium-headless-shell"
HEADLESS_SHELL_CANDIDATES: tuple[str, ...] = (HEADLESS_SHELL_PACKAGE, "/usr/bin/chromium-headless-shell")

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


def _system_choice(headless: bool) -> BrowserChoice | None:
    """Return a distribution Chromium on PATH or at its Debian location, headless shell first if headless."""
    candidates = (HEADLESS_SHELL_CANDIDATES if headless else ()) + SYSTEM_CANDIDATES
    for candidate in candidates:
        path = shutil.which(candidate)
        if path is not None:
            return BrowserChoice(executable_path=path, source="system")
    return None


def find_browser(
    playwright_path: Callable[[], str | None] | None = None,
    headless: bool = True,
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
    return _system_choice(headless)


def _is_root() -> bool:
    """Tell whether this process may install system packages."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def _run_command(command: Sequence[str], env: Mapping[str, str]) -> int:
    """Run one command in the foreground and return its exit code."""
    return subprocess.run(list(command), env=dict(env), check=False).returncode


def install_system_chromium() -> bool:
    """Install Debian's chromium with apt-get; True when every step succeeded."""
    return install_system_package("chromium")


def install_system_package(package: str) -> bool:
    """Install a Debian package with apt-get; True when every step succeeded."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = (
        ("apt-get", "update"),
        ("apt-get", "install", "-y", "--no-install-recommends", package),
    )
    for command in steps:
        print(f"+ {' '.join(command)}", flush=True)
        if _run_command(command, env) != 0:
            return False
    return True


def _may_install() -> bool:
    """Tell whether this process may install Debian packages."""
    return _is_root() and shutil.which("apt-get") is not None


def ensure_browser() -> BrowserChoice:
    """Find a Chromium, installing Debian's and its headless shell as root, or raise BrowserUnavailable."""
    choice = find_browser()
    if choice is None:
        if not _may_install():
            raise BrowserUnavailable()
        print("No Chromium found; installing the Debian package.", flush=True)
        if not install_system_chromium():
            raise BrowserUnavailable("Installing chromium with apt-get failed (see the output above).")
        choice = find_browser()
        if choice is None:
            raise BrowserUnavailable("apt-get installed chromium, but no chromium binary was found.")
    return _with_headless_shell(choice)


def _with_headless_shell(choice: BrowserChoice) -> BrowserChoice:
    """Add Debian's headless shell beside a system Chromium when allowed; the choice stands if that fails."""
    if choice.source != "system" or choice.executable_path in _headless_shell_paths() or not _may_install():
        return choice
    print(f"Installing Debian's {HEADLESS_SHELL_PACKAGE}, lighter than chromium for headless runs.",
          flush=True)
    # A run without it is only slower, so a failed installation is not an error.
    if not install_system_package(HEADLESS_SHELL_PACKAGE):
        return choice
    return find_browser() or choice


def _headless_shell_paths() -> set[str]:
    """The paths of the headless shell on this machine, if installed."""
    return {path for name in HEADLESS_SHELL_CANDIDATES if (path := shutil.which(name))}


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


def chromium_launch_args(
    user: Mapping[str, Any],
    lookup: Callable[[], BrowserChoice | None],
    endpoint: str | None = None,
) -> dict[str, Any]:
    """Lay the user's launch options over the Chromium and flags a run needs, or raise BrowserUnavailable."""
    flags = {"args": list(LAUNCH_ARGS)}
    if "channel" in user or "executable_path" in user:
        # The user already named a browser; it only needs the flags.
        return merge_launch_args(user, flags)
    if endpoint is not None and not is_loopback(endpoint):
        # The browser runs on the server's machine: whatever Chromium this one has is beside the point.
        return merge_launch_args(user, flags)
    choice = _lookup_for(lookup, endpoint)
    if choice is not None:
        return merge_launch_args(user, launch_args(choice))
    if endpoint is None:
        raise BrowserUnavailable()
    # A server on this machine may have browsers of its own; connecting says so if it has none.
    return merge_launch_args(user, flags)


def _lookup_for(
    lookup: Callable[[], BrowserChoice | None], endpoint: str | None
) -> BrowserChoice | None:
    """Run the lookup; for a browser server, a failed one only means there is no path to offer it."""
    try:
        return lookup()
    except BrowserUnavailable:
        if endpoint is None:
            raise
        return None


# Remote browsers: a Playwright browser server (`playwright run-server`) reached over WebSocket.

# The header the server reads the client's launch options from (playwright-core's PlaywrightServer).
LAUNCH_OPTIONS_HEADER = "x-playwright-launch-options"
# The browser reaches the harness's loopback addresses through the connection, so a browser in a
# container or on another machine can load the reference world, which listens on 127.0.0.1.
EXPOSE_NETWORK = "<loopback>"
# Connecting includes the server's launch of the browser; Playwright's default is to wait forever.
CONNECT_TIMEOUT_MS = 60_000
PROBE_TIMEOUT_S = 5.0
START_A_SERVER = (
    "Start one, of the same Playwright version as this harness (python -m playwright --version), e.g.\n"
    "  python -m playwright run-server --port 3000 --host 127.0.0.1 --unsafe\n"
    "and pass --connect ws://127.0.0.1:3000/ (README.md, \"Remote browsers\")."
)


def endpoint_address(endpoint: str) -> tuple[str, int]:
    """Return the host and port of a ws:// or wss:// endpoint, or raise ValueError saying what is wrong."""
    url = urlsplit(endpoint)
    try:
        port = url.port
    except ValueError:
        port = -1
    if url.scheme not in ("ws", "wss") or not url.hostname or port == -1:
        raise ValueError(
            f"--connect {endpoint!r} is not a browser server endpoint such as ws://127.0.0.1:3000/"
        )
    return url.hostname, port or (443 if url.scheme == "wss" else 80)


def is_loopback(endpoint: str) -> bool:
    """Tell whether the endpoint is on this machine, where this machine's Chromium is at hand."""
    host, _ = endpoint_address(endpoint)
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def unreachable(endpoint: str, timeout_s: float = PROBE_TIMEOUT_S) -> str | None:
    """Say why no browser server can be reached at the endpoint, or None when something listens there."""
    try:
        host, port = endpoint_address(endpoint)
    except ValueError as error:
        return str(error)
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return None
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        return f"No browser server answers at {endpoint}: {reason}.\n{START_A_SERVER}"


def server_launch_options(launch_kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Rename Python launch keyword arguments to the camelCase names a browser server reads."""
    return {_camel_case(name): value for name, value in launch_kwargs.items()}


def _camel_case(name: str) -> str:
    """Turn executable_path into executablePath."""
    head, *rest = name.split("_")
    return head + "".join(word.capitalize() for word in rest)


def connect_kwargs(endpoint: str, launch_kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Build BrowserType.connect's keyword arguments: the endpoint and the launch options to send it."""
    # The server drops the options that could run arbitrary programs (args, executablePath)
    # unless it was started with --unsafe; the others (headless, channel, slowMo) always count.
    header = json.dumps(server_launch_options(launch_kwargs), default=str)
    return {
        _endpoint_parameter(): endpoint,
        "headers": {LAUNCH_OPTIONS_HEADER: header},
        "expose_network": EXPOSE_NETWORK,
        "timeout": CONNECT_TIMEOUT_MS,
    }


def _endpoint_parameter() -> str:
    """Name BrowserType.connect's endpoint argument, which pytest-playwright passes by keyword."""
    from playwright.sync_api import BrowserType

    # Playwright renamed it from ws_endpoint to endpoint; the project accepts both versions.
    parameters = inspect.signature(BrowserType.connect).parameters
    return "endpoint" if "endpoint" in parameters else "ws_endpoint"


def connect_failure(endpoint: str, detail: str) -> str:
    """Explain a failed connection to a browser server: which one, what it said, the usual causes."""
    return (
        f"Could not get a browser from the server at {endpoint}:\n{detail.strip()}\n"
        f"The server must run Playwright {version('playwright')}, like this harness "
        "(python -m playwright --version). A server on this machine without browsers of its own "
        "can use this machine's Chromium when started with --unsafe."
    )


# Videos: pytest-playwright's --video runs the ffmpeg Playwright downloads, or Debian's in its place.

VIDEO_OPTION = "--video"
RECORDING = ("on", "retain-on-failure")
# The file Playwright runs inside its ffmpeg folder (playwright-core's registry, EXECUTABLE_PATHS).
FFMPEG_EXECUTABLES = {"linux": "ffmpeg-linux", "darwin": "ffmpeg-mac", "win32": "ffmpeg-win64.exe"}
# `playwright install --dry-run ffmpeg` names the folder: PLAYWRIGHT_BROWSERS_PATH, XDG_CACHE_HOME and
# the ffmpeg revision of this Playwright version taken into account.
INSTALL_LOCATION = re.compile(r"Install location:\s*(\S.*)")
# Playwright encodes its screencast as VP9 (its video recorder's -c:v); Debian's ffmpeg has it.
VIDEO_ENCODER = "libvpx-vp9"
HOW_TO_RECORD = (
    "Recording videos (--video) needs an ffmpeg; get one in one of these ways, then run again:\n"
    "  - sudo apt-get install ffmpeg             (the Debian package: ./conformance run links it\n"
    "                                             where Playwright looks, and installs it as root)\n"
    "  - python -m playwright install ffmpeg     (Playwright's own build, where downloads are allowed)"
)


class VideoUnavailable(RuntimeError):
    """No ffmpeg Playwright can record videos with, with the steps that would provide one."""

    def __init__(self, reason: str = "No ffmpeg found.") -> None:
        """Combine the reason with the installation steps."""
        super().__init__(f"{reason}\n{HOW_TO_RECORD}")


def records_video(video: str | None) -> bool:
    """Tell whether pytest-playwright's --video value asks for videos."""
    return video in RECORDING


def playwright_ffmpeg() -> Path | None:
    """Return the ffmpeg Playwright runs to record videos, or None when it cannot say."""
    name = FFMPEG_EXECUTABLES.get(sys.platform)
    try:
        answer = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "--dry-run", "ffmpeg"],
            capture_output=True, text=True, check=False,
        ).stdout
    except OSError:
        return None
    found = INSTALL_LOCATION.search(answer)
    return Path(found.group(1).strip()) / name if found and name else None


def video_encoder_missing(lookup: Callable[[], Path | None] = playwright_ffmpeg) -> bool:
    """Tell whether Playwright would fail to record a video for want of its ffmpeg."""
    target = lookup()
    # When Playwright cannot say where it looks, nothing is refused on a guess.
    return target is not None and not target.exists()


def ensure_video_encoder(lookup: Callable[[], Path | None] = playwright_ffmpeg) -> str:
    """Give Playwright an ffmpeg, linking Debian's (installed as root if need be); say which."""
    target = lookup()
    if target is None:
        raise VideoUnavailable("Playwright does not say where it looks for its ffmpeg.")
    if target.exists():
        return f"Video: {target.resolve()}"
    system = system_ffmpeg()
    link_ffmpeg(target, system)
    return f"Video: {system} (system package, linked as Playwright's {target})"


def system_ffmpeg() -> str:
    """Return an ffmpeg on PATH that encodes VP9, installing Debian's when allowed."""
    found = shutil.which("ffmpeg")
    if found is None and _is_root() and shutil.which("apt-get"):
        print("No ffmpeg found; installing the Debian package.", flush=True)
        if not install_system_package("ffmpeg"):
            raise VideoUnavailable("Installing ffmpeg with apt-get failed (see the output above).")
        found = shutil.which("ffmpeg")
    if found is None:
        raise VideoUnavailable()
    if VIDEO_ENCODER not in _encoders(found):
        raise VideoUnavailable(f"{found} cannot encode {VIDEO_ENCODER}, which Playwright's videos use.")
    return found


def _encoders(ffmpeg: str) -> str:
    """Return the list of encoders an ffmpeg prints, or nothing when it does not run."""
    try:
        return subprocess.run([ffmpeg, "-hide_banner", "-encoders"], capture_output=True, text=True,
                              check=False).stdout
    except OSError:
        return ""


def link_ffmpeg(target: Path, system: str) -> None:
    """Link an ffmpeg where Playwright looks for its own, or raise VideoUnavailable."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        # A link left to an ffmpeg that has since been removed.
        if target.is_symlink():
            target.unlink()
        target.symlink_to(system)
    except OSError as error:
        raise VideoUnavailable(f"Could not link {system} as {target}: {error}.") from None
