"""The servers under load, in a process of their own: the reference world and a bare Bottle app.

Started by benchmarks.load, it prints one JSON line with both base URLs once they are bound and
served, then serves until its standard input closes. A process of its own, so that the load
generator's threads do not share the servers' interpreter lock.
"""

from __future__ import annotations

import json
import sys

from bottle import Bottle

from reference_server.config import WorldConfig
from reference_server.serving import BackgroundServer
from reference_server.world import World

BARE_PAGE = (
    "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Bare</title></head>"
    "<body><main><h1>Bottle</h1><p>A bare page on the same WSGI server.</p></main></body></html>"
)


def bare_app() -> Bottle:
    """One route returning a small, fixed HTML page: the WSGI server's and Bottle's own cost."""
    app = Bottle()
    app.route("/", "GET", lambda: BARE_PAGE)
    return app


def main() -> int:
    """Serve the world and the bare app until stdin closes."""
    world = World(WorldConfig(test_support=True))
    urls = world.start()
    # The same serving code as every system of the world: cheroot, the same thread count.
    bare = BackgroundServer("bare")
    bare.bind()
    bare.serve(bare_app())
    print(json.dumps({"portal": urls.portal, "bare": bare.url}), flush=True)
    try:
        sys.stdin.read()
    finally:
        bare.stop()
        world.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
