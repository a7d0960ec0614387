"""Browser-less LuxTrust logins: from the portal's « Connexion » button to LuxTrust's return URL."""

from __future__ import annotations

import base64
import datetime as dt
import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import pyotp
from server_http import WIZARD, Visitor, latest_code, reach_step_3
from web_client import Reply, json_request

from reference_server.clock import Clock
from reference_server.domain import matricule
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.app import create_app
from reference_server.luxtrust.config import LuxTrustConfig, OidcClient
from reference_server.luxtrust.store import LuxTrustStore
from reference_server.luxtrust_client import LuxTrustClient, LuxTrustIdentity
from reference_server.serving import BackgroundServer
from reference_server.world import World

PRO_WIZARD = "/activation/professionnel"
# The page whose « Connexion » button posts each purpose, as a person would click it.
PURPOSE_PAGES = {
    "connexion-patient": "/patient",
    "connexion-professionnel": "/professionnel",
    "association-patient": f"{WIZARD}/etape-4",
    "association-compte": "/mon-compte/moyens-d-authentification",
    "activation-professionnel": f"{PRO_WIZARD}/etape-1",
}
RETURN_PATH = "/luxtrust/retour"
CLIENT_ID = "portail-de-test"
CLIENT_SECRET = "secret-du-portail-de-test"
# Never contacted: the return is read from LuxTrust's Location header, not followed.
REDIRECT_URI = "http://127.0.0.1:9/luxtrust/retour"
FAST_HASHER = SecretHasher(time_cost=1, memory_cost_kib=1024, parallelism=1)


# A Token and LuxTrust's login pages ------------------------------------------------------------


@dataclass
class Token:
    """A LuxTrust Token in its holder's hands: its credentials, and the codes it shows."""

    device: Mapping[str, object]
    clock: Clock
    last_counter: int | None = None

    @property
    def serial(self) -> str:
        """The serial number LuxTrust gave the Token."""
        return str(self.device["serial"])

    def next_code(self) -> str:
        """A code LuxTrust accepts now: each time step is accepted only once per device.

        LuxTrust allows one step of drift either way, so a second login in the same step uses
        the next step's code; starting at the current step (never the previous one) keeps the
        code valid even if the step changes before LuxTrust checks it.
        """
        totp = pyotp.TOTP(str(self.device["totp_secret"]))
        current = totp.timecode(self.clock.now())
        counter = current if self.last_counter is None else max(self.last_counter + 1, current)
        assert counter <= current + 1, "this Token was already used for every code LuxTrust accepts now"
        self.last_counter = counter
        return totp.generate_otp(counter)


def location(reply: Reply) -> str:
    """The whole target of a redirect, scheme, host and query included."""
    assert reply.status in (302, 303), f"expected a redirect, got {reply.status}: {reply.text[:300]}"
    target = reply.headers.get("Location")
    assert target, "a redirect without a Location header"
    return target


def log_in_at_luxtrust(authorize_url: str, token: Token | None, *, cancel: bool = False) -> str:
    """Play LuxTrust's login pages with a Token, or cancel them; return where LuxTrust sends back.

    The returned URL is the client's redirect URI with `code` and `state` (or `error` and
    `state`), deliberately not visited, so that a test can tamper with it first.
    """
    parts = urlsplit(authorize_url)
    browser = Visitor(f"{parts.scheme}://{parts.netloc}/")
    login_page = location(browser.get(authorize_url))
    assert browser.get(login_page).status == 200
    if cancel:
        return location(browser.post(login_page, {"action": "annuler"}))
    assert token is not None, "a login that is not cancelled needs a Token"
    reply = browser.post(login_page, {
        "product": "token", "user_id": str(token.device["user_id"]),
        "password": str(token.device["password"]), "action": "continuer",
    })
    code_page = location(reply)
    assert browser.get(code_page).status == 200
    return location(browser.post(code_page, {"code": token.next_code(), "action": "valider"}))


# The portal's side -----------------------------------------------------------------------------


def leave_for_luxtrust(visitor: Visitor, purpose: str) -> str:
    """Click the portal's « Connexion » button for a purpose; return LuxTrust's authorize URL."""
    assert visitor.get(PURPOSE_PAGES[purpose]).status == 200
    return location(visitor.post("/luxtrust/connexion", {"purpose": purpose}))


