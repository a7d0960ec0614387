"""What the JSON interfaces of every system share: reading bodies, their contacts, refusing."""

import json
from collections.abc import Callable

from bottle import HTTPResponse, request

from reference_server.domain import contact


def refusal(message: str, status: int = 400) -> HTTPResponse:
    """A JSON error, to raise: an HTTPResponse passes by the systems' HTML error pages."""
    body = json.dumps({"error": message, "status": status})
    return HTTPResponse(body, status=status, headers={"Content-Type": "application/json"})


def json_body() -> dict[str, object]:
    """The request's JSON object, or a 400 refusal."""
    try:
        body = json.loads(request.body.read() or b"{}")
    except ValueError as error:
        raise refusal("the body is not JSON") from error
    if not isinstance(body, dict):
        raise refusal("the body must be a JSON object")
    return body


def optional_contact(
    body: dict[str, object], key: str, checker: Callable[[str], contact.ContactCheck]
) -> str | None:
    """An optional e-mail or mobile of a body, normalised; a malformed one is refused, not dropped."""
    checked = contact.check_optional(body.get(key), checker)
    if checked is not None and checked.error:
        raise refusal(f"{key} is not valid: {checked.error}")
    return checked.value if checked else None
