"""Request bodies every system accepts: bounded, de-chunked once, and parsed before any route reads them.

Bottle reads whatever body a client announces and lets its form parsers' exceptions become server
errors. The guard runs first in each app (a `before_request` hook), so that an over-sized body is
refused before it is read, a chunked body reaches Bottle as a plain one, and a form that cannot be
parsed is a French 400 from the app's own error pages rather than a 500.
"""

import functools
from tempfile import SpooledTemporaryFile
from typing import IO

from bottle import BaseRequest, Bottle, HTTPError, request
from cheroot.errors import MaxSizeExceeded

# Route options: a route may raise its limit (the DSP upload does) and say so in its own words.
MAX_BODY = "max_body"
TOO_LARGE_MESSAGE = "too_large"
# Bottle's own bound on what it parses in memory: forms and JSON calls fit well within it.
DEFAULT_MAX_BODY = BaseRequest.MEMFILE_MAX
# Bottle parses any multipart/ body as a form, and anything else as an urlencoded one.
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/")
CHUNK = 64 * 1024
# Chunk-size lines and their line ends, counted by cheroot on top of the body itself.
FRAMING_ALLOWANCE = 64 * 1024
TOO_LARGE = "La requête est trop volumineuse."
MALFORMED = "La requête n'est pas valide : son contenu n'a pas pu être lu."
# Parser failures on hostile bodies: Bottle's MultipartError is an HTTPError(400) in English;
# undecodable bytes, unknown charsets and bad part headers surface as plain Python errors.
PARSE_ERRORS = (HTTPError, ValueError, LookupError, TypeError)


class GuardRefusal(HTTPError):
    """A request refused before any route ran, with a message meant for people."""


def guard(app: Bottle, default_limit: int = DEFAULT_MAX_BODY) -> Bottle:
    """Check every request's body before the app routes it."""
    app.add_hook("before_request", functools.partial(_check_body, app, default_limit))
    return app


def _check_body(app: Bottle, default_limit: int) -> None:
    """Refuse what is too large or unreadable; hand on a chunked body with its length."""
    limit, too_large = _limit_for(app, default_limit)
    if request.chunked:
        _dechunk(limit, too_large)
    elif _declared_length() > limit:
        raise _refusal(413, too_large)
    if request.method in ("POST", "PUT", "PATCH") and request.content_type.startswith(FORM_TYPES):
        _parse_form(too_large)


def _limit_for(app: Bottle, default_limit: int) -> tuple[int, str]:
    """The body limit of the route the request is for, and its words; unknown routes get the default."""
    try:
        route, _ = app.router.match(request.environ)
    except HTTPError:
        return default_limit, TOO_LARGE
    return int(route.config.get(MAX_BODY, default_limit)), str(route.config.get(TOO_LARGE_MESSAGE, TOO_LARGE))


def _declared_length() -> int:
    """The Content-Length the client announced, -1 without one."""
    try:
        return request.content_length
    except ValueError:
        # cheroot refuses such headers first; another server might pass them on.
        raise _refusal(400, MALFORMED) from None


def _dechunk(limit: int, too_large: str) -> None:
    """Read a chunked body, which cheroot has already decoded, into a plain one of known length.

    Bottle would otherwise decode the chunks a second time and fail on the plain bytes.
    """
    stream = request.environ["wsgi.input"]
    # cheroot checks each announced chunk size against this before reading the chunk.
    if hasattr(stream, "maxlen"):
        stream.maxlen = limit + FRAMING_ALLOWANCE
    # Not a with-block: the file becomes the request's input and lives as long as the request.
    body = SpooledTemporaryFile(max_size=DEFAULT_MAX_BODY)  # noqa: SIM115
    try:
        size = _copy_at_most(stream, body, limit)
    except MaxSizeExceeded:
        raise _refusal(413, too_large) from None
    except (ValueError, OSError) as error:
        # cheroot refuses a chunk over maxlen with a bare OSError("Request Entity Too Large").
        status = 413 if "Too Large" in str(error) else 400
        raise _refusal(status, too_large if status == 413 else MALFORMED) from None
    if size > limit:
        raise _refusal(413, too_large)
    body.seek(0)
    request.environ["wsgi.input"] = body
    request.environ["CONTENT_LENGTH"] = str(size)
    del request.environ["HTTP_TRANSFER_ENCODING"]


def _copy_at_most(source: IO[bytes], target: IO[bytes], limit: int) -> int:
    """Copy up to limit + 1 bytes, so that a longer source is known to be too long."""
    size = 0
    while size <= limit and (block := source.read(min(CHUNK, limit + 1 - size))):
        target.write(block)
        size += len(block)
    return size


def _parse_form(too_large: str) -> None:
    """Parse the form now, so that a body Bottle cannot parse is refused here rather than fail a route."""
    try:
        request.POST  # noqa: B018 - parsed once and kept in the environ for the route
    except PARSE_ERRORS as error:
        if isinstance(error, HTTPError) and error.status_code == 413:
            raise _refusal(413, too_large) from None
        raise _refusal(400, MALFORMED) from None


def _refusal(status: int, message: str) -> GuardRefusal:
    """A refusal that closes the connection: what is left of the body would be read as a request."""
    return GuardRefusal(status, message, Connection="close")
