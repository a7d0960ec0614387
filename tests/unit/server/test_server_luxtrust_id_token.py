"""Tests of the portal's OpenID Connect client against a real LuxTrust: which ID tokens it refuses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from joserfc import jwt
from joserfc.jwk import RSAKey
from luxtrust_flow import (
    CLIENT_ID,
    InMemoryReplayGuard,
    IssuedToken,
    Provider,
    decode_part,
    encode_part,
    issue_id_token,
    log_in_at_luxtrust,
    query_of,
    start_provider,
)

import reference_server.portal
from reference_server.clock import Clock
from reference_server.luxtrust_client import (
    LEEWAY_SECONDS,
    LuxTrustClient,
    LuxTrustError,
    UsedIdTokens,
)
from reference_server.portal.services import SCHEMA_FILE
from reference_server.storage import Database

PORTAL_SCHEMA = Path(reference_server.portal.__file__).parent / SCHEMA_FILE
ID_TOKEN_TTL = 300


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    """A LuxTrust of these tests' own, whose client credentials they know; its clock stays put."""
    running = start_provider(tmp_path_factory.mktemp("luxtrust-client"))
    yield running
    running.stop()


@pytest.fixture
def issued(provider: Provider) -> IssuedToken:
    """A real ID token of a fresh Token login, already verified once by the client that asked."""
    return issue_id_token(provider)


def refusal(client: LuxTrustClient, id_token: str, nonce: str) -> str:
    """Why a fresh client (one that has accepted no token yet) refuses an ID token."""
    with pytest.raises(LuxTrustError) as refused:
        client.verify_id_token(id_token, nonce)
    message = str(refused.value)
    # A fresh client cannot have seen the token: the refusal must come from the check under test.
    assert "already used" not in message
    return message


def signed_by_luxtrust(provider: Provider, claims: Mapping[str, object]) -> str:
    """A token with these claims signed with LuxTrust's own key, as if LuxTrust had issued it."""
    key = provider.store.signing_key
    return jwt.encode({"alg": "RS256", "kid": key.kid, "typ": "JWT"}, dict(claims), key)


def with_signature_char_flipped(id_token: str) -> str:
    """The token with one character of its signature changed.

    A middle character, not the last: the last base64url character of a 256-byte RSA signature
    carries unused bits, so changing it may leave the decoded signature as it was.
    """
    header, payload, signature = id_token.split(".")
    middle = len(signature) // 2
    flipped = "A" if signature[middle] != "A" else "B"
    return ".".join((header, payload, signature[:middle] + flipped + signature[middle + 1:]))


# What the client accepts: the control for every refusal below ----------------------------------


def test_the_client_finishes_a_real_login_with_the_identity_luxtrust_vouches_for(
    provider: Provider, issued: IssuedToken,
) -> None:
    claims = issued.claims
    assert issued.identity.national_id == claims["national_id"]
    assert issued.identity.device_serial == issued.token.serial
    assert issued.identity.device_type == "token"
    assert claims["aud"] == CLIENT_ID and claims["iss"] == provider.issuer
    assert issued.expires_at == issued.issued_at + ID_TOKEN_TTL
    # The same token, presented to a client that has not seen it yet, verifies again.
    identity = provider.client().verify_id_token(issued.id_token, issued.nonce)
    assert identity == issued.identity


def test_a_token_just_within_the_leeway_after_its_expiry_is_still_accepted(
    provider: Provider, issued: IssuedToken,
) -> None:
    clock = Clock()
    clock.advance(issued.expires_at + LEEWAY_SECONDS - 5 - clock.timestamp())

    identity = provider.client(clock=clock).verify_id_token(issued.id_token, issued.nonce)

    assert identity == issued.identity


# Tampered tokens -----------------------------------------------------------------------------


def test_a_token_with_one_character_of_its_signature_changed_is_refused(
    provider: Provider, issued: IssuedToken,
) -> None:
    message = refusal(provider.client(), with_signature_char_flipped(issued.id_token), issued.nonce)

    assert "signature" in message


def test_a_token_whose_claims_were_changed_without_signing_again_is_refused(
    provider: Provider, issued: IssuedToken,
) -> None:
    header, payload, signature = issued.id_token.split(".")
    claims = decode_part(payload)
    # Someone else's matricule: what an attacker would want the portal to believe.
    claims["national_id"] = "1980010112345"
    forged = ".".join((header, encode_part(claims), signature))

    message = refusal(provider.client(), forged, issued.nonce)

    assert "signature" in message


def test_a_token_signed_by_another_key_under_luxtrusts_key_id_is_refused(
    provider: Provider, issued: IssuedToken,
) -> None:
    other_key = RSAKey.generate_key(2048)
    header = decode_part(issued.id_token.split(".")[0])
    assert header["kid"] == provider.store.signing_key.kid

    forged = jwt.encode(header, issued.claims, other_key)

    assert "signature" in refusal(provider.client(), forged, issued.nonce)


@pytest.mark.parametrize("header", [
    {"alg": "none", "typ": "JWT"},
    {"alg": "HS256", "typ": "JWT"},
], ids=["unsigned", "hmac"])
def test_a_token_in_an_algorithm_other_than_rs256_is_refused(
    provider: Provider, issued: IssuedToken, header: dict[str, str],
) -> None:
    # The classic confusion signs with HMAC keyed by the RSA public key; whatever the signature,
    # the algorithm itself must be refused before any key is tried.
    signature = "" if header["alg"] == "none" else "c2lnbmF0dXJl"
    forged = ".".join((encode_part(header), issued.id_token.split(".")[1], signature))

    assert "is not allowed" in refusal(provider.client(), forged, issued.nonce)


