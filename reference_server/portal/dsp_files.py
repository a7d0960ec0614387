"""Files in the DSP: what a deposited file really is, bounded reads, and safe download names."""

import functools
import re
import unicodedata
from collections.abc import Callable
from typing import BinaryIO

from bottle import HTTPResponse, Route, request, template

from reference_server.portal.web import HELPDESK, TEMPLATES

# The first bytes of each accepted format: the browser's content type and the name prove nothing.
SIGNATURES = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)
EXTENSIONS = {"application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg"}
CHUNK = 64 * 1024
# Room for the form's other fields and the multipart envelope around the file.
FORM_OVERHEAD = 64 * 1024


def media_type_of(content: bytes) -> str | None:
    """The accepted format a content starts with, if any."""
    return next((kind for magic, kind in SIGNATURES if content.startswith(magic)), None)


def read_at_most(stream: BinaryIO, limit: int) -> bytes | None:
    """The whole stream if it holds at most `limit` bytes, else None without reading further."""
    chunks: list[bytes] = []
    total = 0
    while chunk := stream.read(min(CHUNK, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
    return b"".join(chunks)


def download_name(title: str, media_type: str) -> str:
    """An ASCII file name made from a title, safe inside a Content-Disposition header."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_title).strip("-").lower()[:80] or "document"
    return f"{stem}.{EXTENSIONS[media_type]}"


class BodyLimit:
    """Bottle plugin: refuse a POST whose body is larger than its route allows, before reading it.

    It must be installed before the session plugin, whose CSRF check parses the whole body.
    """

    name = "dsp_body_limit"
    api = 2

    def __init__(self, default_limit: int, too_large: str) -> None:
        self.default_limit = default_limit
        self.too_large = too_large

    def apply(self, callback: Callable[..., object], route: Route) -> Callable[..., object]:
        """Wrap a POST route; a route may raise its own limit with `max_body`."""
        if route.method != "POST":
            return callback
        limit = int(route.config.get("max_body", self.default_limit))

        @functools.wraps(callback)
        def wrapper(*args: object, **kwargs: object) -> object:
            length = request.content_length
            if length < 0:
                raise _refusal(411, "Requête incomplète", "La taille de la requête doit être indiquée.")
            if length > limit:
                raise _refusal(413, "Document trop volumineux", self.too_large)
            return callback(*args, **kwargs)

        return wrapper


def _refusal(status: int, heading: str, message: str) -> HTTPResponse:
    """A French error page, rendered without a session since the body was never read."""
    page = template(
        "error.tpl", template_lookup=TEMPLATES, heading=heading, message=message, helpdesk=HELPDESK,
        flashes=[], path=request.path, signed_in=None, csrf_token="",
    )
    # The unread body is left behind: the connection cannot be reused.
    return HTTPResponse(page, status=status, headers={"Connection": "close"})
