"""Tests of the wizard's progress: which steps may be opened, and where a person is sent."""

from __future__ import annotations

import json

import pytest

from reference_server.domain.wizard import WizardProgress


def progress_at(reached: int, steps: int = 5) -> WizardProgress:
    """A wizard whose steps up to `reached` are open."""
    progress = WizardProgress(steps=steps)
    for step in range(1, reached):
        progress.complete(step)
    return progress


def test_a_new_wizard_opens_only_the_first_step():
    progress = WizardProgress(steps=5)

    assert progress.may_open(1)
    assert [s for s in range(0, 7) if progress.may_open(s)] == [1]


@pytest.mark.parametrize("asked", [0, 2, 3, 5, 6, -1])
def test_a_step_not_reached_redirects_to_the_step_reached(asked: int):
    assert WizardProgress(steps=5).where_to(asked) == 1
    assert progress_at(3).where_to(asked) == (asked if 1 <= asked <= 3 else 3)


def test_an_open_step_is_shown_as_asked():
    progress = progress_at(3)

    assert [progress.where_to(s) for s in (1, 2, 3)] == [1, 2, 3]


def test_completing_a_step_opens_the_next_one():
    progress = WizardProgress(steps=5)

    progress.complete(1)

    assert progress.reached == 2
    assert progress.may_open(2)
    assert not progress.may_open(3)


def test_steps_already_passed_may_be_revisited():
    progress = progress_at(4)

    assert all(progress.may_open(s) for s in (1, 2, 3, 4))


def test_completing_an_earlier_step_again_keeps_the_furthest_step():
    progress = progress_at(4)

    progress.complete(1)

    assert progress.reached == 4


def test_completing_a_step_not_reached_raises():
    progress = progress_at(2)

    with pytest.raises(ValueError, match="step 3 is not open"):
        progress.complete(3)
    assert progress.reached == 2


def test_close_before_closes_every_earlier_step():
    progress = progress_at(4)

    progress.close_before(4)

    assert [s for s in range(1, 6) if progress.may_open(s)] == [4]
    assert progress.first_open_step == 4


@pytest.mark.parametrize("asked", [1, 2, 3])
def test_a_closed_step_redirects_forward(asked: int):
    progress = progress_at(4)
    progress.close_before(4)

    assert progress.where_to(asked) == 4


def test_a_closed_step_cannot_be_completed():
    progress = progress_at(4)
    progress.close_before(4)

    with pytest.raises(ValueError, match="step 3 is not open"):
        progress.complete(3)
    assert progress.reached == 4


def test_close_before_moves_the_furthest_step_forward_when_needed():
    progress = progress_at(3)

    progress.close_before(5)

    assert progress.reached == 5
    assert progress.first_open_step == 5
    assert progress.may_open(5)


def test_close_before_never_reopens_steps():
    progress = progress_at(5)
    progress.close_before(4)

    progress.close_before(2)

    assert progress.first_open_step == 4
    assert not progress.may_open(3)


def test_the_wizards_end_after_the_account_is_created():
    # The activation wizard's path: steps 1–3, the account, then 4 and 5 only.
    progress = progress_at(3)
    progress.complete(3)
    progress.close_before(4)
    progress.complete(4)
    progress.close_before(5)

    assert [s for s in range(1, 6) if progress.may_open(s)] == [5]
    assert progress.where_to(2) == 5


def test_progress_round_trips_through_json():
    progress = progress_at(3)
    progress.close_before(2)
    progress.data["matricule"] = "1918090138700"

    restored = WizardProgress.from_dict(json.loads(json.dumps(progress.as_dict())))

    assert restored == progress


def test_the_data_of_two_wizards_is_not_shared():
    first, second = WizardProgress(steps=5), WizardProgress(steps=5)

    first.data["matricule"] = "1918090138700"

    assert second.data == {}
