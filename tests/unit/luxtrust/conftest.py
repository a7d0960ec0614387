"""LuxTrust apps served on free loopback ports, with a registered client and cheap hashing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from luxtrust_http import CLIENT_ID, CLIENT_NAME, CLIENT_SECRET, OTHER_REDIRECT_URI, REDIRECT_URI, LuxTrust

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.app import LuxTrustConfig, OidcClient, build
from reference_server.serving import BackgroundServer

# Argon2id at its cheapest: these tests check behaviour, not the cost of guessing.
FAST_HASHER = SecretHasher(time_cost=1, memory_cost_kib=1024, parallelism=1)
CLIENT = OidcClient(CLIENT_ID, CLIENT_SECRET, (REDIRECT_URI, OTHER_REDIRECT_URI), name=CLIENT_NAME)


def start_luxtrust(data_dir: Path, *, test_support: bool) -> LuxTrust:
    """Bind a port, build LuxTrust knowing its issuer, and serve it."""
    server = BackgroundServer("luxtrust")
    issuer = server.bind()
    clock = Clock()
    config = LuxTrustConfig(issuer=issuer, clients=(CLIENT,), test_support=test_support)
    server.serve(build(data_dir, config, clock, FAST_HASHER))
    return LuxTrust(server, clock, config)


@pytest.fixture(scope="session")
def luxtrust(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LuxTrust]:
    """A LuxTrust with its test-support interface, shared by the tests.

    Its clock only moves forward; each test makes its own devices and logins after the
    previous tests' advances, so none is harmed by them.
    """
    running = start_luxtrust(tmp_path_factory.mktemp("luxtrust"), test_support=True)
    yield running
    running.server.stop()


@pytest.fixture(scope="session")
def bare_luxtrust(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LuxTrust]:
    """A LuxTrust started the way production would be: no test-support interface."""
    running = start_luxtrust(tmp_path_factory.mktemp("luxtrust-bare"), test_support=False)
    yield running
    running.server.stop()
