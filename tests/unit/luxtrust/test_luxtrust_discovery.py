"""Tests of the provider's metadata and keys: discovery document, JWKS and key persistence."""

from __future__ import annotations

from pathlib import Path

from luxtrust_http import LuxTrust
from web_client import raw_request

from conftest import start_luxtrust


def test_the_discovery_document_names_the_endpoints_under_the_issuer(luxtrust: LuxTrust):
    reply = raw_request(luxtrust.url(".well-known/openid-configuration"))

    assert reply.status == 200
    metadata = reply.json()
    assert isinstance(metadata, dict)
    issuer = luxtrust.issuer
    assert metadata["issuer"] == issuer
    assert metadata["authorization_endpoint"] == issuer + "oidc/authorize"
    assert metadata["token_endpoint"] == issuer + "oidc/token"
    assert metadata["jwks_uri"] == issuer + "oidc/jwks"
    assert metadata["response_types_supported"] == ["code"]
    assert metadata["grant_types_supported"] == ["authorization_code"]
    assert metadata["subject_types_supported"] == ["public"]
    assert metadata["id_token_signing_alg_values_supported"] == ["RS256"]
    assert metadata["code_challenge_methods_supported"] == ["S256"]
    assert metadata["token_endpoint_auth_methods_supported"] == [
        "client_secret_basic", "client_secret_post"
    ]
    assert metadata["scopes_supported"] == ["openid", "profile"]
    assert {"sub", "nonce", "amr", "national_id", "luxtrust_device"} <= set(metadata["claims_supported"])


def test_the_jwks_holds_one_public_rsa_signing_key(luxtrust: LuxTrust):
    reply = raw_request(luxtrust.url("oidc/jwks"))

    assert reply.status == 200
    keys = reply.json()
    assert isinstance(keys, dict)
    [key] = keys["keys"]
    assert key["kty"] == "RSA"
    assert key["use"] == "sig"
    assert key["alg"] == "RS256"
    assert key["kid"]
    # Only the public half: no private exponent nor primes.
    assert set(key) == {"kty", "n", "e", "kid", "use", "alg"}


def test_a_restart_on_the_same_data_keeps_the_signing_key(tmp_path: Path):
    first = start_luxtrust(tmp_path, test_support=False)
    before = raw_request(first.url("oidc/jwks")).json()
    first.server.stop()

    second = start_luxtrust(tmp_path, test_support=False)
    after = raw_request(second.url("oidc/jwks")).json()
    second.server.stop()

    assert before == after
