"""Hostile request bodies on every form of every system: refused in French, never a server error.

The routes are read from the running apps, so that a new form is walked without being listed here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from raw_http import (
    BOUNDARY,
    RawReply,
    is_french_page,
    multipart_body,
    multipart_type,
    part,
    post_raw,
    system_routes,
)
from web_client import FormBrowser

from reference_server.world import World

URLENCODED = "application/x-www-form-urlencoded"
# Every field a form of the systems has, so that a hostile value reaches each handler's reading.
FIELDS = (b"csrf_token", b"matricule", b"password", b"code", b"activation_code", b"received", b"action",
          b"channel", b"mobile", b"email", b"numero_assure", b"assistant", b"role", b"type",
          b"document_title", b"document_kind", b"cgu_accepted", b"consentement", b"product", b"user_id",
          b"pin", b"otp", b"device", b"purpose", b"q")


@dataclass(frozen=True)
class Hostile:
    """A body Bottle's parsers choke on, and the headers that go with it."""

    content_type: str
    body: bytes
    refused: bool = True
    headers: tuple[tuple[str, str], ...] = ()


def _urlencoded(value: bytes) -> bytes:
    """Every known field set to one raw value."""
    return b"&".join(name + b"=" + value for name in FIELDS)


MULTIPART_BODIES = {
    "invalid UTF-8 in a part": Hostile(multipart_type(), multipart_body(
        part(b"csrf_token", b"\xff\xfe\xfd"), part(b"matricule", b"\xc3\x28"))),
    "unknown charset of the form": Hostile(multipart_type() + "; charset=x-inconnu", multipart_body(
        part(b"csrf_token", b"abc"))),
    "unknown charset of a part": Hostile(multipart_type(), multipart_body(
        part(b"csrf_token", b"abc", b"Content-Type: text/plain; charset=x-inconnu"))),
    "Content-Length in words in a part": Hostile(multipart_type(), multipart_body(
        part(b"csrf_token", b"abc", b"Content-Length: twelve"))),
    "NUL in a part name": Hostile(multipart_type(), multipart_body(part(b"csrf\x00token", b"abc"))),
    "another multipart type": Hostile(f"multipart/mixed; boundary={BOUNDARY}", multipart_body(
        part(b"csrf_token", b"\xff\xfe"))),
    "no boundary": Hostile("multipart/form-data", multipart_body(part(b"csrf_token", b"abc"))),
    "no closing boundary": Hostile(multipart_type(), part(b"csrf_token", b"abc")),
    "part without a name": Hostile(multipart_type(), (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data\r\n\r\nabc\r\n--{BOUNDARY}--\r\n").encode(),
        refused=False),
}
URLENCODED_BODIES = {
    "invalid UTF-8, raw": Hostile(URLENCODED, _urlencoded(b"\xff\xfe\xc3\x28"), refused=False),
    "invalid UTF-8, percent-encoded": Hostile(URLENCODED, _urlencoded(b"%ff%fe%c3%28"), refused=False),
    "bad percent-encoding": Hostile(URLENCODED, _urlencoded(b"%zz%%%g%"), refused=False),
    "NUL and control characters": Hostile(URLENCODED, _urlencoded(b"%00%01%7f"), refused=False),
}
CHUNKED_BODIES = {
    "chunk size not hexadecimal": Hostile(URLENCODED, b"zz\r\nabc\r\n0\r\n\r\n",
                                          headers=(("Transfer-Encoding", "chunked"),)),
    "chunk longer than declared": Hostile(URLENCODED, b"2\r\nabcdef\r\n0\r\n\r\n",
                                          headers=(("Transfer-Encoding", "chunked"),)),
    "one chunk of a terabyte": Hostile(URLENCODED, b"10000000000\r\nabc\r\n",
                                       headers=(("Transfer-Encoding", "chunked"),)),
}
EVERY_BODY = {**MULTIPART_BODIES, **URLENCODED_BODIES, **CHUNKED_BODIES}


def _server_errors(world: World, hostile: Hostile) -> list[str]:
    """The routes that answer a hostile body with a 5xx, or refuse it other than in French."""
    problems = []
    for system, base, path in system_routes(world, "POST"):
        reply: RawReply = post_raw(base, path, hostile.content_type, hostile.body, **dict(hostile.headers))
        if reply.status >= 500:
            problems.append(f"{system} {path}: {reply.status}")
        elif hostile.refused and (reply.status not in (400, 413) or not is_french_page(reply)):
            problems.append(f"{system} {path}: {reply.status} {reply.body[:80]!r}")
    return problems


def test_the_walk_covers_the_forms_of_every_system(bare_world: World):
    systems = {system for system, _, _ in system_routes(bare_world, "POST")}

    assert systems == {"portal", "luxtrust", "myguichet"}
    assert len(system_routes(bare_world, "POST")) > 30


@pytest.mark.parametrize("hostile", EVERY_BODY.values(), ids=EVERY_BODY.keys())
def test_no_form_of_any_system_fails_on_a_hostile_body(bare_world: World, hostile: Hostile):
    assert _server_errors(bare_world, hostile) == []


# Past the CSRF check: a session of its own for each route, and hostile values in every field.
FORM_PAGES = {"portal": "/connexion/matricule", "myguichet": "/"}
VALUES = {
    "invalid UTF-8": b"%ff%fe%c3%28",
    "bad percent-encoding": b"%zz%%%g%",
    "NUL and controls": b"%00%01%7f",
    "full-width digits": "１２３４５６".encode(),
    "a long value": b"9" * 3_000,
}


def _handler_errors(world: World, value: bytes) -> list[str]:
    """The routes whose handlers answer hostile field values with a 5xx."""
    problems = []
    for system, base, path in system_routes(world, "POST"):
        if system not in FORM_PAGES:
            continue
        visitor = FormBrowser(base)
        visitor.get(FORM_PAGES[system])
        cookie = "; ".join(f"{c.name}={c.value}" for c in visitor.jar)
        body = b"&".join([b"csrf_token=" + visitor.csrf_token.encode(),
                          *(name + b"=" + value for name in FIELDS if name != b"csrf_token")])
        reply = post_raw(base, path, URLENCODED, body, Cookie=cookie)
        if reply.status >= 500:
            problems.append(f"{system} {path}: {reply.status}")
    return problems


@pytest.mark.parametrize("value", VALUES.values(), ids=VALUES.keys())
def test_no_handler_fails_on_hostile_values_past_the_csrf_check(bare_world: World, value: bytes):
    assert _handler_errors(bare_world, value) == []
