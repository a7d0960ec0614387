"""OpenID Connect endpoints: discovery, keys, the authorization request and the token exchange."""

import base64
import binascii
import hashlib
import hmac
import re
import secrets
from urllib.parse import unquote_plus, urlencode

from bottle import Bottle, HTTPError, HTTPResponse, redirect, request
from joserfc import jwt
from joserfc.jwk import KeySet

from reference_server.luxtrust.config import OidcClient
from reference_server.luxtrust.products import PRODUCTS
from reference_server.luxtrust.services import LuxTrustServices
from reference_server.luxtrust.store import AuthorizationCode, LoginTransaction
from reference_server.luxtrust.web import PLUGIN_NAME, current_session, form_text, json_response

LOGIN_LIFETIME_SECONDS = 10 * 60
ACCESS_TOKEN_TTL_SECONDS = 300
# RFC 7636: a challenge or verifier is 43 to 128 unreserved characters.
PKCE_VALUE = re.compile(r"[A-Za-z0-9\-._~]{43,128}")
CLAIMS = (
    "iss", "sub", "aud", "iat", "exp", "auth_time", "nonce", "amr",
    "national_id", "given_name", "family_name", "luxtrust_device",
)
AUTHORIZE_PARAMETERS = (
    "response_type", "client_id", "redirect_uri", "scope", "state", "nonce",
    "code_challenge", "code_challenge_method",
)
UNKNOWN_CLIENT = (
    "Le site qui vous a envoyé vers LuxTrust n'est pas reconnu, ou son adresse de retour n'est pas "
    "enregistrée. Pour votre sécurité, la connexion ne peut pas continuer."
)


class OAuthError(Exception):
    """An RFC 6749 error of the token endpoint."""

    def __init__(self, error: str, description: str, status: int = 400) -> None:
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status

    def response(self) -> HTTPResponse:
        """The JSON answer, never cached; invalid_client also names the expected scheme."""
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        if self.status == 401:
            headers["WWW-Authenticate"] = 'Basic realm="LuxTrust"'
        body = {"error": self.error, "error_description": self.description}
        return json_response(body, self.status, **headers)


def register(app: Bottle, services: LuxTrustServices) -> None:
    """Add the OpenID Connect routes to LuxTrust's app."""
    app.route("/.well-known/openid-configuration", "GET", lambda: discovery(services),
              skip=[PLUGIN_NAME])
    app.route("/oidc/jwks", "GET", lambda: jwks(services), skip=[PLUGIN_NAME])
    app.route("/oidc/token", "POST", lambda: token(services), skip=[PLUGIN_NAME])
    app.route("/oidc/authorize", "GET", lambda: authorize(services))


