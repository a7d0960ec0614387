"""The test-support interface: enrol devices and answer the phone, served only in test mode."""


from bottle import Bottle, response

from reference_server.domain import matricule
from reference_server.json_api import json_body, refusal
from reference_server.luxtrust.products import MOBILE, PRODUCTS
from reference_server.luxtrust.services import LuxTrustServices
from reference_server.luxtrust.store import Person
from reference_server.luxtrust.web import PLUGIN_NAME

MAX_NAME_LENGTH = 100


def register(app: Bottle, services: LuxTrustServices) -> None:
    """Add the /_test/ routes, JSON in and out, without sessions or CSRF tokens."""
    routes = (
        ("/_test/", "GET", lambda: index()),
        ("/_test/devices", "POST", lambda: create_device(services)),
        ("/_test/devices/<serial>", "GET", lambda serial: device_state(services, serial)),
        ("/_test/approve", "POST", lambda: answer(services, "approved")),
        ("/_test/refuse", "POST", lambda: answer(services, "refused")),
    )
    for path, method, callback in routes:
        app.route(path, method, callback, skip=[PLUGIN_NAME])


def index() -> dict[str, object]:
    """What the interface offers."""
    return {
        "devices": 'POST /_test/devices {"national_id", "given_name", "family_name", "type"}',
        "device": "GET /_test/devices/SERIAL",
        "approve": 'POST /_test/approve {"serial"}',
        "refuse": 'POST /_test/refuse {"serial"}',
        "types": sorted(PRODUCTS),
    }


def create_device(services: LuxTrustServices) -> dict[str, object]:
    """Enrol a device for a person and hand back its credentials, once."""
    body = json_body()
    product = PRODUCTS.get(str(body.get("type", "")))
    if product is None:
        raise refusal(f"type must be one of: {', '.join(PRODUCTS)}")
    enrolment = services.authenticator.enrol(_person(body), product)
    device = enrolment.device
    answer: dict[str, object] = {
        "type": product.key, "label": product.label, "serial": device.serial,
        "user_id": device.user_id, "password": enrolment.password,
    }
    if enrolment.totp_secret:
        answer["totp_secret"] = enrolment.totp_secret
    if enrolment.pin:
        answer["pin"] = enrolment.pin
    response.status = 201
    return answer


def _person(body: dict[str, object]) -> Person:
    """The device's holder from the request, or a 400."""
    national_id = matricule.clean(str(body.get("national_id", "")))
    # Some professionals are still registered under the older 11-digit form.
    if not matricule.check(national_id, allow_eleven_digits=True).valid:
        raise refusal("national_id must be a valid 11- or 13-digit matricule")
    names = {}
    for field in ("given_name", "family_name"):
        value = body.get(field)
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME_LENGTH:
            raise refusal(f"{field} must be a non-empty string of at most {MAX_NAME_LENGTH} characters")
        names[field] = value.strip()
    return Person(national_id, names["given_name"], names["family_name"])


def device_state(services: LuxTrustServices, serial: str) -> dict[str, object]:
    """Whether a device is locked and how many failures it has."""
    device = services.store.device(serial)
    if device is None:
        raise refusal("no device with this serial", 404)
    # Who LuxTrust vouches for at a login with the device, as its ID token would say.
    return {"serial": device.serial, "type": device.type, "label": PRODUCTS[device.type].label,
            "locked": device.locked, "failures": device.failures,
            "subject": services.store.subject(device.person.national_id),
            "national_id": device.person.national_id, "given_name": device.person.given_name,
            "family_name": device.person.family_name}


def answer(services: LuxTrustServices, status: str) -> dict[str, object]:
    """Approve or refuse, as the phone would, the newest pending login of a mobile device."""
    serial = str(json_body().get("serial", ""))
    device = services.store.device(serial)
    if device is None or PRODUCTS[device.type].proof != MOBILE:
        raise refusal("no LuxTrust Mobile device with this serial", 404)
    pending = services.store.pending_approval(serial)
    if pending is None or not pending.mobile_request:
        raise refusal("no login is waiting for this device", 404)
    if not services.store.answer_approval(serial, pending.mobile_request, status):
        raise refusal("no login is waiting for this device", 404)
    return {"serial": serial, "status": status}
