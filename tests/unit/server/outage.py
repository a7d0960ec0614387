"""Take one system of a running world down and bring it back, for the tests of the portal's faults."""

from __future__ import annotations

from collections.abc import Callable

from reference_server.world import World


class Outage:
    """A system of the world that a test may make unavailable, keeping its port.

    While down, its server answers every request with 503, as a system that is down behind its
    load balancer does: the portal's clients see a failed call, as for a refused connection.
    """

    def __init__(self, world: World, name: str) -> None:
        server = next(s for s in world._servers if s.name == name)
        self._server = server._server
        self._app = self._server.wsgi_app

    def down(self) -> None:
        """Answer every request with 503 Service Unavailable."""
        self._server.wsgi_app = _unavailable

    def up(self) -> None:
        """Serve the system again."""
        self._server.wsgi_app = self._app


def _unavailable(environ: dict, start_response: Callable[..., object]) -> list[bytes]:
    """A WSGI app that is down."""
    start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
    return [b"down"]