def discovery(services: LuxTrustServices) -> dict[str, object]:
    """The provider's metadata (OpenID Connect Discovery 1.0)."""
    issuer = services.config.issuer
    return {
        "issuer": issuer,
        "authorization_endpoint": issuer + "oidc/authorize",
        "token_endpoint": issuer + "oidc/token",
        "jwks_uri": issuer + "oidc/jwks",
        "response_types_supported": ["code"],
        "response_modes_supported": ["query"],
        "grant_types_supported": ["authorization_code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "code_challenge_methods_supported": ["S256"],
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
        "scopes_supported": ["openid", "profile"],
        "claims_supported": list(CLAIMS),
    }


def jwks(services: LuxTrustServices) -> dict[str, object]:
    """The public half of the signing keys."""
    return KeySet([services.store.signing_key]).as_dict(private=False)


# The authorization request -------------------------------------------------------------------


def authorize(services: LuxTrustServices) -> None:
    """Check the request, start a login bound to this browser and send it to the login pages."""
    client = services.config.client(request.query.getunicode("client_id", default="") or "")
    redirect_uri = request.query.getunicode("redirect_uri", default="") or ""
    if client is None or redirect_uri not in client.redirect_uris:
        # Sending the browser to an unchecked address would make LuxTrust an open redirector.
        raise HTTPError(400, UNKNOWN_CLIENT)
    params = {name: request.query.getunicode(name, default="") or "" for name in AUTHORIZE_PARAMETERS}
    problem = _request_problem(params)
    if problem:
        error, description = problem
        redirect_with(redirect_uri, error=error, error_description=description, state=params["state"])
    transaction = _new_transaction(services, client, params)
    services.store.create_transaction(transaction)
    redirect(f"/connexion/{transaction.id}", 303)


def _request_problem(params: dict[str, str]) -> tuple[str, str] | None:
    """The error to send back for a bad request, or None; descriptions are ASCII as RFC 6749 asks."""
    if any(len(request.query.getall(name)) > 1 for name in AUTHORIZE_PARAMETERS):
        return "invalid_request", "A parameter was given more than once."
    if not params["response_type"]:
        return "invalid_request", "The response_type parameter is missing."
    if params["response_type"] != "code":
        return "unsupported_response_type", "Only the code response type is supported."
    if "openid" not in params["scope"].split():
        return "invalid_request", "The scope must include openid."
    if not params["state"]:
        return "invalid_request", "The state parameter is missing."
    if not params["nonce"]:
        return "invalid_request", "The nonce parameter is missing."
    if not PKCE_VALUE.fullmatch(params["code_challenge"]):
        return "invalid_request", "A PKCE code_challenge is required."
    if params["code_challenge_method"] != "S256":
        return "invalid_request", "The code_challenge_method must be S256."
    return None


def _new_transaction(
    services: LuxTrustServices, client: OidcClient, params: dict[str, str]
) -> LoginTransaction:
    """A login for this request, owned by the current browser session."""
    return LoginTransaction(
        id=secrets.token_urlsafe(24),
        session_id=current_session().key,
        client_id=client.client_id,
        redirect_uri=params["redirect_uri"],
        state=params["state"],
        nonce=params["nonce"],
        code_challenge=params["code_challenge"],
        step="product",
        device_serial=None,
        mobile_request=None,
        mobile_status=None,
        mobile_requested_at=None,
        notice=None,
        expires_at=services.clock.timestamp() + LOGIN_LIFETIME_SECONDS,
    )


def redirect_with(redirect_uri: str, **params: str) -> None:
    """Send the browser back to a client's registered address with the answer in the query."""
    separator = "&" if "?" in redirect_uri else "?"
    query = urlencode({name: value for name, value in params.items() if value})
    redirect(f"{redirect_uri}{separator}{query}", 303)


# The token exchange --------------------------------------------------------------------------


def token(services: LuxTrustServices) -> HTTPResponse:
    """Exchange an authorization code for an ID token (RFC 6749 section 4.1.3, RFC 7636)."""
    try:
        client = _authenticate_client(services)
        code = _redeem(services, client)
    except OAuthError as error:
        return error.response()
    body = {
        "access_token": secrets.token_urlsafe(32),
        "token_type": "Bearer",
        "expires_in": ACCESS_TOKEN_TTL_SECONDS,
        "id_token": id_token(services, client, code),
    }
    return json_response(body, 200, **{"Cache-Control": "no-store", "Pragma": "no-cache"})


def _authenticate_client(services: LuxTrustServices) -> OidcClient:
    """The client, authenticated by HTTP Basic or by client_id and client_secret in the body."""
    header = request.get_header("Authorization", "")
    body_secret = form_text("client_secret")
    if header:
        if body_secret:
            raise OAuthError("invalid_request", "Use a single client authentication method.")
        client_id, secret = _basic_credentials(header)
        if form_text("client_id") not in ("", client_id):
            raise OAuthError("invalid_request", "The client_id differs from the authenticated client.")
    else:
        client_id, secret = form_text("client_id"), body_secret
    client = services.config.client(client_id)
    expected = client.client_secret if client else secrets.token_urlsafe(32)
    if client is None or not hmac.compare_digest(secret.encode(), expected.encode()):
        raise OAuthError("invalid_client", "Client authentication failed.", 401)
    return client


def _basic_credentials(header: str) -> tuple[str, str]:
    """The client id and secret of an HTTP Basic header, form-decoded as RFC 6749 section 2.3.1 says."""
    scheme, _, encoded = header.partition(" ")
    if scheme.lower() != "basic":
        raise OAuthError("invalid_client", "Client authentication failed.", 401)
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError) as error:
        raise OAuthError("invalid_client", "Client authentication failed.", 401) from error
    client_id, colon, secret = decoded.partition(":")
    if not colon:
        raise OAuthError("invalid_client", "Client authentication failed.", 401)
    return unquote_plus(client_id), unquote_plus(secret)


def _redeem(services: LuxTrustServices, client: OidcClient) -> AuthorizationCode:
    """The authorization code of this request, checked and used up."""
    grant_type = form_text("grant_type")
    if not grant_type:
        raise OAuthError("invalid_request", "The grant_type parameter is missing.")
    if grant_type != "authorization_code":
        raise OAuthError("unsupported_grant_type", "Only authorization_code is supported.")
    values = {name: form_text(name) for name in ("code", "redirect_uri", "code_verifier")}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise OAuthError("invalid_request", f"Missing parameter: {', '.join(missing)}.")
    code = services.store.redeem_code(values["code"])
    if code is None or code.reused or code.expired or code.client_id != client.client_id:
        raise OAuthError("invalid_grant", "The code is invalid, expired or already used.")
    if code.redirect_uri != values["redirect_uri"]:
        raise OAuthError("invalid_grant", "The redirect_uri differs from the authorization request.")
    if not hmac.compare_digest(s256(values["code_verifier"]).encode(), code.code_challenge.encode()):
        raise OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.")
    return code


def s256(verifier: str) -> str:
    """The PKCE S256 challenge of a verifier: base64url(sha256(verifier)) without padding."""
    digest = hashlib.sha256(verifier.encode("ascii", errors="replace")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def id_token(services: LuxTrustServices, client: OidcClient, code: AuthorizationCode) -> str:
    """The signed ID token of the login behind a code."""
    device = services.store.device(code.device_serial)
    assert device is not None, "devices are never deleted"
    product = PRODUCTS[device.type]
    now = int(services.clock.timestamp())
    claims = {
        "iss": services.config.issuer,
        "sub": services.store.subject(device.person.national_id),
        "aud": client.client_id,
        "iat": now,
        "exp": now + services.config.id_token_ttl_seconds,
        "auth_time": int(code.auth_time),
        "nonce": code.nonce,
        "amr": list(product.amr),
        "national_id": device.person.national_id,
        "given_name": device.person.given_name,
        "family_name": device.person.family_name,
        "luxtrust_device": {"type": product.key, "serial": device.serial, "label": product.label},
    }
    key = services.store.signing_key
    return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, claims, key)
