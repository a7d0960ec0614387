"""Serving the independent portal: on a given port, or in a background thread for tests."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

from cheroot import wsgi

from .app import create_app


def make_server(faults: frozenset[str] = frozenset(), port: int = 0, host: str = "127.0.0.1") -> wsgi.Server:
    """A multithreaded WSGI server for the portal, bound to its port (0: a free one)."""
    server = wsgi.Server((host, port), create_app(faults), numthreads=8)
    # Cheroot's stop() waits for its select() loop to look up; half a second by default.
    server.expiration_interval = 0.05
    server.prepare()
    return server


def base_url(server: wsgi.Server) -> str:
    """The portal's base URL, ending with a slash."""
    host, port = server.bind_addr[:2]
    return f"http://{host}:{port}/"


@contextlib.contextmanager
def running_portal(faults: frozenset[str] = frozenset()) -> Iterator[str]:
    """Run the portal on a free loopback port in a background thread and yield its base URL."""
    server = make_server(faults)
    thread = threading.Thread(target=server.serve, name="independent-portal", daemon=True)
    thread.start()
    try:
        yield base_url(server)
    finally:
        server.stop()
        thread.join(timeout=10)
