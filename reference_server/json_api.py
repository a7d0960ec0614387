"""What the JSON test-support interfaces of every system share: reading bodies, refusing."""

import json

from bottle import HTTPResponse, request


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
