"""JSON GETs for the HTTP message sources, with every failure said as a MessageSourceError."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from harness.messages.base import MessageSourceError

TIMEOUT = 10


class NotFound(MessageSourceError):
    """The server answered 404: the path is not one of its API's."""


def get_json(url: str, timeout: float = TIMEOUT) -> object:
    """The JSON document at a URL; an unreachable server, an error or non-JSON raise MessageSourceError."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
    except urllib.error.HTTPError as error:
        with error:
            kind = NotFound if error.code == 404 else MessageSourceError
            raise kind(f"GET {url}: HTTP {error.code}") from error
    except OSError as error:  # URLError is an OSError: refused, unresolvable, timed out
        raise MessageSourceError(f"GET {url}: {getattr(error, 'reason', error)}") from error
    try:
        return json.loads(raw)
    except ValueError as error:
        raise MessageSourceError(f"GET {url}: the answer is not JSON ({raw[:80]!r})") from error


def get_array(url: str, timeout: float = TIMEOUT) -> list[dict[str, Any]]:
    """The objects of the JSON array at a URL, or a MessageSourceError when the answer is not an array."""
    return objects(get_json(url, timeout), f"GET {url}")


def get_object(url: str, timeout: float = TIMEOUT) -> dict[str, Any]:
    """The JSON object at a URL, or a MessageSourceError when the answer is not an object."""
    found = get_json(url, timeout)
    if not isinstance(found, dict):
        raise MessageSourceError(f"GET {url}: expected a JSON object, got {type(found).__name__}")
    return found


def objects(value: object, what: str) -> list[dict[str, Any]]:
    """The objects of a JSON array, or a MessageSourceError naming what was not an array."""
    if not isinstance(value, list):
        raise MessageSourceError(f"{what}: expected a JSON array, got {type(value).__name__}")
    return [item for item in value if isinstance(item, dict)]
