"""A small standard-library client for the reference world: cookies, CSRF tokens, no redirects."""

from __future__ import annotations

import html
import re
import sqlite3
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.cookiejar import Cookie
from pathlib import Path
from urllib.parse import urlencode

from web_client import (
    TIMEOUT,
    FormBrowser,
    Reply,
    json_request,
)

from reference_server.world import World

WIZARD = "/activation/patient"
CODE_REQUEST = "/activation/patient/demande-de-code"
PASSWORD = "Motdepasse2024"
SESSION_COOKIE = "esante_session"


class Visitor(FormBrowser):
    """A person's browser on the portal, whose session cookie the tests may look at."""

    @property
    def session_cookie(self) -> Cookie | None:
        """The portal's session cookie, if the portal has set one."""
        return next((c for c in self.jar if c.name == SESSION_COOKIE), None)


def field_errors(reply: Reply, name: str) -> list[str]:
    """The messages shown under a form field, as a person reads them."""
    block = re.search(rf'<div class="error" id="{re.escape(name)}-error">(.*?)</div>', reply.body,
                      re.DOTALL)
    if block is None:
        return []
    return [html.unescape(m).strip() for m in re.findall(r"<p>(.*?)</p>", block.group(1), re.DOTALL)]


def input_value(reply: Reply, name: str) -> str | None:
    """The value a form's input is filled with, as the browser would show it."""
    found = re.search(rf'<input id="{re.escape(name)}" name="{re.escape(name)}"[^>]*?value="([^"]*)"',
                      reply.body)
    return html.unescape(found.group(1)) if found else None


# The test-support interface ------------------------------------------------------------------


def new_persona(world: World, **fields: object) -> dict[str, object]:
    """Create a persona through POST /_test/personas and return its JSON."""
    assert world.urls is not None
    reply = json_request(world.urls.test_support + "personas", fields)
    assert reply.status == 201, reply.body
    persona = reply.json()
    assert isinstance(persona, dict)
    return persona


def messages_to(world: World, to: str) -> list[dict[str, object]]:
    """The messages the gateway delivered to a number or address, newest first."""
    assert world.urls is not None
    reply = json_request(world.urls.test_support + "messages?" + urlencode({"to": to}))
    assert reply.status == 200, reply.body
    listed = reply.json()
    assert isinstance(listed, list)
    return listed


def advance_clock(world: World, seconds: float) -> None:
    """Move the world's clock forward through the test-support interface."""
    assert world.urls is not None
    reply = json_request(world.urls.test_support + "clock", {"advance_seconds": seconds})
    assert reply.status == 200, reply.body


# The activation wizard ------------------------------------------------------------------------


def accept_cgu(visitor: Visitor) -> Reply:
    """Open the CGU page and accept it, which starts a new wizard."""
    visitor.get(WIZARD)
    reply = visitor.post(WIZARD, {"cgu_accepted": "oui"})
    assert reply.status == 303 and reply.location == f"{WIZARD}/etape-1", reply.status
    return reply


def submit_code(visitor: Visitor, matricule: str, code: str) -> Reply:
    """Answer step 1: the matricule, « Oui » to the letter question, and the code."""
    return visitor.post(
        f"{WIZARD}/etape-1",
        {"matricule": matricule, "received": "oui", "activation_code": code, "action": "next"},
    )


def submit_password(visitor: Visitor, password: str = PASSWORD) -> Reply:
    """Answer step 2 with a password and the same confirmation."""
    return visitor.post(
        f"{WIZARD}/etape-2", {"password": password, "password_confirmation": password}
    )


def ask_for_sms_code(visitor: Visitor, mobile: str) -> Reply:
    """Choose the SMS channel on step 3, which sends a one-time code."""
    return visitor.post(
        f"{WIZARD}/etape-3", {"channel": "sms", "mobile": mobile, "action": "send"}
    )


def submit_one_time_code(visitor: Visitor, code: str) -> Reply:
    """Type a one-time code on step 3."""
    return visitor.post(f"{WIZARD}/etape-3", {"code": code, "action": "verify"})


def resend_code(visitor: Visitor) -> Reply:
    """Ask for a new one-time code on step 3."""
    return visitor.post(f"{WIZARD}/etape-3", {"action": "resend"})


def reach_step_3(visitor: Visitor, persona: Mapping[str, object]) -> None:
    """Play steps 1 and 2 for a persona, ending on step 3."""
    accept_cgu(visitor)
    reply = submit_code(visitor, str(persona["matricule"]), str(persona["activation_code"]))
    assert reply.location == f"{WIZARD}/etape-2", reply.text
    reply = submit_password(visitor)
    assert reply.location == f"{WIZARD}/etape-3", reply.text


def latest_code(world: World, to: str) -> str:
    """The one-time code of the newest message to a number or address."""
    listed = messages_to(world, to)
    assert listed, f"no message to {to}"
    return str(listed[0]["code"])


def activate(world: World, visitor: Visitor, persona: Mapping[str, object]) -> None:
    """Play the whole wizard for a persona up to the confirmation page."""
    reach_step_3(visitor, persona)
    mobile = str(persona["mobile"])
    assert ask_for_sms_code(visitor, mobile).location == f"{WIZARD}/etape-3"
    reply = submit_one_time_code(visitor, latest_code(world, mobile))
    assert reply.location == f"{WIZARD}/etape-4", reply.text
    assert visitor.post(f"{WIZARD}/etape-4", {}).location == f"{WIZARD}/etape-5"
    assert visitor.get(f"{WIZARD}/etape-5").status == 200


def other_code(code: str) -> str:
    """A six-digit code that is surely not the given one."""
    return f"{(int(code) + 1) % 10**6:06d}"


# The portal's storage, read only where a test checks the storage itself ------------------------


@contextmanager
def portal_db(world: World) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the portal's SQLite file."""
    path: Path = world.data_dir / "portal.sqlite3"
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=TIMEOUT)
    conn.row_factory = sqlite3.Row
    try:
        yield conn
    finally:
        conn.close()


def stored_bytes(world: World) -> bytes:
    """Every byte of the portal's database files, including the write-ahead log."""
    return b"".join(p.read_bytes() for p in sorted(world.data_dir.glob("portal.sqlite3*")))
