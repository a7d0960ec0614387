"""MyGuichet.lu's side of the back-channel to the eSanté portal: consents, activation, DSP access."""

import base64
import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import quote, urljoin

from reference_server.luxtrust_client import LuxTrustIdentity

API = "api/myguichet/"


class EsanteUnavailable(RuntimeError):
    """The portal could not be reached, or answered in a way MyGuichet.lu cannot use."""


class EsanteRefused(RuntimeError):
    """The portal refused because of the person's state (no consent, no account, a professional)."""


@dataclass(frozen=True)
class EsanteLink:
    """Where the portal is, and MyGuichet.lu's credentials there."""

    portal_url: str
    client_id: str
    client_secret: str


class EsanteClient:
    """Call the portal's partner API over HTTP, authenticated with HTTP Basic."""

    def __init__(self, link: EsanteLink, timeout: float = 10) -> None:
        self._portal = link.portal_url
        self._base = urljoin(link.portal_url, API)
        basic = base64.b64encode(f"{link.client_id}:{link.client_secret}".encode()).decode()
        self._authorization = f"Basic {basic}"
        self._timeout = timeout

    def grant_consent(self, national_id: str) -> bool:
        """Tell the portal the citizen consents; True when they already have an account."""
        answer = self._call("PUT", f"consentements/{quote(national_id)}")
        return answer.get("account") == "active"

    def has_account(self, national_id: str) -> bool:
        """Whether the consenting citizen has an eSanté account."""
        return self._call("GET", f"consentements/{quote(national_id)}").get("account") == "active"

    def revoke_consent(self, national_id: str) -> None:
        """Tell the portal the consent is withdrawn."""
        self._call("DELETE", f"consentements/{quote(national_id)}")

    def activate(
        self, national_id: str, email: str | None, mobile: str | None, product: LuxTrustIdentity
    ) -> bool:
        """Activate the citizen's account with the CGU accepted; False when it was already active."""
        answer = self._call("POST", "activations", {
            "national_id": national_id,
            "cgu_accepted": True,
            "email": email,
            "mobile": mobile,
            "luxtrust": {
                "subject": product.subject, "national_id": product.national_id,
                "type": product.device_type, "serial": product.device_serial,
                "label": product.device_label,
            },
        })
        return answer.get("status") == "activated"

    def dsp_ticket_url(self, national_id: str, binding: str) -> str:
        """Where to send the citizen's browser, bound by the portal, so that it opens their DSP."""
        answer = self._call("POST", "tickets", {"national_id": national_id, "binding": binding})
        path = str(answer.get("path", ""))
        if not path.startswith("/"):
            raise EsanteUnavailable("the portal's ticket is not a path on the portal")
        return urljoin(self._portal, path)

    def _call(self, method: str, path: str, payload: dict | None = None) -> dict[str, object]:
        """One authenticated JSON request; 409 is the person's state, anything else a fault."""
        request = urllib.request.Request(
            urljoin(self._base, path),
            data=json.dumps(payload).encode() if payload is not None else None,
            method=method,
            headers={"Authorization": self._authorization, "Content-Type": "application/json",
                     "Accept": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=self._timeout) as response:
                body = response.read()
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")
            if error.code == 409:
                raise EsanteRefused(detail) from error
            raise EsanteUnavailable(f"portal answered {error.code}: {detail}") from error
        except OSError as error:
            raise EsanteUnavailable(f"portal unreachable: {error}") from error
        try:
            return json.loads(body) if body else {}
        except ValueError as error:
            raise EsanteUnavailable("portal answered with something other than JSON") from error
