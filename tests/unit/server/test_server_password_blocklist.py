"""Common passwords are refused at the wizard's step 2 and in « Changer mon mot de passe »."""

from __future__ import annotations

import pytest
from account_http import MEANS, activated, fresh_session
from server_http import WIZARD, Visitor, accept_cgu, field_errors, submit_code, submit_password

from reference_server.domain.password import POLICY_TEXT, TOO_COMMON
from reference_server.world import World

COMMON = ["password1", "azerty123", "qwerty123", "Azerty123"]


@pytest.mark.parametrize("chosen", COMMON)
def test_step_2_refuses_a_common_password(support_world: World, visitor: Visitor, persona: dict,
                                          chosen: str):
    accept_cgu(visitor)
    assert submit_code(visitor, str(persona["matricule"]),
                       str(persona["activation_code"])).location == f"{WIZARD}/etape-2"

    reply = submit_password(visitor, chosen)

    assert reply.status == 422
    assert field_errors(reply, "password") == [TOO_COMMON]
    # The guide's policy is shown as the guide writes it; the list is a further rule.
    assert POLICY_TEXT in reply.text


@pytest.mark.parametrize("chosen", COMMON)
def test_a_new_password_that_is_common_is_refused(support_world: World, chosen: str):
    visitor = fresh_session(support_world, activated(support_world))

    reply = visitor.post(f"{MEANS}/mot-de-passe",
                         {"new_password": chosen, "new_password_confirmation": chosen})

    assert reply.status == 422
    assert TOO_COMMON in field_errors(reply, "new_password")
    assert "Votre mot de passe a été" not in reply.text
