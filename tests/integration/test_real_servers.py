"""How the real servers' installer and starter fail: clearly, with what to do, never silently."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import real_servers
from real_servers import ServerUnavailable, free_port, wait_for_port


def test_without_root_an_install_says_the_command_to_run(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(real_servers.os, "geteuid", lambda: 1000)

    with pytest.raises(ServerUnavailable, match=r"sudo apt-get install -y dovecot-imapd"):
        real_servers.apt_install(("dovecot-imapd",), "Dovecot (dovecot-imapd)")


def test_a_failing_install_command_reports_its_output():
    command = (sys.executable, "-c", "import sys; print('registry unreachable'); sys.exit(7)")

    with pytest.raises(ServerUnavailable, match=r"(?s)exit 7.*registry unreachable"):
        real_servers._run(command, "npm install maildev@3")


def test_a_server_that_exits_before_listening_is_reported_with_its_log(tmp_path: Path):
    log = tmp_path / "server.log"
    log.write_text("Fatal: port already in use\n")
    process = subprocess.Popen([sys.executable, "-c", "raise SystemExit(3)"])
    process.wait()

    with pytest.raises(ServerUnavailable, match=r"(?s)exited with 3.*port already in use"):
        wait_for_port(free_port(), process, log, timeout=5)


def test_a_server_that_never_listens_is_given_up_at_the_deadline(tmp_path: Path):
    # A process that waits on its input and never opens a port.
    process = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        with pytest.raises(ServerUnavailable, match=r"did not listen on 127\.0\.0\.1:\d+ within 0\.3 s"):
            wait_for_port(free_port(), process, tmp_path / "absent.log", timeout=0.3)
    finally:
        process.kill()
        process.wait()