def portal_return_url(visitor: Visitor, purpose: str, token: Token | None, *,
                      cancel: bool = False) -> str:
    """A whole LuxTrust login started from the portal, stopped at the portal's return URL."""
    target = log_in_at_luxtrust(leave_for_luxtrust(visitor, purpose), token, cancel=cancel)
    assert urlsplit(target).path == RETURN_PATH, target
    assert target.startswith(visitor.base), f"LuxTrust sent the browser elsewhere: {target}"
    return target


def query_of(url: str) -> dict[str, str]:
    """The query parameters of a URL, one value each."""
    return {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}


def with_query(url: str, **changes: str) -> str:
    """The same URL with some query parameters replaced."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(query=urlencode({**query_of(url), **changes})))


def token_of(world: World, persona: Mapping[str, object]) -> Token:
    """The persona's single LuxTrust Token, read off the world's clock."""
    devices = persona["luxtrust"]
    assert isinstance(devices, list) and len(devices) == 1 and devices[0]["type"] == "token", devices
    return Token(devices[0], world.clock)


# Activated accounts with an associated Token ---------------------------------------------------


def activate_patient_with_token(world: World, visitor: Visitor, persona: Mapping[str, object]) -> Token:
    """Play the patient wizard, associating the persona's Token on step 4; end on step 5."""
    token = token_of(world, persona)
    reach_step_3(visitor, persona)
    mobile = str(persona["mobile"])
    reply = visitor.post(f"{WIZARD}/etape-3", {"channel": "sms", "mobile": mobile, "action": "send"})
    assert reply.location == f"{WIZARD}/etape-3", reply.text
    reply = visitor.post(f"{WIZARD}/etape-3", {"code": latest_code(world, mobile), "action": "verify"})
    assert reply.location == f"{WIZARD}/etape-4", reply.text
    reply = visitor.get(portal_return_url(visitor, "association-patient", token))
    assert reply.location == f"{WIZARD}/etape-4", reply.text
    page = visitor.get(f"{WIZARD}/etape-4").text
    assert f"Votre produit LuxTrust Token {token.serial} est associé à votre compte." in page
    assert visitor.post(f"{WIZARD}/etape-4", {}).location == f"{WIZARD}/etape-5"
    assert visitor.get(f"{WIZARD}/etape-5").status == 200
    return token


def activate_professional(world: World, visitor: Visitor, persona: Mapping[str, object]) -> Token:
    """Play the professional wizard, whose step 1 is the LuxTrust login; end on step 5."""
    token = token_of(world, persona)
    visitor.get(PRO_WIZARD)
    assert visitor.post(PRO_WIZARD, {"cgu_accepted": "oui"}).location == f"{PRO_WIZARD}/etape-1"
    reply = visitor.get(portal_return_url(visitor, "activation-professionnel", token))
    assert reply.location == f"{PRO_WIZARD}/etape-2", reply.text
    reply = visitor.post(f"{PRO_WIZARD}/etape-2", {
        "received": "oui", "matricule": str(persona["matricule"]),
        "activation_code": str(persona["activation_code"]),
    })
    assert reply.location == f"{PRO_WIZARD}/etape-3", reply.text
    assert visitor.post(f"{PRO_WIZARD}/etape-3", {}).location == f"{PRO_WIZARD}/etape-4"
    mobile = str(persona["mobile"])
    reply = visitor.post(f"{PRO_WIZARD}/etape-4", {"channel": "sms", "mobile": mobile, "action": "send"})
    assert reply.location == f"{PRO_WIZARD}/etape-4", reply.text
    reply = visitor.post(f"{PRO_WIZARD}/etape-4", {"code": latest_code(world, mobile), "action": "verify"})
    assert reply.location == f"{PRO_WIZARD}/etape-5", reply.text
    assert visitor.get(f"{PRO_WIZARD}/etape-5").status == 200
    return token


# A LuxTrust of the tests' own, whose client credentials they know --------------------------------


