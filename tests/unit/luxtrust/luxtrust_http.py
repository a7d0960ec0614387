"""A standard-library client of the LuxTrust app: a browser with cookies, and an OIDC relying party."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import pyotp
from web_client import FormBrowser as Browser
from web_client import Reply, json_request, raw_request

from reference_server.clock import Clock
from reference_server.domain import matricule
from reference_server.luxtrust.config import LuxTrustConfig
from reference_server.serving import BackgroundServer

PHONE_REQUEST = re.compile(r'<input type="hidden" name="demande" value="([^"]*)">')
CLIENT_ID = "portail-esante"
CLIENT_SECRET = "secret-du-portail-esante"
CLIENT_NAME = "Portail eSanté"
# Never contacted: the tests read the Location header instead of following it.
REDIRECT_URI = "http://127.0.0.1:9/retour-luxtrust"
OTHER_REDIRECT_URI = "http://127.0.0.1:9/autre-retour"
PROOF_FIELDS = {"token": "code", "smartcard": "pin", "signing_stick": "pin", "eid": "pin"}


@dataclass
class AuthorizationRequest:
    """What a relying party sends and keeps: state, nonce and PKCE verifier."""

    state: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    nonce: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    verifier: str = field(default_factory=lambda: secrets.token_urlsafe(48))

    def params(self, **overrides: str | None) -> dict[str, str]:
        """The query of the authorization request; an override of None drops the parameter."""
        params: dict[str, str | None] = {
            "response_type": "code", "client_id": CLIENT_ID, "redirect_uri": REDIRECT_URI,
            "scope": "openid profile", "state": self.state, "nonce": self.nonce,
            "code_challenge": s256(self.verifier), "code_challenge_method": "S256", **overrides,
        }
        return {name: value for name, value in params.items() if value is not None}


def new_matricule() -> str:
    """A valid matricule of a random person."""
    born = dt.date(1940, 1, 1) + dt.timedelta(days=secrets.randbelow(60 * 365))
    return matricule.make(born, secrets.randbelow(1000))


def s256(verifier: str) -> str:
    """The PKCE S256 challenge of a verifier."""
    return base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest()).rstrip(b"=").decode()


@dataclass
class LuxTrust:
    """A running LuxTrust with its clock, and the helpers a test needs to drive it."""

    server: BackgroundServer
    clock: Clock
    config: LuxTrustConfig

    @property
    def issuer(self) -> str:
        """The base URL, also the issuer."""
        return self.config.issuer

    def url(self, path: str) -> str:
        """An absolute URL on LuxTrust's origin."""
        return self.issuer + path.lstrip("/")

    def new_device(self, kind: str, national_id: str | None = None) -> dict[str, str]:
        """Enrol a device through the test-support interface, for a new person unless told whose."""
        national_id = national_id or new_matricule()
        reply = json_request(self.url("_test/devices"), {
            "national_id": national_id, "given_name": "Claire", "family_name": "Schmit", "type": kind,
        })
        assert reply.status == 201, reply.body
        device = reply.json()
        assert isinstance(device, dict)
        return device

    def device_state(self, serial: str) -> dict[str, object]:
        """Whether a device is locked, and its failures."""
        reply = json_request(self.url(f"_test/devices/{serial}"))
        assert reply.status == 200, reply.body
        state = reply.json()
        assert isinstance(state, dict)
        return state

    def authorize(self, browser: Browser, request: AuthorizationRequest, **overrides: str | None) -> Reply:
        """Send the browser to the authorization endpoint."""
        return browser.get(self.url("oidc/authorize") + "?" + urlencode(request.params(**overrides)))

    def open_login(self, browser: Browser, request: AuthorizationRequest) -> str:
        """Start a login and open its first page; returns the page's path."""
        reply = self.authorize(browser, request)
        assert reply.status == 303, reply.text
        path = urlsplit(reply.location or "").path
        assert browser.get(path).status == 200
        return path

    def submit_credentials(self, browser: Browser, path: str, device: Mapping[str, str],
                           password: str | None = None) -> Reply:
        """Answer the first step with a product, user id and password."""
        return browser.post(path, {
            "product": device["type"], "user_id": device["user_id"],
            "password": device["password"] if password is None else password, "action": "continuer",
        })

    def submit_proof(self, browser: Browser, path: str, device: Mapping[str, str], proof: str) -> Reply:
        """Answer the second step with a Token code or a PIN."""
        browser.get(path)
        return browser.post(path, {PROOF_FIELDS[device["type"]]: proof, "action": "valider"})

    def proof_of(self, device: Mapping[str, str], counter_offset: int = 0) -> str:
        """The right code or PIN of a device now."""
        if device["type"] == "token":
            return pyotp.TOTP(device["totp_secret"]).at(self.clock.now(), counter_offset=counter_offset)
        return device["pin"]

    def approve(self, serial: str, answer: str = "approve") -> Reply:
        """Answer a LuxTrust Mobile request through the test-support interface."""
        return json_request(self.url(f"_test/{answer}"), {"serial": serial})

    def log_in(self, browser: Browser, request: AuthorizationRequest, device: Mapping[str, str]) -> Reply:
        """A whole successful login with any product; returns the redirect to the client."""
        path = self.open_login(browser, request)
        reply = self.submit_credentials(browser, path, device)
        assert reply.status == 303, reply.text
        next_path = urlsplit(reply.location or "").path
        if device["type"] == "mobile":
            browser.get(next_path)
            assert self.approve(device["serial"]).status == 200
            return browser.post(next_path, {"action": "continuer"})
        return self.submit_proof(browser, next_path, device, self.proof_of(device))

    def code_for(self, device: Mapping[str, str], request: AuthorizationRequest | None = None) -> tuple[
            str, AuthorizationRequest]:
        """Log in with a device in a fresh browser and return the code and the request."""
        request = request or AuthorizationRequest()
        reply = self.log_in(Browser(self.issuer), request, device)
        assert reply.status == 303, reply.text
        query = reply.query()
        assert query.get("state") == request.state, query
        return query["code"], request

    def exchange(self, code: str, verifier: str, *, redirect_uri: str = REDIRECT_URI,
                 secret: str = CLIENT_SECRET, basic: bool = True, **extra: str) -> Reply:
        """The token request of the relying party."""
        form = {"grant_type": "authorization_code", "code": code, "redirect_uri": redirect_uri,
                "code_verifier": verifier, **extra}
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if basic:
            credentials = base64.b64encode(f"{CLIENT_ID}:{secret}".encode()).decode()
            headers["Authorization"] = f"Basic {credentials}"
        else:
            form.update(client_id=CLIENT_ID, client_secret=secret)
        return raw_request(self.url("oidc/token"), method="POST", data=urlencode(form).encode(),
                           headers=headers)
