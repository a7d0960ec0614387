"""The back-channel MyGuichet.lu calls over HTTP, and the door its tickets open to the DSP.

MyGuichet.lu authenticates as a registered partner with HTTP Basic (RFC 7617), as an OAuth
client does at a token endpoint; every call names the person by their national identifier,
which the portal accepts only while that person's consent lasts.
"""

import hmac
import secrets
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import urlencode

from bottle import Bottle, HTTPResponse, redirect, request, response

from reference_server.domain import contact, matricule
from reference_server.json_api import json_body, optional_contact, refusal
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.my_services import start_session
from reference_server.portal.myguichet_partner import Activation, Refused
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash

API = "/api/myguichet"
TICKET_DOOR = "/myguichet/dsp"
# « Accéder à mon DSP » on MyGuichet.lu sends the browser here first, to be bound to its ticket.
DEPARTURE = "/myguichet/depart"
BINDING_KEY = "myguichet_binding"
# Bounded, since MyGuichet.lu relays it: the portal's own bindings are 43 characters.
MAX_BINDING = 128
TICKET_REFUSED = (
    "Ce lien d'accès au DSP n'est plus valable. Repassez par MyGuichet.lu, "
    "ou connectez-vous ici avec votre produit LuxTrust."
)
OTHER_BROWSER = (
    "Ce lien d'accès au DSP n'a pas été demandé depuis ce navigateur : il ne s'ouvre que dans "
    "celui où vous avez cliqué sur « Accéder à mon DSP » sur MyGuichet.lu. Repassez par "
    "MyGuichet.lu, ou connectez-vous ici avec votre produit LuxTrust."
)


T = TypeVar("T")


def create_app(services: PortalServices) -> Bottle:
    """The partner API under /api/myguichet/ and the browser door under /myguichet/."""
    app = Bottle()
    partner = services.myguichet_partner
    _api_routes(app, services)
    door = Bottle()
    door.install(SessionPlugin(services.sessions))

    @door.get(DEPARTURE)
    def depart() -> None:
        # Like OpenID Connect's state: a value only this browser's session holds, which the
        # ticket is bound to, so that a ticket link signs in no other browser (login CSRF).
        binding = secrets.token_urlsafe(32)
        current_session().data[BINDING_KEY] = binding
        link = services.myguichet
        if link is None:
            redirect("/patient")
        redirect(f"{link.url}{link.ticket_return}?{urlencode({'liaison': binding})}", 303)

    @door.get(TICKET_DOOR)
    def open_dsp() -> None:
        # The binding serves one ticket: whatever happens now, it is used up.
        binding = current_session().data.pop(BINDING_KEY, None)
        if not isinstance(binding, str):
            flash(OTHER_BROWSER)
            redirect("/patient")
        owner = partner.redeem_ticket(request.query.getunicode("ticket", default="") or "", binding)
        if owner is None:
            flash(TICKET_REFUSED)
            redirect("/patient")
        start_session(services, owner, "myguichet")
        redirect("/dsp")

    app.merge(door)
    return app


def _api_routes(app: Bottle, services: PortalServices) -> None:
    """The JSON routes, each behind the partner's credentials."""
    partner = services.myguichet_partner

    @app.put(f"{API}/consentements/<number>")
    def grant(number: str) -> dict[str, object]:
        _authenticate(services)
        state = _refusing(lambda: partner.grant_consent(_national_id(number)))
        return {"consent": True, "account": state.value}

    @app.get(f"{API}/consentements/<number>")
    def state(number: str) -> dict[str, object]:
        _authenticate(services)
        current = _refusing(lambda: partner.state(_national_id(number)))
        return {"consent": True, "account": current.value}

    @app.delete(f"{API}/consentements/<number>")
    def revoke(number: str) -> HTTPResponse:
        _authenticate(services)
        partner.revoke_consent(_national_id(number))
        return HTTPResponse(status=204)

    @app.post(f"{API}/activations")
    def activate() -> dict[str, object]:
        _authenticate(services)
        activation = _activation(json_body())
        created = _refusing(lambda: partner.activate(activation))
        response.status = 201 if created else 200
        return {"status": "activated" if created else "already_active"}

    @app.post(f"{API}/tickets")
    def ticket() -> dict[str, object]:
        _authenticate(services)
        body = json_body()
        number = _national_id(str(body.get("national_id") or ""))
        binding = _binding(body.get("binding"))
        issued = _refusing(lambda: partner.issue_ticket(number, binding))
        response.status = 201
        # A path, not a URL: MyGuichet.lu joins it to the portal address it was configured with,
        # so no request header can point the person elsewhere.
        return {"path": f"{TICKET_DOOR}?{urlencode({'ticket': issued})}"}


def _authenticate(services: PortalServices) -> None:
    """Refuse any caller without MyGuichet.lu's credentials, comparing in constant time."""
    # Answers name people and carry tickets that sign them in: no cache may keep them.
    response.set_header("Cache-Control", "no-store")
    link = services.myguichet
    given = request.auth or ("", "")
    if link is None or not (
        hmac.compare_digest(given[0].encode(), link.client_id.encode())
        & hmac.compare_digest(str(given[1]).encode(), link.client_secret.encode())
    ):
        denied = refusal("MyGuichet.lu's credentials are required", 401)
        denied.set_header("WWW-Authenticate", 'Basic realm="eSante partners", charset="UTF-8"')
        raise denied


def _national_id(number: str) -> str:
    """A well-formed 13-digit national identifier, or a 400 refusal."""
    checked = matricule.check(number)
    if checked.error:
        raise refusal(f"not a valid national identifier: {checked.error}")
    return checked.number


def _binding(raw: object) -> str:
    """The browser binding the portal handed MyGuichet.lu at the departure, or a 400 refusal."""
    if not isinstance(raw, str) or not 0 < len(raw) <= MAX_BINDING:
        raise refusal("binding is the value the portal gave at the departure of the browser")
    return raw


def _activation(body: dict[str, object]) -> Activation:
    """The activation request: the CGU accepted, valid contacts, the LuxTrust product if any."""
    if body.get("cgu_accepted") is not True:
        raise refusal("the person must accept the CGU (cgu_accepted: true)")
    email = optional_contact(body, "email", contact.check_email)
    mobile = optional_contact(body, "mobile", contact.check_mobile)
    if email is None and mobile is None:
        raise refusal("an e-mail address or a mobile number is needed for one-time codes")
    number = _national_id(str(body.get("national_id") or ""))
    product = _product(body.get("luxtrust"))
    if product is not None and product.national_id != number:
        raise refusal("the LuxTrust product belongs to another person")
    return Activation(matricule=number, email=email, mobile=mobile, luxtrust=product)


def _product(raw: object) -> LuxTrustIdentity | None:
    """The LuxTrust product MyGuichet.lu's sign-in used, if it says."""
    if raw is None:
        return None
    fields = ("subject", "national_id", "type", "serial", "label")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(f), str) and raw[f] for f in fields):
        raise refusal(f"luxtrust needs the fields {', '.join(fields)}")
    return LuxTrustIdentity(
        subject=raw["subject"], national_id=raw["national_id"], given_name="", family_name="",
        device_type=raw["type"], device_serial=raw["serial"], device_label=raw["label"],
    )


def _refusing(action: Callable[[], T]) -> T:
    """Run a partner action; a refusal of the person's state becomes a 409."""
    try:
        return action()
    except Refused as error:
        raise refusal(str(error), 409) from error
