"""Worlds with MyGuichet.lu and the partner credentials the portal gave it, and citizens in them."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
from myguichet_http import PartnerApi, PartnerWorld, start_world

from reference_server.luxtrust_client import LuxTrustLink
from reference_server.myguichet.app import build
from reference_server.myguichet.esante_client import EsanteLink
from reference_server.serving import BackgroundServer


@pytest.fixture(scope="session")
def partner_world() -> Iterator[PartnerWorld]:
    """A world with the test-support interface, shared by tests that leave its clock alone."""
    running = start_world(test_support=True)
    yield running
    running.world.stop()


@pytest.fixture(scope="session")
def clock_world() -> Iterator[PartnerWorld]:
    """A world for the tests that move its clock, so that the shared world's state never ages."""
    running = start_world(test_support=True)
    yield running
    running.world.stop()


@pytest.fixture(scope="session")
def bare_world() -> Iterator[PartnerWorld]:
    """A world started the way production would be: no test-support interface anywhere."""
    running = start_world(test_support=False)
    yield running
    running.world.stop()


@pytest.fixture
def api(partner_world: PartnerWorld) -> PartnerApi:
    """The shared world's partner API, called with MyGuichet.lu's credentials."""
    return partner_world.api()


@pytest.fixture(scope="session")
def cut_off_myguichet(partner_world: PartnerWorld) -> Iterator[str]:
    """The shared world's MyGuichet.lu served a second time, as it runs while the portal is down.

    The second app opens the same data directory, so it shares the citizens, consents and
    sessions and the same browser is signed in on both; its link to the portal points at a
    port that is bound but never listens, so every call to the portal is refused at once.
    """
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    down = f"http://127.0.0.1:{closed.getsockname()[1]}/"
    link = partner_world.link
    # Never contacted: citizens sign in on the world's own MyGuichet.lu.
    luxtrust = LuxTrustLink(down, "myguichet-lu", "inutilise", down + "luxtrust/retour")
    server = BackgroundServer("myguichet-coupe")
    url = server.bind()
    server.serve(build(partner_world.world.data_dir, partner_world.world.clock, luxtrust,
                       EsanteLink(down, link.client_id, link.client_secret), test_mode=False))
    yield url
    server.stop()
    closed.close()
