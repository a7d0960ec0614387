"""The harness asks for step 1 of either wizard apart from the other steps a target may offer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bottle import Bottle, request, response

from harness.targets import Persona, TargetCapabilityMissing, TestSupportClient
from reference_server.serving import BackgroundServer

PERSONA = Persona(kind="patient", matricule="1990010112345", activation_code="ABCDE12345",
                  first_name="Léa", last_name="Muller", birth_date="1990-01-01",
                  email="lea@example.lu", mobile="+352621000000")
PROFESSIONAL = Persona(kind="professional", matricule="19750303123", activation_code="ZXCVB67890",
                       first_name="Marc", last_name="Weber", birth_date="1975-03-03",
                       email="marc@example.lu", mobile="+352621000001")


def steps_2_to_4_only() -> Bottle:
    """A portal whose wizard shortcuts know steps 2 to 4 only, as the contract once had it."""
    app = Bottle()

    def wizard(kind: str) -> dict[str, object]:
        step = (request.json or {}).get("step")
        if step not in (2, 3, 4):
            response.status = 400
            return {"error": "step is one of 2, 3, 4"}
        response.status = 201
        return {"cookies": [{"name": "session", "value": f"at-{step}", "path": "/"}],
                "url": f"activation/{kind}/etape-{step}"}

    app.route("/_test/wizards", "POST", lambda: wizard("patient"))
    app.route("/_test/wizards/professionnel", "POST", lambda: wizard("professionnel"))
    return app


@pytest.fixture
def older_portal() -> Iterator[str]:
    """That portal on a free loopback port; its base URL."""
    server = BackgroundServer("steps-2-to-4")
    url = server.bind()
    server.serve(steps_2_to_4_only())
    yield url
    server.stop()


def test_a_refused_step_1_is_walked_and_steps_2_to_4_are_still_asked_for(older_portal: str):
    client = TestSupportClient(older_portal)

    with pytest.raises(TargetCapabilityMissing, match="step 1 of the patient wizard"):
        client.open_wizard(PERSONA, 1, password=None, channel="sms")
    session = client.open_wizard(PERSONA, 3, password="Motdepasse1", channel="sms")

    assert session.url == f"{older_portal}activation/patient/etape-3"
    assert session.cookies[0]["value"] == "at-3"


def test_a_refused_professional_step_1_is_walked_and_steps_2_to_4_are_still_asked_for(older_portal: str):
    client = TestSupportClient(older_portal)

    with pytest.raises(TargetCapabilityMissing, match="step 1 of the professional wizard"):
        client.open_professional_wizard(PROFESSIONAL, 1, luxtrust="TOKEN-1")
    session = client.open_professional_wizard(PROFESSIONAL, 2, luxtrust="TOKEN-1")

    assert session.url == f"{older_portal}activation/professionnel/etape-2"
    assert session.cookies[0]["value"] == "at-2"
