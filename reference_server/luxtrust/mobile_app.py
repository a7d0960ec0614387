"""The simulated phone of a LuxTrust Mobile device, where a person approves or refuses a login."""

import datetime as dt
from zoneinfo import ZoneInfo

from bottle import Bottle, HTTPError, redirect, request

from reference_server.luxtrust.products import MOBILE, PRODUCTS
from reference_server.luxtrust.services import LuxTrustServices
from reference_server.luxtrust.web import form_text, render

LUXEMBOURG = ZoneInfo("Europe/Luxembourg")
ANSWERS = {"approuver": "approved", "refuser": "refused"}
RESULTS = {"approuvee": "Connexion approuvée.", "refusee": "Connexion refusée."}
RESULT_OF_ANSWER = {"approved": "approuvee", "refused": "refusee"}


def register(app: Bottle, services: LuxTrustServices) -> None:
    """Add the phone's page to LuxTrust's app."""
    app.route("/telephone/<serial>", "GET", lambda serial: phone_page(services, serial))
    app.route("/telephone/<serial>", "POST", lambda serial: phone_answer(services, serial))


def _mobile_device(services: LuxTrustServices, serial: str) -> None:
    """Only LuxTrust Mobile devices have a phone."""
    device = services.store.device(serial)
    if device is None or PRODUCTS[device.type].proof != MOBILE:
        raise HTTPError(404)


def phone_page(services: LuxTrustServices, serial: str) -> str:
    """The pending request, if any, with « Approuver » and « Refuser »."""
    _mobile_device(services, serial)
    pending = services.store.pending_approval(serial)
    result = RESULTS.get(request.query.get("resultat", ""), "")
    if pending is None:
        return render("telephone.tpl", serial=serial, result=result, pending=False)
    client = services.config.client(pending.client_id)
    requested = dt.datetime.fromtimestamp(pending.mobile_requested_at or 0, dt.UTC).astimezone(LUXEMBOURG)
    return render(
        "telephone.tpl", serial=serial, result=result, pending=True,
        pending_client=client.display_name if client else pending.client_id,
        requested_at=requested.strftime("%d/%m/%Y à %H:%M:%S"), request_id=pending.mobile_request,
    )


def phone_answer(services: LuxTrustServices, serial: str) -> None:
    """Record the answer to the request shown, then show the phone again."""
    _mobile_device(services, serial)
    status = ANSWERS.get(form_text("action"))
    if status and services.store.answer_approval(serial, form_text("demande"), status):
        redirect(f"/telephone/{serial}?resultat={RESULT_OF_ANSWER[status]}", 303)
    redirect(f"/telephone/{serial}", 303)
