"""A small standard-library web client for the reference world's systems: cookies, CSRF, no redirects."""

from __future__ import annotations

import html
import json
import re
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from http.cookiejar import CookieJar
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit

CSRF_INPUT = re.compile(r'<input type="hidden" name="csrf_token" value="([^"]*)">')
TIMEOUT = 10


@dataclass(frozen=True)
class Reply:
    """One HTTP response, read whole."""

    status: int
    headers: Message
    content: bytes

    @property
    def body(self) -> str:
        """The body as text; every system's pages are UTF-8."""
        return self.content.decode(errors="replace")

    @property
    def text(self) -> str:
        """The body with HTML entities decoded, to look for messages as a person reads them."""
        return html.unescape(self.body)

    @property
    def target(self) -> str | None:
        """Where a redirect points to, whole."""
        return self.headers.get("Location")

    @property
    def location(self) -> str | None:
        """The path a redirect points to, without scheme, host or query."""
        return urlsplit(self.target).path if self.target else None

    def query(self) -> dict[str, str]:
        """The query parameters of the redirect's target, one value each."""
        assert self.target is not None, f"not a redirect: {self.status}"
        return {name: values[0] for name, values in parse_qs(urlsplit(self.target).query).items()}

    def json(self) -> object:
        """The body parsed as JSON."""
        return json.loads(self.body)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the caller, who wants to see the 303 itself."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        """Decline every redirect, so urllib reports the 3xx response as it came."""
        return None


def send(opener: urllib.request.OpenerDirector, request: urllib.request.Request) -> Reply:
    """Send a request and return the reply whatever its status."""
    try:
        with opener.open(request, timeout=TIMEOUT) as response:
            return Reply(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        with error:
            return Reply(error.code, error.headers, error.read())


def raw_request(
    url: str, *, method: str = "GET", data: bytes | None = None,
    headers: Mapping[str, str] | None = None,
) -> Reply:
    """One request without cookies or redirects."""
    opener = urllib.request.build_opener(_NoRedirect())
    return send(opener, urllib.request.Request(url, data=data, method=method,
                                               headers=dict(headers or {})))


def json_request(url: str, payload: object | None = None) -> Reply:
    """A JSON POST to a test-support interface or an API, or a GET without a payload."""
    data = json.dumps(payload).encode() if payload is not None else None
    return raw_request(url, method="GET" if data is None else "POST", data=data,
                       headers={"Content-Type": "application/json"})


def csrf_token_in(page: str) -> str | None:
    """The value of the csrf_token hidden input of an HTML page, if it has one."""
    found = CSRF_INPUT.search(page)
    return found.group(1) if found else None


class FormBrowser:
    """A person's browser reduced to what matters here: a cookie jar and the last CSRF token."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )
        self.csrf_token = ""

    def get(self, url: str) -> Reply:
        """GET a page and remember the CSRF token it carries."""
        return self._remember(send(self._opener, urllib.request.Request(urljoin(self.base, url))))

    def post(self, url: str, fields: Mapping[str, str], *, with_csrf: bool = True) -> Reply:
        """POST a form, adding the session's CSRF token unless told not to or given one."""
        form = dict(fields)
        if with_csrf:
            form.setdefault("csrf_token", self.csrf_token)
        request = urllib.request.Request(
            urljoin(self.base, url), data=urlencode(form).encode(), method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
        return self._remember(send(self._opener, request))

    def send(self, request: urllib.request.Request) -> Reply:
        """Send a request of the caller's making with this browser's cookies."""
        return self._remember(send(self._opener, request))

    def _remember(self, reply: Reply) -> Reply:
        """Keep the token of the latest form seen; it is the same for the whole session."""
        found = csrf_token_in(reply.body)
        if found:
            self.csrf_token = found
        return reply
