"""« Rester connecté » in the idle-session warning: a POST that renews the session and renders nothing."""

from __future__ import annotations

from account_http import activated, signed_in
from server_http import WIZARD, Visitor, advance_clock

from reference_server.portal.my_services import KEEP_ALIVE, NOT_SIGNED_IN
from reference_server.world import World

PERSONAL = "/mon-compte/informations-personnelles"
SAVED = "Vos préférences de notification sont enregistrées."
CSRF_REFUSAL = "Votre session a expiré ou la requête n'est pas valide."


def test_a_signed_in_session_is_renewed_with_no_content(support_world: World):
    visitor = signed_in(support_world, activated(support_world))

    reply = visitor.post(KEEP_ALIVE, {})

    assert reply.status == 204 and reply.content == b""
    assert reply.headers.get("Cache-Control") == "no-store"


def test_renewing_leaves_the_next_pages_message_for_it(support_world: World):
    visitor = signed_in(support_world, activated(support_world))
    assert visitor.post(PERSONAL, {"notify_events": "oui"}).location == PERSONAL

    assert visitor.post(KEEP_ALIVE, {}).status == 204

    assert SAVED in visitor.get(PERSONAL).text


def test_renewing_starts_the_idle_time_over(clock_world: World):
    visitor = signed_in(clock_world, activated(clock_world))
    advance_clock(clock_world, 20 * 60)

    assert visitor.post(KEEP_ALIVE, {}).status == 204
    advance_clock(clock_world, 20 * 60)

    assert visitor.get("/mes-services").status == 200


def test_a_visitor_who_is_not_signed_in_is_refused(visitor: Visitor):
    visitor.get(WIZARD)  # a page with a form, whose token the visitor sends

    reply = visitor.post(KEEP_ALIVE, {})

    assert reply.status == 403
    assert NOT_SIGNED_IN in reply.text


def test_renewing_needs_the_sessions_csrf_token(support_world: World):
    visitor = signed_in(support_world, activated(support_world))

    reply = visitor.post(KEEP_ALIVE, {}, with_csrf=False)

    assert reply.status == 403
    assert CSRF_REFUSAL in reply.text
