"""MyGuichet.lu's test-support interface: citizens with a private space, served only in test mode."""


from bottle import Bottle, response

from reference_server.domain import contact, matricule
from reference_server.json_api import json_body, optional_contact, refusal
from reference_server.myguichet.citizens import Citizen, Citizens


def create_app(citizens: Citizens) -> Bottle:
    """The /_test/ area: a harness gives personas a private space here."""
    app = Bottle()

    @app.get("/")
    def index() -> dict[str, object]:
        return {"citizens": "POST /_test/citizens {national_id, given_name, family_name, email, mobile}"}

    @app.post("/citizens")
    def enrol() -> dict[str, object]:
        citizen = _citizen(json_body())
        if not citizens.enrol(citizen):
            raise refusal("this national identifier already has a private space", 409)
        response.status = 201
        return {"national_id": citizen.national_id, "email": citizen.email, "mobile": citizen.mobile}

    return app


def _citizen(body: dict[str, object]) -> Citizen:
    """A citizen from the request, with a valid identifier and valid contacts."""
    number = matricule.check(str(body.get("national_id") or ""))
    if number.error:
        raise refusal(f"national_id: {number.error}")
    names = {key: str(body.get(key) or "").strip() for key in ("given_name", "family_name")}
    if not all(names.values()):
        raise refusal("given_name and family_name are required")
    return Citizen(
        national_id=number.number, **names,
        email=optional_contact(body, "email", contact.check_email),
        mobile=optional_contact(body, "mobile", contact.check_mobile),
    )
