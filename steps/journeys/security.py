"""What an attacker does that a browser's user would not: replayed cookies and requests, forged forms, frames.

The security profile's scenarios use these where a person at the browser cannot express the
attack: a form sent without its token, a cookie put back after sign-out, a code sent twice, a
portal page put in another site's frame. They reach the portal by its addresses and its words
only, so that they judge any portal.
"""

import html
import re
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urljoin

from playwright.sync_api import APIResponse, BrowserContext, Cookie, Locator, Page, Request, Response

from steps.journeys.account import reopen_password_sign_in
from steps.journeys.actors import Actor
from steps.pages.account import PasswordSignInPage
from steps.pages.guide import main_content

# A hidden field whose name says it is an anti-forgery token, or whose value is long enough to be
# a secret, is one another site cannot know; other hidden fields an attacker can copy as they are.
TOKEN_NAME = re.compile(r"csrf|xsrf|token|authenticity|nonce", re.IGNORECASE)
SECRET_LENGTH = 16
# The origin a forged request claims to come from: an attacker's page, not the portal's.
ATTACKER_ORIGIN = "http://autre-site.invalid"


@dataclass
class Evidence:
    """What the attacker of a scenario noted: the cookies, a request the browser sent, another browser."""

    cookies: list[Cookie] = field(default_factory=list)
    sent: "SentForm | None" = None
    other_page: Page | None = None


@dataclass(frozen=True)
class Refusal:
    """How a portal answered a refused sign-in: the status of the form's answer and the words shown."""

    status: int
    words: str


def try_sign_in(actor: Actor, matricule: str, password: str) -> Refusal:
    """Send the « Matricule & Mot de passe » form, noting the status of its answer and the page's words."""
    reopen_password_sign_in(actor)
    page = actor.page
    with page.expect_response(_form_answer) as answer:
        PasswordSignInPage(page).sign_in(matricule, password)
    # A page that repeats the matricule typed says nothing of the account by doing so.
    words = " ".join(main_content(page).inner_text().split()).replace(matricule, "<matricule>")
    return Refusal(answer.value.status, words)


def _form_answer(response: Response) -> bool:
    """The portal's answer to a form the browser sent."""
    return is_form_sent(response.request)


def portal_cookies(context: BrowserContext, address: str) -> list[Cookie]:
    """The cookies the browser would send to one of the portal's addresses."""
    return context.cookies(address)


def browser_with_cookies(context: BrowserContext, cookies: list[Cookie]) -> Page:
    """A page in another, empty browser that holds only the given cookies, as a thief would."""
    context.add_cookies(cookies)  # type: ignore[arg-type]
    return context.new_page()


@dataclass(frozen=True)
class SentForm:
    """A form submission as the browser sent it, to be sent again byte for byte."""

    url: str
    body: bytes
    content_type: str

    @classmethod
    def of(cls, request: Request) -> "SentForm":
        """The recording of a request the browser made."""
        return cls(request.url, request.post_data_buffer or b"",
                   request.headers.get("content-type", "application/x-www-form-urlencoded"))

    def replay(self, context: BrowserContext) -> APIResponse:
        """Send it again with the cookies of another browser, following the portal's redirects."""
        return context.request.post(self.url, data=self.body, headers={"content-type": self.content_type})


def is_form_sent(request: Request) -> bool:
    """A form the page's own browser posted."""
    return request.is_navigation_request() and request.method == "POST"


# Forged forms -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FormField:
    """One named control of a form, as the page holds it."""

    name: str
    kind: str
    value: str
    checked: bool

    @property
    def is_token(self) -> bool:
        """Whether the field is a secret another site could not copy."""
        return self.kind == "hidden" and (bool(TOKEN_NAME.search(self.name)) or len(self.value) >= SECRET_LENGTH)


@dataclass(frozen=True)
class FormSnapshot:
    """A form's address and controls, read from the page."""

    action: str
    fields: tuple[FormField, ...] = field(default_factory=tuple)

    def boxes(self) -> dict[str, bool]:
        """Each checkbox's name and whether it is ticked."""
        return {f.name: f.checked for f in self.fields if f.kind == "checkbox"}


def read_form(page: Page, form: Locator) -> FormSnapshot:
    """The form's address and named controls, read as the browser would send them."""
    raw = form.evaluate(
        """form => ({action: form.action, fields: Array.from(form.elements)
              .filter(e => e.name)
              .map(e => ({name: e.name, kind: (e.type || '').toLowerCase(), value: e.value || '',
                          checked: !!e.checked}))})"""
    )
    fields = tuple(FormField(f["name"], f["kind"], f["value"], f["checked"]) for f in raw["fields"])
    return FormSnapshot(urljoin(page.url, raw["action"] or page.url), fields)


def forged_boxes(snapshot: FormSnapshot, token: str) -> dict[str, str]:
    """The form with every checkbox turned over, and its token left out or replaced by a wrong one."""
    forged: dict[str, str] = {}
    for f in snapshot.fields:
        if f.kind in ("submit", "button", "reset"):
            continue
        if f.kind == "checkbox":
            if not f.checked:
                forged[f.name] = f.value or "on"
        elif f.is_token:
            if token == "wrong":
                forged[f.name] = wrong_like(f.value)
        else:
            forged[f.name] = f.value
    return forged


def wrong_like(token: str) -> str:
    """A random token as long as the real one, which the portal never gave out."""
    length = len(token) or SECRET_LENGTH
    return secrets.token_urlsafe(length)[:length]


def send_forged(page: Page, action: str, fields: dict[str, str]) -> APIResponse:
    """Post a forged form with the person's cookies, as another site's page would make the browser do."""
    return page.request.post(
        action, form=fields, max_redirects=0,
        headers={"Origin": ATTACKER_ORIGIN, "Referer": f"{ATTACKER_ORIGIN}/"},
    )


# Another site, to frame the portal ---------------------------------------------------------------


class _OtherSiteHandler(BaseHTTPRequestHandler):
    """Serve the other site's one page, whatever the path."""

    def do_GET(self) -> None:
        """The page that frames the portal."""
        # The server holds the page: a handler is made anew for each request.
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(self.server.page)  # type: ignore[attr-defined]

    def log_message(self, *_args: object) -> None:
        """Keep the test's output quiet."""


@contextmanager
def other_site() -> Iterator[ThreadingHTTPServer]:
    """A tiny site on another loopback port: another origin than the portal's."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _OtherSiteHandler)
    server.page = b""  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def framing_page(address: str) -> bytes:
    """A page of the other site that shows a portal address in a frame, and says when the frame is done."""
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'><title>Autre site</title></head>"
        "<body><h1>Un autre site</h1>"
        f"<iframe src='{html.escape(address, quote=True)}' title='Portail' width='800' height='600'"
        " onload=\"document.title='Cadre chargé'\"></iframe></body></html>"
    ).encode()