# Claims that do not fit this login -------------------------------------------------------------


def test_a_token_for_another_nonce_is_refused(provider: Provider, issued: IssuedToken) -> None:
    message = refusal(provider.client(), issued.id_token, issued.nonce + "-autre")

    assert "nonce" in message


def test_a_token_issued_to_another_client_is_refused(provider: Provider, issued: IssuedToken) -> None:
    message = refusal(provider.client(client_id="un-autre-portail"), issued.id_token, issued.nonce)

    assert "aud" in message


def test_an_expired_token_is_refused(provider: Provider, issued: IssuedToken) -> None:
    clock = Clock()
    # The token lives 300 s, and the client allows 30 s of leeway; one second more is too late.
    clock.advance(ID_TOKEN_TTL + 1 + LEEWAY_SECONDS)

    message = refusal(provider.client(clock=clock), issued.id_token, issued.nonce)

    assert "exp" in message


@pytest.mark.parametrize(("change", "reason"), [
    ("issuer", "'iss'"),
    ("missing nonce", "Missing claim: 'nonce'"),
    ("missing national id", "lacks the national id"),
    ("future iat", "issued in the future"),
])
def test_a_token_signed_by_luxtrust_but_with_wrong_claims_is_refused(
    provider: Provider, issued: IssuedToken, change: str, reason: str,
) -> None:
    claims = dict(issued.claims)
    if change == "issuer":
        claims["iss"] = "http://127.0.0.1:9/"
    elif change == "missing nonce":
        del claims["nonce"]
    elif change == "missing national id":
        del claims["national_id"]
    else:
        claims["iat"] = issued.issued_at + LEEWAY_SECONDS + 60

    assert reason in refusal(provider.client(), signed_by_luxtrust(provider, claims), issued.nonce)


def test_a_token_also_addressed_to_another_audience_is_refused(
    provider: Provider, issued: IssuedToken,
) -> None:
    claims = {**issued.claims, "aud": [CLIENT_ID, "un-autre-portail"], "azp": "un-autre-portail"}

    refusal(provider.client(), signed_by_luxtrust(provider, claims), issued.nonce)


# Replays -----------------------------------------------------------------------------------------


def test_the_same_token_is_accepted_only_once(provider: Provider, issued: IssuedToken) -> None:
    client = provider.client()
    client.verify_id_token(issued.id_token, issued.nonce)

    with pytest.raises(LuxTrustError, match="already used"):
        client.verify_id_token(issued.id_token, issued.nonce)


def test_the_client_that_finished_the_login_refuses_its_token_a_second_time(provider: Provider) -> None:
    guard = InMemoryReplayGuard()
    client = provider.client(accept_once=guard)
    authorize_url, pending = client.start()
    back = query_of(log_in_at_luxtrust(authorize_url, provider.new_token()))
    client.finish(pending, back["state"], back["code"])

    with pytest.raises(LuxTrustError, match="already used"):
        client.verify_id_token(guard.accepted[0], pending.nonce)


def test_a_code_is_exchanged_only_once(provider: Provider) -> None:
    client = provider.client()
    authorize_url, pending = client.start()
    back = query_of(log_in_at_luxtrust(authorize_url, provider.new_token()))
    client.finish(pending, back["state"], back["code"])

    with pytest.raises(LuxTrustError, match="invalid_grant"):
        provider.client().finish(pending, back["state"], back["code"])


def test_a_wrong_state_is_refused_before_the_code_is_spent(provider: Provider) -> None:
    client = provider.client()
    authorize_url, pending = client.start()
    back = query_of(log_in_at_luxtrust(authorize_url, provider.new_token()))

    with pytest.raises(LuxTrustError, match="state"):
        client.finish(pending, back["state"] + "x", back["code"])

    # The code was never sent to LuxTrust, so the genuine return still goes through.
    assert client.finish(pending, back["state"], back["code"]).device_type == "token"


def portal_replay_guard(tmp_path: Path, clock: Clock) -> UsedIdTokens:
    """The portal's own store of used ID tokens, in a database of the test's own."""
    return UsedIdTokens(Database(tmp_path / "portal.sqlite3", PORTAL_SCHEMA.read_text("utf-8")), clock)


def test_the_portals_store_refuses_a_token_presented_twice(
    provider: Provider, issued: IssuedToken, tmp_path: Path,
) -> None:
    clock = Clock()
    client = provider.client(clock=clock, accept_once=portal_replay_guard(tmp_path, clock)
                             .accept_once)
    client.verify_id_token(issued.id_token, issued.nonce)

    with pytest.raises(LuxTrustError, match="already used"):
        client.verify_id_token(issued.id_token, issued.nonce)


def test_the_portals_store_refuses_a_replay_within_the_leeway_after_expiry(
    provider: Provider, issued: IssuedToken, tmp_path: Path,
) -> None:
    clock = Clock()
    client = provider.client(clock=clock, accept_once=portal_replay_guard(tmp_path, clock)
                             .accept_once)
    client.verify_id_token(issued.id_token, issued.nonce)
    # Past exp, yet within the leeway: the signature and claims still pass.
    clock.advance(issued.expires_at + LEEWAY_SECONDS / 2 - clock.timestamp())

    with pytest.raises(LuxTrustError, match="already used"):
        client.verify_id_token(issued.id_token, issued.nonce)
