"""The test-support interface: personas, messages and the clock, served only in test mode."""

import json
import re
import urllib.error
import urllib.request
from dataclasses import asdict

from bottle import Bottle, HTTPResponse, request, response

from reference_server.json_api import json_body, refusal
from reference_server.portal import test_shortcuts
from reference_server.portal.pages import announce
from reference_server.portal.personas import PersonaError, PersonaFactory, PersonaSpec
from reference_server.portal.publications import KINDS
from reference_server.portal.register import Person
from reference_server.portal.services import PortalServices

# A one-time code is the only run of six digits in the portal's messages.
CODE_IN_MESSAGE = re.compile(r"(?<!\d)(\d{6})(?!\d)")
MAX_ADVANCE_SECONDS = 10 * 365 * 24 * 3600


def create_app(services: PortalServices, seed: int | None = None, shortcuts: bool = True) -> Bottle:
    """The /_test/ area: a small JSON API a harness uses instead of reading databases."""
    app = Bottle()
    if shortcuts:
        test_shortcuts.register(app, services)
    personas = PersonaFactory(services.register, seed)

    @app.get("/")
    def index() -> dict[str, object]:
        return {
            "personas": "POST /_test/personas {\"kind\": \"patient\"}",
            "messages": "GET /_test/messages?to=ADDRESS_OR_NUMBER",
            "clock": "POST /_test/clock {\"advance_seconds\": N}",
            **({"shortcuts": test_shortcuts.INDEX} if shortcuts else {}),
        }

    @app.post("/personas")
    def create_persona() -> dict[str, object]:
        try:
            spec = PersonaSpec.from_json(json_body())
            person = personas.create(spec, services.clock.now().date())
        except PersonaError as error:
            raise refusal(str(error)) from error
        code = services.register.issue_letter(person.matricule, services.config.activation_code_ttl)
        devices = [_luxtrust_device(services, person, kind) for kind in spec.luxtrust]
        practice = services.register.practice(person.matricule)
        dsp = _seed_dsp(services, personas, person, spec) if spec.seeds_dsp else None
        myguichet = _myguichet_space(services, person) if spec.myguichet else None
        response.status = 201
        return {
            "kind": person.kind,
            "matricule": person.matricule,
            "activation_code": code,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "birth_date": person.birth_date.isoformat(),
            "email": person.email,
            "mobile": person.mobile,
            "address": {"street": person.street, "postcode": person.postcode,
                        "locality": person.locality},
            "luxtrust": devices,
            **({"practice": asdict(practice)} if practice else {}),
            **({"dsp": dsp} if dsp else {}),
            **({"myguichet": myguichet} if myguichet else {}),
        }

    @app.post("/luxtrust/approve")
    def approve_on_phone() -> dict[str, object]:
        serial = str(json_body().get("serial") or "")
        return _relay(services, "approve", {"serial": serial})

    @app.get("/messages")
    def messages() -> HTTPResponse:
        to = request.query.getunicode("to", default="") or None
        listed = [_with_code(message) for message in services.messaging.messages(to)]
        # A bare JSON list, which Bottle would not serialise on its own.
        return HTTPResponse(json.dumps(listed), headers={"Content-Type": "application/json"})

    @app.post("/publications")
    def publish() -> dict[str, object]:
        body = json_body()
        kind, title = str(body.get("kind") or ""), str(body.get("title") or "").strip()
        if kind not in KINDS or not title:
            raise refusal(f"kind ({', '.join(KINDS)}) and title are required")
        publication = services.publications.publish(kind, title)
        notified, not_notified = announce(services, publication)
        response.status = 201
        answer: dict[str, object] = {"id": publication.id, "kind": kind, "title": title,
                                     "notified": notified, "not_notified": not_notified}
        if not_notified:
            answer["warning"] = (f"published, but the messaging gateway is unavailable: "
                                 f"{not_notified} subscriber(s) were not told")
        return answer

    @app.get("/clock")
    def now() -> dict[str, object]:
        return {"now": services.clock.now().isoformat(timespec="seconds")}

    @app.post("/clock")
    def clock() -> dict[str, object]:
        seconds = json_body().get("advance_seconds")
        is_number = isinstance(seconds, int | float) and not isinstance(seconds, bool)
        if not is_number or not 0 <= seconds <= MAX_ADVANCE_SECONDS:
            raise refusal("advance_seconds must be a number of seconds, 0 or more")
        return {"now": services.clock.advance(seconds).isoformat(timespec="seconds")}

    return app


def _seed_dsp(
    services: PortalServices, personas: PersonaFactory, person: Person, spec: PersonaSpec
) -> dict[str, object]:
    """Open the persona's DSP with the documents and circle of trust asked for."""
    content = personas.dsp_content(person, spec, services.dsp.today())
    record = services.dsp.seed(person.matricule, content.documents, content.circle)
    return {
        "record_id": record.id,
        "documents": [
            {"title": seeded.document.title, "type": seeded.document.kind, "author": seeded.author,
             "date": seeded.date.isoformat()}
            for seeded in content.documents
        ],
        "trust_circle": [
            {"name": member.name, "type": member.type, "role": member.role, "contact": member.contact}
            for member in content.circle
        ],
    }


def _luxtrust_device(services: PortalServices, person: Person, kind: str) -> dict[str, object]:
    """Have LuxTrust issue a product to the person; its own test-support interface does it."""
    payload = {"national_id": person.matricule, "given_name": person.first_name,
               "family_name": person.last_name, "type": kind}
    return _relay(services, "devices", payload)


def _myguichet_space(services: PortalServices, person: Person) -> dict[str, object]:
    """Give the person a MyGuichet.lu private space, with the contacts MyGuichet.lu knows."""
    if services.myguichet is None:
        raise refusal("this world has no MyGuichet.lu", 404)
    payload = {"national_id": person.matricule, "given_name": person.first_name,
               "family_name": person.last_name, "email": person.email, "mobile": person.mobile}
    space = _post("MyGuichet.lu", services.myguichet.test_support + "citizens", payload)
    return {"url": services.myguichet.url, "email": space["email"], "mobile": space["mobile"]}


def _relay(services: PortalServices, path: str, payload: dict[str, object]) -> dict[str, object]:
    """Call LuxTrust's test-support interface over HTTP, passing its refusals on."""
    if services.luxtrust_test_support is None:
        raise refusal("LuxTrust's test-support interface is not available", 404)
    return _post("LuxTrust", services.luxtrust_test_support + path, payload)


def _post(system: str, url: str, payload: dict[str, object]) -> dict[str, object]:
    """POST JSON to another system's test-support interface, passing its refusals on."""
    request = urllib.request.Request(
        url, data=json.dumps(payload).encode(), method="POST",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        raise refusal(f"{system}: {error.read().decode(errors='replace')}", error.code) from error




def _with_code(message: dict[str, object]) -> dict[str, object]:
    """A gateway message in the interface's shape, with the code it carries if any."""
    found = CODE_IN_MESSAGE.search(str(message["body"]))
    return {
        "to": message["to"],
        "channel": message["channel"],
        "subject": message["subject"],
        "body": message["body"],
        "code": found.group(1) if found else None,
        "sent_at": message["sent_at"],
    }
