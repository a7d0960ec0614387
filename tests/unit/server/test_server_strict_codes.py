"""Typed codes are read strictly: spaces and dashes are forgiven, nothing is ever extracted from junk."""

from __future__ import annotations

import pytest
from server_http import (
    WIZARD,
    Visitor,
    accept_cgu,
    ask_for_sms_code,
    latest_code,
    reach_step_3,
    submit_code,
    submit_one_time_code,
)

from reference_server.world import World

WRONG_ONE_TIME = "Le code saisi est incorrect."


@pytest.mark.parametrize("wrapping", ["../../etc/passwd{}", "{}'; --", "code: {}", "{}\x00", "＜{}＞"])
def test_a_one_time_code_inside_other_text_is_refused(support_world: World, visitor: Visitor,
                                                      persona: dict[str, object], wrapping: str):
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    code = latest_code(support_world, str(persona["mobile"]))

    reply = submit_one_time_code(visitor, wrapping.format(code))

    assert reply.status != 303, reply.location
    assert WRONG_ONE_TIME in reply.text
    assert submit_one_time_code(visitor, code).location == f"{WIZARD}/etape-4"


def test_a_one_time_code_in_full_width_digits_is_refused(support_world: World, visitor: Visitor,
                                                         persona: dict[str, object]):
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    code = latest_code(support_world, str(persona["mobile"]))

    reply = submit_one_time_code(visitor, "".join(chr(ord("０") + int(d)) for d in code))

    assert WRONG_ONE_TIME in reply.text


@pytest.mark.parametrize("typing", [" {} ", "{0[0]}{0[1]}{0[2]} {0[3]}{0[4]}{0[5]}",
                                    "{0[0]}{0[1]}-{0[2]}{0[3]}-{0[4]}{0[5]}"])
def test_a_one_time_code_typed_with_spaces_or_dashes_is_accepted(support_world: World, visitor: Visitor,
                                                                  persona: dict[str, object], typing: str):
    reach_step_3(visitor, persona)
    ask_for_sms_code(visitor, str(persona["mobile"]))
    code = latest_code(support_world, str(persona["mobile"]))

    reply = submit_one_time_code(visitor, typing.format(code))

    assert reply.location == f"{WIZARD}/etape-4", reply.text


@pytest.mark.parametrize("wrapping", ["../../{}", "{}/etc", "<{}>", "{}\x00"])
def test_an_activation_code_inside_other_text_is_refused(visitor: Visitor, persona: dict[str, object],
                                                         wrapping: str):
    accept_cgu(visitor)
    matricule, code = str(persona["matricule"]), str(persona["activation_code"])

    reply = submit_code(visitor, matricule, wrapping.format(code))

    assert reply.status != 303, reply.location
    assert "incorrect" in reply.text
    assert submit_code(visitor, matricule, code).location == f"{WIZARD}/etape-2"


def test_an_activation_code_typed_in_lower_case_with_spaces_is_accepted(visitor: Visitor,
                                                                        persona: dict[str, object]):
    accept_cgu(visitor)
    typed = " " + str(persona["activation_code"]).lower().replace("-", " ") + " "

    assert submit_code(visitor, str(persona["matricule"]), typed).location == f"{WIZARD}/etape-2"
