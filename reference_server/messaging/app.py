"""The gateway's HTTP face: an authenticated API for senders, and an outbox page for people."""

import hmac
import json
from pathlib import Path

from bottle import Bottle, HTTPError, request, response, template

from reference_server.messaging.relay import SmtpRelay
from reference_server.messaging.store import Outbox

# Bottle caches compiled templates under the id of the lookup list: one list for the life of
# the process, so that systems with templates of the same name never get each other's.
TEMPLATES = [str(Path(__file__).parent / "templates")]
CHANNELS = {"sms", "email"}


def create_app(outbox: Outbox, api_token: str, relay: SmtpRelay | None = None) -> Bottle:
    """The gateway app: an API for senders (bearer token), an SMS sandbox, and the outbox page.

    With a relay, each e-mail is also sent by SMTP once the outbox holds it.
    """
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
        if relay is not None and channel == "email":
            # Only once the outbox has it: a failing relay, which only logs, never loses the copy.
            relay.forward(to, subject, body)
        response.status = 201
        return {"id": message_id}

    @app.get("/api/messages")
    def read() -> dict[str, object]:
        authorise()
        messages = outbox.list(request.query.get("to") or None)
        return {"messages": [m.as_json() for m in messages]}

    @app.get("/sandbox/sms")
    def sms_sandbox() -> str:
        """The SMS sent to a number, as a mobile operator's test sandbox lists them to testers."""
        number = request.query.get("to") or ""
        if not number:
            raise HTTPError(400, "Le paramètre to (numéro de téléphone) est obligatoire.")
        texts = [m for m in outbox.list(number) if m.channel == "sms"]
        response.content_type = "application/json"
        # Bottle turns dicts into JSON, not lists: the sandbox's answer is a list.
        return json.dumps([{"to": m.to, "body": m.body, "sent_at": m.sent_at} for m in texts])

    @app.get("/")
    def outbox_page() -> str:
        to = request.query.get("to") or ""
        return template(
            "outbox", template_lookup=TEMPLATES, messages=outbox.list(to or None), to=to
        )

    return app
