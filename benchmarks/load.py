"""Page latency and throughput of the portal under concurrent clients, against a bare Bottle app."""

from __future__ import annotations

import http.client
import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from benchmarks.stats import percentile, ratio

REPO_ROOT = Path(__file__).resolve().parent.parent
# The activation page (CGU and « Activer mon compte », p. 8) and the password sign-in page:
# both render a template with the session's CSRF token, so each request loads and saves a session.
DEFAULT_PAGES = ("/activation/patient", "/connexion/matricule")
DEFAULT_LEVELS = (1, 8, 32)
# Requests before each page's levels, not measured: templates compiled, connections made.
WARM_UP_REQUESTS = 20
HTTP_TIMEOUT_S = 30
STARTUP_TIMEOUT_S = 60


@dataclass(frozen=True)
class Endpoint:
    """Where a page is served: host, port and path."""

    host: str
    port: int
    path: str

    @classmethod
    def of(cls, base_url: str, path: str) -> Endpoint:
        """A page of a server, from the server's base URL."""
        parts = urlsplit(base_url)
        return cls(parts.hostname or "127.0.0.1", parts.port or 80, path)


@dataclass
class ClientTally:
    """What one client thread saw: each successful request's latency, and its failures."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    last_status: int | None = None
    body_bytes: int = 0


class Browserlike:
    """One keep-alive connection that keeps its cookies, as a browser tab would."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.cookies: dict[str, str] = {}
        self.connection = self._connect()

    def _connect(self) -> http.client.HTTPConnection:
        """A fresh connection to the endpoint."""
        return http.client.HTTPConnection(self.endpoint.host, self.endpoint.port, timeout=HTTP_TIMEOUT_S)

    def get(self) -> tuple[int, int]:
        """GET the page; return its status and body size, reconnecting after a failure."""
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        try:
            self.connection.request("GET", self.endpoint.path, headers=headers)
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = self._connect()
            raise
        for header in response.msg.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, len(body)

    def close(self) -> None:
        """Close the connection."""
        self.connection.close()


def _client(
    endpoint: Endpoint, budget: int, seconds: float, start: threading.Barrier, tally: ClientTally
) -> None:
    """Request the page until the budget of requests or of time is spent."""
    browser = Browserlike(endpoint)
    start.wait()
    deadline = time.perf_counter() + seconds
    try:
        while len(tally.latencies) + tally.errors < budget and time.perf_counter() < deadline:
            began = time.perf_counter()
            try:
                status, size = browser.get()
            except (OSError, http.client.HTTPException):
                tally.errors += 1
                continue
            tally.last_status, tally.body_bytes = status, size
            if status == 200:
                tally.latencies.append(time.perf_counter() - began)
            else:
                tally.errors += 1
    finally:
        browser.close()


def load_level(endpoint: Endpoint, clients: int, per_client: int, seconds: float) -> dict[str, Any]:
    """`clients` threads at once, each with its own connection; latency percentiles and throughput."""
    tallies = [ClientTally() for _ in range(clients)]
    start = threading.Barrier(clients + 1)
    threads = [
        threading.Thread(target=_client, args=(endpoint, per_client, seconds, start, tally), daemon=True)
        for tally in tallies
    ]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies = [latency for tally in tallies for latency in tally.latencies]
    return {
        "clients": clients,
        "requests": len(latencies),
        "errors": sum(tally.errors for tally in tallies),
        "seconds": elapsed,
        "rps": len(latencies) / elapsed if elapsed else None,
        "p50_ms": _ms(percentile(latencies, 50)),
        "p99_ms": _ms(percentile(latencies, 99)),
    }


def _ms(seconds: float | None) -> float | None:
    """Seconds as milliseconds, keeping None."""
    return None if seconds is None else seconds * 1000


def warm_up(endpoint: Endpoint) -> int:
    """A few unmeasured requests by one client; return the page's size, or fail naming its status."""
    tally = ClientTally()
    _client(endpoint, WARM_UP_REQUESTS, HTTP_TIMEOUT_S, threading.Barrier(1), tally)
    if tally.errors or tally.last_status != 200:
        raise RuntimeError(f"{endpoint.path} answered {tally.last_status} during the warm-up")
    return tally.body_bytes


@contextmanager
def servers() -> Iterator[dict[str, str]]:
    """The reference world and the bare app in a child process; yields their base URLs."""
    child = subprocess.Popen([sys.executable, "-m", "benchmarks.load_server"], cwd=REPO_ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        urls = _read_urls(child)
        yield urls
    finally:
        # Closing its standard input is the child's signal to stop its servers and exit.
        if child.stdin is not None:
            child.stdin.close()
        try:
            child.wait(timeout=STARTUP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _read_urls(child: subprocess.Popen[str]) -> dict[str, str]:
    """The child's one line of URLs, waited for no longer than the start-up timeout."""
    found: list[str] = []
    reader = threading.Thread(target=lambda: found.append(child.stdout.readline() if child.stdout else ""),
                              daemon=True)
    reader.start()
    reader.join(STARTUP_TIMEOUT_S)
    if not found or not found[0].strip():
        raise RuntimeError("the load benchmark's servers did not start (benchmarks.load_server)")
    return json.loads(found[0])


def run(pages: Sequence[str] = DEFAULT_PAGES, levels: Sequence[int] = DEFAULT_LEVELS,
        per_client: int = 200, seconds: float = 5.0) -> dict[str, Any]:
    """Every page and the bare app at each level, alternating so that drift hits both alike."""
    with servers() as urls:
        bare = Endpoint.of(urls["bare"], "/")
        portal = {path: Endpoint.of(urls["portal"], path) for path in pages}
        sizes = {"bare": warm_up(bare)} | {path: warm_up(endpoint) for path, endpoint in portal.items()}
        bare_levels: list[dict[str, Any]] = []
        page_levels: dict[str, list[dict[str, Any]]] = {path: [] for path in pages}
        for clients in levels:
            bare_figures = load_level(bare, clients, per_client, seconds)
            bare_levels.append(bare_figures)
            for path, endpoint in portal.items():
                figures = load_level(endpoint, clients, per_client, seconds)
                figures["rps_ratio_to_bare"] = ratio(figures["rps"], bare_figures["rps"])
                page_levels[path].append(figures)
    return {
        "server": "reference_server.serving.BackgroundServer (cheroot), the same for both",
        "levels": list(levels),
        "requests_per_client": per_client,
        "max_seconds_per_level": seconds,
        "bare": {"path": "/", "bytes": sizes["bare"], "levels": bare_levels},
        "pages": {path: {"bytes": sizes[path], "levels": page_levels[path]} for path in pages},
    }