@dataclass
class Provider:
    """A running LuxTrust with one registered client, its clock and its store (for its key)."""

    server: BackgroundServer
    clock: Clock
    store: LuxTrustStore
    issuer: str

    def new_token(self) -> Token:
        """Enrol a Token for a new person through LuxTrust's test-support interface."""
        born = dt.date(1950, 1, 1) + dt.timedelta(days=secrets.randbelow(50 * 365))
        reply = json_request(self.issuer + "_test/devices", {
            "national_id": matricule.make(born, secrets.randbelow(1000)),
            "given_name": "Claire", "family_name": "Schmit", "type": "token",
        })
        assert reply.status == 201, reply.body
        device = reply.json()
        assert isinstance(device, dict)
        return Token(device, self.clock)

    def client(self, *, client_id: str = CLIENT_ID, clock: Clock | None = None,
               accept_once: Callable[[str, float], bool] | None = None) -> LuxTrustClient:
        """The portal's OpenID Connect client against this LuxTrust, remembering tokens in memory."""
        return LuxTrustClient(
            issuer=self.issuer, client_id=client_id, client_secret=CLIENT_SECRET,
            redirect_uri=REDIRECT_URI, clock=clock or Clock(),
            accept_once=accept_once or InMemoryReplayGuard(),
        )

    def stop(self) -> None:
        """Stop serving."""
        self.server.stop()


def start_provider(data_dir: Path) -> Provider:
    """Bind a port, build LuxTrust knowing its issuer, and serve it."""
    server = BackgroundServer("luxtrust-de-test")
    issuer = server.bind()
    clock = Clock()
    config = LuxTrustConfig(
        issuer=issuer, test_support=True,
        clients=(OidcClient(CLIENT_ID, CLIENT_SECRET, (REDIRECT_URI,), name="Portail de test"),),
    )
    data_dir.mkdir(parents=True, exist_ok=True)
    store = LuxTrustStore(data_dir / "luxtrust.sqlite3", clock)
    server.serve(create_app(config, store, clock, FAST_HASHER))
    return Provider(server, clock, store, issuer)


@dataclass
class InMemoryReplayGuard:
    """An `accept_once` for the client that remembers every token it accepted, in order."""

    accepted: list[str] = field(default_factory=list)

    def __call__(self, id_token: str, expires_at: float) -> bool:
        """True the first time a token is presented, False after."""
        if id_token in self.accepted:
            return False
        self.accepted.append(id_token)
        return True


@dataclass(frozen=True)
class IssuedToken:
    """A real ID token, as LuxTrust issued it for a login, with the nonce the client sent."""

    id_token: str
    nonce: str
    identity: LuxTrustIdentity
    token: Token

    @property
    def claims(self) -> dict[str, object]:
        """The token's claims, read without any check."""
        return decode_part(self.id_token.split(".")[1])

    @property
    def issued_at(self) -> int:
        """The token's `iat`, in seconds since the epoch."""
        return _seconds(self.claims["iat"])

    @property
    def expires_at(self) -> int:
        """The token's `exp`, in seconds since the epoch."""
        return _seconds(self.claims["exp"])


def _seconds(value: object) -> int:
    """A NumericDate claim, which LuxTrust writes as whole seconds."""
    assert isinstance(value, int), value
    return value


def issue_id_token(provider: Provider, token: Token | None = None) -> IssuedToken:
    """Log in at LuxTrust and let a client finish the login, keeping the ID token it verified."""
    token = token or provider.new_token()
    guard = InMemoryReplayGuard()
    client = provider.client(accept_once=guard)
    authorize_url, pending = client.start()
    back = query_of(log_in_at_luxtrust(authorize_url, token))
    identity = client.finish(pending, back["state"], back["code"])
    assert len(guard.accepted) == 1
    return IssuedToken(guard.accepted[0], pending.nonce, identity, token)


def encode_part(value: Mapping[str, object]) -> str:
    """A JSON object as a base64url JWT part, without padding."""
    raw = json.dumps(value, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def decode_part(part: str) -> dict[str, object]:
    """A base64url JWT part as the JSON object it holds."""
    decoded = json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))
    assert isinstance(decoded, dict)
    return decoded
