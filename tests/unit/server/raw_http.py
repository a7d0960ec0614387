"""Requests whose bytes the test writes itself: hostile bodies, chunked framing, lying lengths."""

from __future__ import annotations

import http.client
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from bottle import Bottle

from reference_server.world import World

TIMEOUT = 10
WILDCARD = re.compile(r"<[^>]*>")
BOUNDARY = "----hostile0123456789"


@dataclass(frozen=True)
class RawReply:
    """Status, headers and body of one raw exchange."""

    status: int
    headers: Mapping[str, str]
    body: str


def send_raw(base: str, method: str, path: str, headers: Mapping[str, str], body: bytes = b"") -> RawReply:
    """Send exactly these headers and body bytes (no framing added) and read the answer."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=TIMEOUT)
    try:
        conn.putrequest(method, path, skip_accept_encoding=True)
        for name, value in headers.items():
            conn.putheader(name, value)
        conn.endheaders(body or None)
        answer = conn.getresponse()
        content = answer.read()
        return RawReply(answer.status, {k.lower(): v for k, v in answer.getheaders()},
                        content.decode(errors="replace"))
    finally:
        conn.close()


def post_raw(base: str, path: str, content_type: str, body: bytes, **headers: str) -> RawReply:
    """A POST with its Content-Length (unless given) and these body bytes."""
    sent = {"Content-Type": content_type, "Content-Length": str(len(body)), **headers}
    if "Transfer-Encoding" in headers:
        sent.pop("Content-Length")
    return send_raw(base, "POST", path, sent, body)


def chunked(*pieces: bytes) -> bytes:
    """A well-formed chunked transfer coding of the pieces."""
    return b"".join(b"%x\r\n%s\r\n" % (len(piece), piece) for piece in pieces) + b"0\r\n\r\n"


def multipart_type(boundary: str = BOUNDARY) -> str:
    """A multipart/form-data content type with a boundary."""
    return f"multipart/form-data; boundary={boundary}"


def part(name: bytes, value: bytes, *extra_headers: bytes) -> bytes:
    """One part of a multipart body, its name and headers as raw bytes."""
    head = b'Content-Disposition: form-data; name="' + name + b'"\r\n' + b"".join(
        header + b"\r\n" for header in extra_headers)
    return b"--" + BOUNDARY.encode() + b"\r\n" + head + b"\r\n" + value + b"\r\n"


def multipart_body(*parts: bytes) -> bytes:
    """Parts followed by the closing boundary."""
    return b"".join(parts) + b"--" + BOUNDARY.encode() + b"--\r\n"


def routes(app: Bottle, method: str) -> Iterator[str]:
    """Every rule an app (mounted apps included) answers for a method, wildcards filled in."""
    seen: set[str] = set()
    for route in app.routes:
        if route.method != method:
            continue
        path = WILDCARD.sub("1", route.rule)
        if path not in seen:
            seen.add(path)
            yield path


def system_routes(world: World, method: str) -> list[tuple[str, str, str]]:
    """(system, base URL, path) for every route of the portal, LuxTrust and MyGuichet.lu."""
    assert world.urls is not None
    bases = {"portal": world.urls.portal, "luxtrust": world.urls.luxtrust,
             "myguichet": world.urls.myguichet}
    return [(name, base, path) for name, base in bases.items()
            for path in routes(world.apps[name], method)]


def is_french_page(reply: RawReply) -> bool:
    """Whether the answer is an HTML page in French, as every system's own pages are."""
    return reply.headers.get("content-type", "").startswith("text/html") and '<html lang="fr"' in reply.body
