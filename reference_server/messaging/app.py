"""The gateway's HTTP face: an authenticated API for senders, and an outbox page for people."""

import hmac
from pathlib import Path

from bottle import Bottle, HTTPError, request, response, template

from reference_server.messaging.store import Outbox

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]
CHANNELS = {"sms", "email"}


def create_app(outbox: Outbox, api_token: str) -> Bottle:
    """The gateway app: POST and GET /api/messages with a bearer token, and the outbox at /."""
    app = Bottle()

    def authorise() -> None:
        """Only systems holding the shared token may send or read through the API."""
        given = request.get_header("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {api_token}".encode()):
            raise HTTPError(401, "Jeton d'accès manquant ou invalide.")

    @app.post("/api/messages")
    def send() -> dict[str, object]:
        authorise()
        data = request.json or {}
        fields = [str(data.get(name) or "").strip() for name in ("channel", "to", "subject", "body")]
        channel, to, subject, body = fields
        if channel not in CHANNELS or not to or not body:
            raise HTTPError(400, "channel (sms|email), to et body sont obligatoires.")
        message_id = outbox.deliver(channel, to, subject, body)
        response.status = 201
        return {"id": message_id}

    @app.get("/api/messages")
    def read() -> dict[str, object]:
        authorise()
        messages = outbox.list(request.query.get("to") or None)
        return {"messages": [m.as_json() for m in messages]}

    @app.get("/")
    def outbox_page() -> str:
        to = request.query.get("to") or ""
        return template(
            "outbox", template_lookup=TEMPLATES, messages=outbox.list(to or None), to=to
        )

    return app
