"""Tests of the SMS and e-mail gateway's API: only the portal, holding the token, may use it."""

from __future__ import annotations

import json

import pytest
from web_client import json_request, raw_request

from reference_server.world import World

MESSAGE = {"channel": "sms", "to": "+352691999888", "subject": "Test", "body": "intrus 424242"}


def api(world: World) -> str:
    """The URL of the gateway's message API."""
    assert world.urls is not None
    return world.urls.messaging + "api/messages"


@pytest.mark.parametrize(
    "authorization", [None, "", "Bearer", "Bearer ", "Bearer wrong-token", "Basic dXNlcjpwYXNz"]
)
def test_sending_without_the_token_is_refused(support_world: World, authorization: str | None):
    headers = {"Content-Type": "application/json"}
    if authorization is not None:
        headers["Authorization"] = authorization

    reply = raw_request(api(support_world), method="POST", data=json.dumps(MESSAGE).encode(),
                        headers=headers)

    assert reply.status == 401


@pytest.mark.parametrize("authorization", [None, "Bearer wrong-token"])
def test_reading_without_the_token_is_refused(support_world: World, authorization: str | None):
    headers = {} if authorization is None else {"Authorization": authorization}

    reply = raw_request(api(support_world), headers=headers)

    assert reply.status == 401
    assert '"messages"' not in reply.body


def test_a_refused_message_is_not_delivered(support_world: World):
    assert support_world.urls is not None
    json_request(api(support_world), MESSAGE)

    outbox = raw_request(support_world.urls.messaging + "?to=%2B352691999888")

    assert outbox.status == 200
    assert "intrus 424242" not in outbox.text
    assert "Aucun message." in outbox.text
