"""LuxTrust keeps a browser session only when a route used it, and only while it is not idle."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from luxtrust_http import CLIENT_ID, CLIENT_NAME, CLIENT_SECRET, REDIRECT_URI, AuthorizationRequest
from web_client import FormBrowser, raw_request

from reference_server.clock import Clock
from reference_server.domain.hashing import SecretHasher
from reference_server.luxtrust.app import DATABASE_FILE, LuxTrustConfig, OidcClient, build
from reference_server.luxtrust.web import SESSION_IDLE_SECONDS
from reference_server.serving import BackgroundServer


@dataclass(frozen=True)
class Counted:
    """A LuxTrust of its own, whose session rows a test may count."""

    url: str
    data_dir: Path
    clock: Clock

    def rows(self) -> int:
        """The browser sessions stored."""
        conn = sqlite3.connect(f"file:{self.data_dir / DATABASE_FILE}?mode=ro", uri=True)
        try:
            return conn.execute("SELECT count(*) FROM browser_sessions").fetchone()[0]
        finally:
            conn.close()


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Counted]:
    """LuxTrust served alone, so that no other test's browsers add rows."""
    data_dir = tmp_path_factory.mktemp("luxtrust-rows")
    server = BackgroundServer("luxtrust-rows")
    issuer = server.bind()
    config = LuxTrustConfig(issuer=issuer, clients=(
        OidcClient(CLIENT_ID, CLIENT_SECRET, (REDIRECT_URI,), name=CLIENT_NAME),), test_support=False)
    clock = Clock()
    hasher = SecretHasher(time_cost=1, memory_cost_kib=1024, parallelism=1)
    server.serve(build(data_dir, config, clock, hasher))
    yield Counted(issuer, data_dir, clock)
    server.stop()


def test_refused_authorization_requests_store_no_session(counted: Counted):
    before = counted.rows()

    unknown = raw_request(counted.url + "oidc/authorize?" + urlencode({"client_id": "inconnu"}))
    bad = raw_request(counted.url + "oidc/authorize?" + urlencode(
        AuthorizationRequest().params(code_challenge=None)))
    missing = raw_request(counted.url + "connexion/inconnue")

    assert (unknown.status, bad.status) == (400, 303)
    assert missing.status == 400
    assert counted.rows() == before
    assert "Set-Cookie" not in unknown.headers


def test_a_login_keeps_the_session_it_is_bound_to(counted: Counted):
    before = counted.rows()
    browser = FormBrowser(counted.url)

    reply = browser.get(counted.url + "oidc/authorize?" + urlencode(AuthorizationRequest().params()))
    page = browser.get(reply.location or "")

    assert reply.status == 303 and page.status == 200
    assert counted.rows() == before + 1
    assert browser.csrf_token


def start_login(counted: Counted) -> FormBrowser:
    """A browser at LuxTrust's first page, its session stored."""
    browser = FormBrowser(counted.url)
    reply = browser.get(counted.url + "oidc/authorize?" + urlencode(AuthorizationRequest().params()))
    assert browser.get(reply.location or "").status == 200
    return browser


def test_a_new_session_clears_the_idle_ones(counted: Counted):
    start_login(counted)
    start_login(counted)
    assert counted.rows() >= 2

    counted.clock.advance(SESSION_IDLE_SECONDS + 1)
    start_login(counted)

    assert counted.rows() == 1
