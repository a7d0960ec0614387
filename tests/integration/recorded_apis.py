"""Fakes of HTTP message APIs that cannot be installed here, serving recordings of their documented shape.

Mailpit is a Go binary published as release downloads and container images, not in npm, PyPI
or Debian (which have only clients of its API), so it cannot be installed on these machines.
Its fake answers with the JSON its API v1 documents (swagger.json: MessagesSummary, Message,
AppInformation), recorded in recorded/mailpit.json. The SMS sandbox is a small HTTP contract of
this harness's own, not a product: recorded/sms_sandbox.json holds texts of the shape
SmsSandboxSource documents.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

RECORDED = Path(__file__).parent / "recorded"
# A route answers a path and its query with a status and a JSON document.
Route = Callable[[str, dict[str, list[str]]], tuple[int, Any]]


def recording(name: str) -> Any:
    """One recorded JSON file."""
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


class FakeApi:
    """A loopback HTTP server answering GETs through one route, and keeping the requests it got."""

    def __init__(self, route: Route) -> None:
        self.requests: list[str] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                fake.requests.append(self.path)
                parts = urlsplit(self.path)
                status, document = route(unquote(parts.path), parse_qs(parts.query))
                body = json.dumps(document).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                """Keep the test output quiet."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"

    @contextmanager
    def running(self) -> Iterator[FakeApi]:
        """Serve in a thread for the block's length."""
        thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self.server.shutdown()
            self.server.server_close()
            thread.join()


def mailpit_route(recorded: dict[str, Any]) -> Route:
    """Mailpit's API v1 over a recording: listing, `to:` search (a substring, like Mailpit's), info."""
    summaries, details = recorded["messages"], recorded["details"]

    def route(path: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        if path == "/api/v1/info":
            return 200, recorded["info"]
        if path == "/api/v1/messages":
            return 200, _page(summaries)
        if path == "/api/v1/search":
            term = query["query"][0].removeprefix("to:").strip('"').lower()
            return 200, _page([m for m in summaries if term in json.dumps(m["To"]).lower()])
        message_id = path.removeprefix("/api/v1/message/")
        if message_id in details:
            return 200, details[message_id]
        return 404, {"Error": "message not found"}

    return route


def _page(messages: list[dict[str, Any]]) -> dict[str, Any]:
    """A MessagesSummary page holding these summaries."""
    return {"total": len(messages), "unread": len(messages), "count": len(messages),
            "messages_count": len(messages), "messages_unread": len(messages), "start": 0, "tags": [],
            "messages": messages}


def sms_sandbox_route(texts: list[dict[str, Any]], path: str = "/messages") -> Route:
    """An SMS sandbox answering every text it holds, whatever number is asked: the client sorts them out."""

    def route(asked: str, query: dict[str, list[str]]) -> tuple[int, Any]:
        return (200, texts) if asked == path else (404, {"error": "not found"})

    return route
