"""Signing in with LuxTrust as an OpenID Connect client: authorization code flow with PKCE.

The portal and MyGuichet are both LuxTrust's clients, each with its own registration.
"""

import base64
import hashlib
import json
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin

from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from reference_server.clock import Clock
from reference_server.storage import Database

# A little slack for the two systems' clocks, as RFC 7519 allows.
LEEWAY_SECONDS = 30


class LuxTrustError(RuntimeError):
    """The LuxTrust answer cannot be trusted or used; the message says why (for logs, not users)."""


@dataclass(frozen=True)
class LuxTrustLink:
    """How a site is registered with LuxTrust as an OpenID Connect client."""

    issuer: str
    client_id: str
    client_secret: str
    redirect_uri: str


@dataclass(frozen=True)
class PendingLogin:
    """What the portal keeps in the session between sending the browser away and its return."""

    state: str
    nonce: str
    code_verifier: str

    def as_dict(self) -> dict[str, str]:
        """A JSON-ready form for the session."""
        return {"state": self.state, "nonce": self.nonce, "code_verifier": self.code_verifier}


@dataclass(frozen=True)
class LuxTrustIdentity:
    """Who LuxTrust says signed in, and with which product."""

    subject: str
    national_id: str
    given_name: str
    family_name: str
    device_type: str
    device_serial: str
    device_label: str


class UsedIdTokens:
    """ID tokens already accepted, in a client's own database, so that a replay is refused.

    The client's schema must have the table
    ``used_id_tokens (token_hash TEXT PRIMARY KEY, expires_at REAL NOT NULL)``.
    """

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def accept_once(self, id_token: str, expires_at: float) -> bool:
        """Note an ID token as used; False when it was presented before (a replay)."""
        token_hash = hashlib.sha256(id_token.encode()).hexdigest()
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM used_id_tokens WHERE expires_at < ?", (now,))
            inserted = conn.execute(
                "INSERT OR IGNORE INTO used_id_tokens (token_hash, expires_at) VALUES (?, ?)",
                (token_hash, expires_at),
            ).rowcount
        return inserted == 1


