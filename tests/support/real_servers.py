"""Real mail servers that no one here wrote, installed when missing and run on free loopback ports.

MailDev comes from the npm registry into the project's ``.tools/`` folder (Node.js and npm from
Debian when missing); Dovecot from Debian's ``dovecot-imapd``. Both run as throwaway instances
whose files live in a temporary folder, and are stopped by the context managers that start them.
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import grp
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ROOT / ".tools"
LOOPBACK = "127.0.0.1"
# MailDev's first start loads a few hundred npm packages from disk; Dovecot starts in a second.
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0
# The MailDev majors the tests prove MailDevSource against: 3 serves /api/email, 2 serves /email.
MAILDEV_MAJORS = (2, 3)
DOVECOT_BINARIES = ("dovecot", "/usr/sbin/dovecot")


class ServerUnavailable(RuntimeError):
    """A server that could not be installed or started, with what was tried and what to do."""


# Installing ----------------------------------------------------------------------------------


def _is_root_with_apt() -> bool:
    """Whether this process may install Debian packages."""
    return os.geteuid() == 0 and shutil.which("apt-get") is not None


def _run(command: Sequence[str], what: str) -> None:
    """Run one installation command, raising ServerUnavailable with its output's end when it fails."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive", "npm_config_update_notifier": "false"}
    print(f"+ {' '.join(command)}", flush=True)
    done = subprocess.run(list(command), env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        output = (done.stdout + done.stderr).strip().splitlines()[-15:]
        raise ServerUnavailable(f"{what} failed (exit {done.returncode}):\n" + "\n".join(output))


@contextlib.contextmanager
def _install_lock() -> Iterator[None]:
    """One installation at a time across processes: pytest-xdist workers share .tools and apt."""
    TOOLS.mkdir(exist_ok=True)
    with (TOOLS / ".install.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def apt_install(packages: Sequence[str], what: str) -> None:
    """Install Debian packages, or explain why they cannot be installed here."""
    if not _is_root_with_apt():
        raise ServerUnavailable(
            f"{what} is not installed and this process cannot install it (it needs root and apt-get). "
            f"Install it, then run again: sudo apt-get install -y {' '.join(packages)}"
        )
    _run(("apt-get", "update"), "apt-get update")
    _run(("apt-get", "install", "-y", "--no-install-recommends", *packages), f"installing {what}")


def ensure_node(needed_for: str = "MailDev") -> None:
    """Node.js and npm on PATH, from Debian when missing."""
    if shutil.which("node") and shutil.which("npm"):
        return
    apt_install(("nodejs", "npm"), f"Node.js and npm (needed to install {needed_for})")
    if not (shutil.which("node") and shutil.which("npm")):
        raise ServerUnavailable("apt-get installed nodejs and npm, but node or npm is still not on PATH")


def ensure_maildev(major: int) -> Path:
    """MailDev's launcher for one major version, installed from npm into .tools/maildev-MAJOR if missing."""
    prefix = TOOLS / f"maildev-{major}"
    launcher = prefix / "node_modules" / ".bin" / "maildev"
    with _install_lock():
        if launcher.exists():
            return launcher
        ensure_node()
        _run(("npm", "install", "--prefix", str(prefix), f"maildev@{major}", "--no-audit", "--no-fund",
              "--loglevel=error"), f"npm install maildev@{major}")
    if not launcher.exists():
        raise ServerUnavailable(f"npm installed maildev@{major}, but {launcher} is missing")
    return launcher


def _dovecot_binary() -> str | None:
    """Dovecot's master binary, which lives in /usr/sbin, off a normal user's PATH."""
    return next((found for name in DOVECOT_BINARIES if (found := shutil.which(name))), None)


def ensure_dovecot() -> str:
    """Dovecot's master binary, installed from Debian's dovecot-imapd if missing."""
    found = _dovecot_binary()
    if found:
        return found
    with _install_lock():
        if not _dovecot_binary():
            apt_install(("dovecot-imapd",), "Dovecot (dovecot-imapd)")
    found = _dovecot_binary()
    if not found:
        raise ServerUnavailable("apt-get installed dovecot-imapd, but no dovecot binary was found")
    return found


# Running -------------------------------------------------------------------------------------


def free_port() -> int:
    """A loopback port free right now, for a server that cannot be asked to pick its own."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


def _log_tail(log: Path, lines: int = 20) -> str:
    """The end of a server's log, for error messages."""
    try:
        return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def wait_for_port(
    port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = START_TIMEOUT
) -> None:
    """Return once the port takes connections; raise if the server exits or the deadline passes."""
    name = Path(str(process.args[0])).name  # type: ignore[index]
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise ServerUnavailable(f"{name} exited with {process.returncode}:\n{_log_tail(log)}")
        try:
            with socket.create_connection((LOOPBACK, port), timeout=0.5):
                return
        except OSError:
            if time.monotonic() >= deadline:
                raise ServerUnavailable(
                    f"{name} did not listen on {LOOPBACK}:{port} within {timeout:g} s:\n{_log_tail(log)}"
                ) from None
        # Bounded by the deadline above: a refused connection returns at once.
        time.sleep(0.05)


@contextlib.contextmanager
def _process(command: Sequence[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    """A server process writing to its log, terminated (then killed) when the block ends."""
    with log.open("ab") as output:
        process = subprocess.Popen(
            list(command), stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass(frozen=True)
class MailDev:
    """A running MailDev: SMTP in, REST API and web interface out."""

    major: int
    smtp_port: int
    web_port: int
    host: str = LOOPBACK

    @property
    def url(self) -> str:
        """The web interface and REST API."""
        return f"http://{self.host}:{self.web_port}/"


@contextlib.contextmanager
def maildev(major: int, workdir: Path) -> Iterator[MailDev]:
    """MailDev of one major version on free loopback ports, keeping its mail in workdir."""
    launcher = ensure_maildev(major)
    server = MailDev(major=major, smtp_port=free_port(), web_port=free_port())
    # Its own mail directory: MailDev 3 reloads the mail it finds there on start.
    command = (str(launcher), "--smtp", str(server.smtp_port), "--web", str(server.web_port),
               "--ip", LOOPBACK, "--web-ip", LOOPBACK, "--mail-directory", str(workdir / "mail"))
    log = workdir / "maildev.log"
    with _process(command, log) as process:
        wait_for_port(server.web_port, process, log)
        wait_for_port(server.smtp_port, process, log)
        yield server


@dataclass(frozen=True)
class Dovecot:
    """A running throwaway Dovecot: one IMAP user with a plaintext password, no TLS."""

    port: int
    user: str
    password: str
    host: str = LOOPBACK


def _mail_owner() -> tuple[str, str, str, str]:
    """Dovecot's login user, internal user, and the mail files' user and group.

    As root, Debian's unprivileged dovenull and dovecot users run the helpers and nobody owns the
    mail, since Dovecot refuses to access mail as root. Otherwise everything runs as this user.
    """
    if os.geteuid() == 0:
        return "dovenull", "dovecot", "nobody", grp.getgrgid(pwd.getpwnam("nobody").pw_gid).gr_name
    me = getpass.getuser()
    return me, me, me, grp.getgrgid(os.getegid()).gr_name


DOVECOT_CONF = """\
# A throwaway instance for tests: loopback only, no TLS, one user, everything under {home}.
base_dir = {home}/run
state_dir = {home}/state
instance_name = esante-test-{port}
log_path = {home}/dovecot.log
default_login_user = {login_user}
default_internal_user = {internal_user}
protocols = imap
listen = {host}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# Dovecot waits 2 s after a wrong password by default; a test of one needs no such wait.
auth_failure_delay = 0
mail_location = maildir:{home}/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {home}/passwd
}}
userdb {{
  driver = static
  args = uid={mail_user} gid={mail_group} home={home}
}}
service imap-login {{
  inet_listener imap {{
    address = {host}
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
"""


def _dovecot_home(home: Path, port: int, user: str, password: str) -> Path:
    """Write the instance's configuration and password file; return the configuration's path."""
    login_user, internal_user, mail_user, mail_group = _mail_owner()
    # The mail user reaches its Maildir through this folder (mkdtemp makes it private).
    home.chmod(0o755)
    (home / "passwd").write_text(f"{user}:{{PLAIN}}{password}\n")
    (home / "passwd").chmod(0o644)
    shutil.chown(home, mail_user, mail_group)
    conf = home / "dovecot.conf"
    conf.write_text(DOVECOT_CONF.format(
        home=home, port=port, host=LOOPBACK, login_user=login_user, internal_user=internal_user,
        mail_user=mail_user, mail_group=mail_group,
    ))
    return conf


@contextlib.contextmanager
def dovecot(user: str = "qa", password: str = "mot-de-passe-de-test") -> Iterator[Dovecot]:
    """A throwaway Dovecot in the foreground on a free loopback port, its mail and state removed after."""
    binary = ensure_dovecot()
    server = Dovecot(port=free_port(), user=user, password=password)
    # Not under pytest's temporary folders: their parents are private to root, and the mail user
    # (nobody) could not reach its Maildir through them.
    home = Path(tempfile.mkdtemp(prefix="esante-dovecot-"))
    try:
        conf = _dovecot_home(home, server.port, user, password)
        log = home / "dovecot.log"
        with _process((binary, "-F", "-c", str(conf)), log) as process:
            wait_for_port(server.port, process, log)
            yield server
    finally:
        shutil.rmtree(home, ignore_errors=True)
