"""Scenarios driven in the browser of a Playwright browser server, reached with --connect.

The server is a real ``python -m playwright run-server`` on a loopback port the system picks.
Started with --unsafe, it launches this machine's Chromium with the path and flags the harness
sends it; its debug log shows the connections it served.
"""

from __future__ import annotations

import os
import re
import select
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pytest
from harness_process import REPO_ROOT, run_scenarios, summary

pytestmark = pytest.mark.browser

# Two short scenarios of the patient guide's first pages.
MARKS = "patient and not telephone"
SELECTION = "atteint_la_page or présente_les_prérequis"
LISTENING = re.compile(r"Listening on (ws://\S+)")
READY_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0


@dataclass(frozen=True)
class BrowserServer:
    """A running browser server: where to connect, and where its debug log goes."""

    endpoint: str
    log: Path


def wait_for_endpoint(stdout: IO[str], timeout_s: float = READY_TIMEOUT_S) -> str | None:
    """Read the server's output until it says where it listens; None if it does not in time."""
    deadline = time.monotonic() + timeout_s
    while (remaining := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([stdout], [], [], remaining)
        line = stdout.readline() if ready else ""
        if not line:
            return None
        if match := LISTENING.search(line):
            return match.group(1)
    return None


def stop(process: subprocess.Popen[str]) -> None:
    """Stop the server's process group: the Python wrapper and the Node.js driver it started."""
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=STOP_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        process.wait()


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserServer]:
    """A ``playwright run-server`` on 127.0.0.1, at a port of its choosing, for the module."""
    log = tmp_path_factory.mktemp("browser-server") / "server.log"
    # Without --port the server listens on a free port and prints it: no race for one.
    command = [sys.executable, "-m", "playwright", "run-server", "--host", "127.0.0.1", "--unsafe"]
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            command, cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=stderr, text=True,
            env={**os.environ, "DEBUG": "pw:server"}, start_new_session=True,
        )
    try:
        assert process.stdout is not None
        endpoint = wait_for_endpoint(process.stdout)
        if endpoint is None:
            pytest.fail(f"playwright run-server did not start:\n{log.read_text()}", pytrace=False)
        yield BrowserServer(endpoint, log)
    finally:
        stop(process)


def closed_port() -> tuple[socket.socket, int]:
    """A loopback port bound but not listening, so that connecting to it is refused."""
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    return holder, holder.getsockname()[1]


def test_scenarios_pass_in_the_browser_of_the_server(browser_server: BrowserServer, tmp_path: Path):
    run = run_scenarios(tmp_path, "--connect", browser_server.endpoint, "-m", MARKS, "-k", SELECTION)
    scenarios = summary(tmp_path)["scenarios"]
    log = browser_server.log.read_text(encoding="utf-8")

    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert scenarios["passed"] == 2, scenarios
    assert scenarios["failed"] == 0, scenarios
    # Had --connect been ignored, the server would have launched no browser.
    assert 'engaged launch mode for "chromium"' in log, log
    # The browser reaches the reference world on the harness's loopback through the connection.
    assert "started socks proxy" in log, log


def test_an_unreachable_server_stops_the_run_once_naming_it(tmp_path: Path):
    holder, port = closed_port()
    endpoint = f"ws://127.0.0.1:{port}/"
    with holder:
        run = run_scenarios(tmp_path, "--connect", endpoint, "-m", MARKS, "-k", SELECTION)

    assert run.returncode == pytest.ExitCode.USAGE_ERROR, run.stdout[-3000:]
    assert f"No browser server answers at {endpoint}" in run.stderr
    assert "run-server" in run.stderr
    assert "Traceback" not in run.stdout + run.stderr
