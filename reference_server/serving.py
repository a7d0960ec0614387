"""Serving WSGI apps on loopback with cheroot, each in its own background thread."""

import threading
from collections.abc import Callable

from cheroot import wsgi

WSGIApp = Callable[..., object]
# How often cheroot's connection loop looks up from select(): it is also how long stop() waits
# for that loop to notice. Cheroot's half second made every world's shutdown take 1.5 s (three
# systems); a twentieth costs a few idle wake-ups a second.
POLL_INTERVAL_S = 0.05


class BackgroundServer:
    """A multithreaded WSGI server bound to 127.0.0.1 and run in a daemon thread.

    Binding and serving are separate steps, so that every system of the world can learn the
    others' URLs (an identity provider's issuer, a client's redirect URI) before any serves.
    """

    def __init__(self, name: str, port: int = 0, host: str = "127.0.0.1") -> None:
        self.name = name
        self._server = wsgi.Server((host, port), None, numthreads=8, server_name=name)
        self._server.expiration_interval = POLL_INTERVAL_S
        self._thread: threading.Thread | None = None

    def bind(self) -> str:
        """Bind the socket, so that the port is known, and return the base URL."""
        self._server.prepare()
        return self.url

    def serve(self, app: WSGIApp) -> None:
        """Serve an app in the background on the bound socket."""
        self._server.wsgi_app = app
        self._thread = threading.Thread(target=self._server.serve, name=self.name, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        """The server's base URL, with the port it really got."""
        host, port = self._server.bind_addr[:2]
        return f"http://{host}:{port}/"

    def stop(self) -> None:
        """Stop accepting, finish the requests under way and join the thread."""
        self._server.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
