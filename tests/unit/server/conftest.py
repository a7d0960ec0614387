"""Reference worlds on free loopback ports, and visitors with their own cookie jars."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from outage import Outage
from server_http import Visitor, new_persona

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World


def start_world(*, test_support: bool) -> World:
    """Start a world with cheap hashing on free ports."""
    world = World(WorldConfig(test_support=test_support, hashing=TEST_HASHING))
    world.start()
    return world


@pytest.fixture(scope="session")
def support_world() -> Iterator[World]:
    """A world with the test-support interface, shared by tests that leave its clock alone."""
    world = start_world(test_support=True)
    yield world
    world.stop()


@pytest.fixture(scope="session")
def bare_world() -> Iterator[World]:
    """A world started the way production would be: no test-support interface."""
    world = start_world(test_support=False)
    yield world
    world.stop()


@pytest.fixture(scope="session")
def clock_world() -> Iterator[World]:
    """A world for the tests that move its clock, so that the shared world's state never ages.

    The clock only moves forward, so each of these tests creates its personas and sessions
    after the previous tests' advances and is not harmed by them.
    """
    world = start_world(test_support=True)
    yield world
    world.stop()


@pytest.fixture
def visitor(support_world: World) -> Visitor:
    """A new visitor of the shared world's portal, without any cookie yet."""
    assert support_world.urls is not None
    return Visitor(support_world.urls.portal)


@pytest.fixture
def persona(support_world: World) -> dict[str, object]:
    """A new patient in the shared world, with an unused activation letter."""
    return new_persona(support_world)


@pytest.fixture(scope="module")
def gateway_world() -> Iterator[World]:
    """A world of the module's own, since its gateway goes down and comes back."""
    world = start_world(test_support=True)
    yield world
    world.stop()


@pytest.fixture
def gateway(gateway_world: World) -> Iterator[Outage]:
    """The gateway of the module's world, up again after each test whatever happened."""
    switch = Outage(gateway_world, "messaging")
    yield switch
    switch.up()
