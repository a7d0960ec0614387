"""A double-clicked final « Valider » of the wizard lands where the first click did, never earlier."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from server_http import (
    WIZARD,
    Visitor,
    ask_for_sms_code,
    latest_code,
    portal_db,
    reach_step_3,
    submit_one_time_code,
)
from web_client import Reply

from reference_server.world import World

# Each round is one race; several make it likely that both requests read the session first.
ROUNDS = 4


def double_click(visitor: Visitor, code: str) -> list[Reply]:
    """Two submissions of the code, sent together from the same browser."""
    start = threading.Barrier(2)

    def click(_: int) -> Reply:
        start.wait()
        return submit_one_time_code(visitor, code)

    with ThreadPoolExecutor(max_workers=2) as pool:
        return list(pool.map(click, range(2)))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_both_submissions_land_on_step_4_and_one_account_exists(support_world: World, persona: dict,
                                                                  round_: int):
    visitor = Visitor(support_world.urls.portal)  # type: ignore[union-attr]
    reach_step_3(visitor, persona)
    mobile = str(persona["mobile"])
    assert ask_for_sms_code(visitor, mobile).location == f"{WIZARD}/etape-3"

    replies = double_click(visitor, latest_code(support_world, mobile))

    assert [(r.status, r.location) for r in replies] == [(303, f"{WIZARD}/etape-4")] * 2
    # Whichever answer the browser follows, the session it saved stands on step 4.
    assert visitor.get(f"{WIZARD}/etape-4").status == 200
    assert visitor.get(f"{WIZARD}/etape-3").location == f"{WIZARD}/etape-4"
    with portal_db(support_world) as conn:
        accounts = conn.execute("SELECT COUNT(*) FROM accounts WHERE matricule = ?",
                                (persona["matricule"],)).fetchone()[0]
    assert accounts == 1


def test_a_second_submission_after_the_first_lands_on_step_4(support_world: World, persona: dict):
    visitor = Visitor(support_world.urls.portal)  # type: ignore[union-attr]
    reach_step_3(visitor, persona)
    mobile = str(persona["mobile"])
    assert ask_for_sms_code(visitor, mobile).location == f"{WIZARD}/etape-3"
    code = latest_code(support_world, mobile)
    assert submit_one_time_code(visitor, code).location == f"{WIZARD}/etape-4"

    assert submit_one_time_code(visitor, code).location == f"{WIZARD}/etape-4"