def _s256(verifier: str) -> str:
    """The PKCE S256 challenge of a verifier (RFC 7636, section 4.2)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class LuxTrustClient:
    """Send people to LuxTrust and turn what comes back into a verified identity."""

    def __init__(
        self,
        issuer: str,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        clock: Clock,
        accept_once: Callable[[str, float], bool],
    ) -> None:
        self.issuer = issuer
        # Remembers accepted ID tokens: the same token presented twice is a replay.
        self._accept_once = accept_once
        self.client_id = client_id
        self._secret = client_secret
        self.redirect_uri = redirect_uri
        self._clock = clock
        self._metadata: dict[str, object] | None = None
        self._lock = threading.Lock()

    @classmethod
    def for_link(
        cls, link: LuxTrustLink, clock: Clock, accept_once: Callable[[str, float], bool]
    ) -> "LuxTrustClient":
        """A client with the registration a site holds at LuxTrust."""
        return cls(link.issuer, link.client_id, link.client_secret, link.redirect_uri, clock,
                   accept_once)

    def start(self) -> tuple[str, PendingLogin]:
        """The URL to send the browser to, and what to keep until it comes back."""
        pending = PendingLogin(
            state=secrets.token_urlsafe(24),
            nonce=secrets.token_urlsafe(24),
            code_verifier=secrets.token_urlsafe(48),
        )
        query = urlencode({
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": "openid profile",
            "state": pending.state,
            "nonce": pending.nonce,
            "code_challenge": _s256(pending.code_verifier),
            "code_challenge_method": "S256",
        })
        return f"{self._endpoint('authorization_endpoint')}?{query}", pending

    def finish(self, pending: PendingLogin, state: str, code: str) -> LuxTrustIdentity:
        """Check the state, exchange the code and verify the ID token it brings."""
        if not secrets.compare_digest(state.encode(), pending.state.encode()):
            raise LuxTrustError("state does not match the one sent")
        tokens = self._exchange(code, pending.code_verifier)
        return self.verify_id_token(str(tokens.get("id_token", "")), pending.nonce)

    def verify_id_token(self, id_token: str, nonce: str) -> LuxTrustIdentity:
        """Verify signature, issuer, audience, expiry and nonce; return the identity it states."""
        try:
            token = jwt.decode(id_token, self._keys(), algorithms=["RS256"])
            jwt.JWTClaimsRegistry(
                now=lambda: int(self._clock.timestamp()),
                leeway=LEEWAY_SECONDS,
                iss={"essential": True, "value": self.issuer},
                aud={"essential": True, "value": self.client_id},
                exp={"essential": True},
                iat={"essential": True},
                sub={"essential": True},
                nonce={"essential": True, "value": nonce},
            ).validate(token.claims)
        except (JoseError, ValueError) as error:
            raise LuxTrustError(f"ID token refused: {error}") from error
        # OpenID Connect Core 3.1.3.7: no audience the portal does not trust, and azp is ours.
        audience = token.claims["aud"]
        if (audience if isinstance(audience, list) else [audience]) != [self.client_id]:
            raise LuxTrustError("ID token refused: it is also addressed to other audiences")
        if token.claims.get("azp", self.client_id) != self.client_id:
            raise LuxTrustError("ID token refused: it was issued to another party")
        # Remembered as long as it could still be accepted, leeway included.
        if not self._accept_once(id_token, float(token.claims["exp"]) + LEEWAY_SECONDS):
            raise LuxTrustError("ID token refused: it was already used")
        return _identity(token.claims)

    def _exchange(self, code: str, verifier: str) -> dict[str, object]:
        """The token request, authenticated with the client secret (client_secret_basic)."""
        basic = base64.b64encode(f"{self.client_id}:{self._secret}".encode()).decode()
        body = urlencode({
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri,
            "code_verifier": verifier,
        }).encode()
        request = urllib.request.Request(
            str(self._endpoint("token_endpoint")), data=body, method="POST",
            headers={"Authorization": f"Basic {basic}",
                     "Content-Type": "application/x-www-form-urlencoded"},
        )
        return self._json(request)

    def _keys(self) -> KeySet:
        """LuxTrust's signing keys, fetched each time so that a key rotation is followed."""
        request = urllib.request.Request(str(self._endpoint("jwks_uri")))
        return KeySet.import_key_set(self._json(request))  # type: ignore[arg-type]

    def _endpoint(self, name: str) -> str:
        """An endpoint from LuxTrust's discovery document, read once."""
        with self._lock:
            if self._metadata is None:
                discovery = urljoin(self.issuer, ".well-known/openid-configuration")
                metadata = self._json(urllib.request.Request(discovery))
                if metadata.get("issuer") != self.issuer:
                    raise LuxTrustError("discovery document names another issuer")
                self._metadata = metadata
        if name not in self._metadata:
            raise LuxTrustError(f"discovery document lacks {name}")
        return str(self._metadata[name])

    @staticmethod
    def _json(request: urllib.request.Request) -> dict[str, object]:
        """One HTTP exchange with LuxTrust, as JSON."""
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")
            raise LuxTrustError(f"LuxTrust answered {error.code}: {detail}") from error
        except (OSError, ValueError) as error:
            raise LuxTrustError(f"LuxTrust unreachable: {error}") from error


def _identity(claims: dict[str, object]) -> LuxTrustIdentity:
    """The identity the verified claims describe."""
    device = claims.get("luxtrust_device")
    if not isinstance(device, dict) or not claims.get("national_id"):
        raise LuxTrustError("ID token lacks the national id or the device")
    return LuxTrustIdentity(
        subject=str(claims["sub"]),
        national_id=str(claims["national_id"]),
        given_name=str(claims.get("given_name", "")),
        family_name=str(claims.get("family_name", "")),
        device_type=str(device.get("type", "")),
        device_serial=str(device.get("serial", "")),
        device_label=str(device.get("label", "")),
    )
