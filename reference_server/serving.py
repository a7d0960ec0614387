"""Serving WSGI apps on loopback with cheroot, each in its own background thread."""

import threading
from collections.abc import Callable

from cheroot import wsgi

WSGIApp = Callable[..., object]


class BackgroundServer:
    """A multithreaded WSGI server bound to 127.0.0.1 and run in a daemon thread."""

    def __init__(self, app: WSGIApp, name: str, port: int = 0, host: str = "127.0.0.1") -> None:
        self.name = name
        self._server = wsgi.Server((host, port), app, numthreads=8, server_name=name)
        self._thread: threading.Thread | None = None

    def start(self) -> str:
        """Bind the socket (so the port is known at once), serve in the background, return the URL."""
        self._server.prepare()
        self._thread = threading.Thread(target=self._server.serve, name=self.name, daemon=True)
        self._thread.start()
        return self.url

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
