"""The portal's client for the SMS and e-mail gateway, over real HTTP."""

import json
import urllib.request
from urllib.parse import urlencode, urljoin


class GatewayError(RuntimeError):
    """The gateway could not be reached or refused the message."""


class MessagingClient:
    """Send messages through the gateway's API and read them back."""

    def __init__(self, base_url: str, api_token: str, timeout: float = 10) -> None:
        self._base_url = base_url
        self._token = api_token
        self._timeout = timeout

    def send(self, channel: str, to: str, subject: str, body: str) -> None:
        """Hand a message to the gateway."""
        payload = {"channel": channel, "to": to, "subject": subject, "body": body}
        self._call("POST", "api/messages", payload)

    def messages(self, to: str | None = None) -> list[dict[str, object]]:
        """The messages the gateway delivered, newest first, optionally to one recipient."""
        query = f"?{urlencode({'to': to})}" if to else ""
        return self._call("GET", f"api/messages{query}")["messages"]

    def _call(self, method: str, path: str, payload: dict | None = None) -> dict:
        """One authenticated JSON request."""
        data = json.dumps(payload).encode() if payload is not None else None
        request = urllib.request.Request(
            urljoin(self._base_url, path),
            data=data,
            method=method,
            headers={"Authorization": f"Bearer {self._token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                return json.load(response)
        except OSError as error:
            raise GatewayError(f"messaging gateway: {error}") from error
