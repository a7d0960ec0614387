"""The login pages: the product and its password, then the device's code, PIN or phone approval."""

import hmac
import secrets

from bottle import Bottle, HTTPError, HTTPResponse, redirect

from reference_server.luxtrust.authentication import Outcome, Verdict
from reference_server.luxtrust.oidc import redirect_with
from reference_server.luxtrust.products import MOBILE, PRODUCTS, TOTP, Product
from reference_server.luxtrust.services import LuxTrustServices
from reference_server.luxtrust.store import LoginTransaction
from reference_server.luxtrust.web import current_session, form_text, json_response, render

BAD_CREDENTIALS = "Identifiant ou mot de passe incorrect."
LOCKED = "Votre produit LuxTrust est bloqué. Contactez le support LuxTrust."
EXPIRED = (
    "Cette demande de connexion n'existe pas ou a expiré. "
    "Retournez sur le site qui vous a envoyé vers LuxTrust et recommencez."
)
# For the client's developers, like every error_description: RFC 6749 allows only ASCII there.
CANCELLED = "The user cancelled the login."
REFUSED = "The login was refused in the LuxTrust Mobile app."
PROOF_HEADINGS = {TOTP: "Saisissez le code de votre Token", "pin": "Saisissez votre code PIN"}
PROOF_FIELDS = {TOTP: "code", "pin": "pin"}
PROOF_MISSING = {TOTP: "Saisissez le code affiché sur votre Token.", "pin": "Saisissez votre code PIN."}


def register(app: Bottle, services: LuxTrustServices) -> None:
    """Add the login pages to LuxTrust's app."""
    base = "/connexion/<transaction_id>"
    app.route(base, "GET", lambda transaction_id: product_page(services, transaction_id))
    app.route(base, "POST", lambda transaction_id: product_submit(services, transaction_id))
    app.route(f"{base}/code", "GET", lambda transaction_id: proof_page(services, transaction_id))
    app.route(f"{base}/code", "POST", lambda transaction_id: proof_submit(services, transaction_id))
    app.route(f"{base}/mobile", "GET", lambda transaction_id: mobile_page(services, transaction_id))
    app.route(f"{base}/mobile", "POST", lambda transaction_id: mobile_submit(services, transaction_id))
    app.route(f"{base}/statut", "GET", lambda transaction_id: mobile_status(services, transaction_id))


def _transaction(services: LuxTrustServices, transaction_id: str) -> LoginTransaction:
    """The login in the URL, if it is still running and belongs to this browser."""
    found = services.store.transaction(transaction_id)
    if found is None or not hmac.compare_digest(found.session_id, current_session().key):
        raise HTTPError(400, EXPIRED)
    return found


def _client_name(services: LuxTrustServices, transaction: LoginTransaction) -> str:
    """The name of the site that asked for this login."""
    client = services.config.client(transaction.client_id)
    return client.display_name if client else transaction.client_id


def _cancel(services: LuxTrustServices, transaction: LoginTransaction, description: str) -> None:
    """End the login and tell the client that access was denied."""
    services.store.end_transaction(transaction.id)
    redirect_with(transaction.redirect_uri, error="access_denied", error_description=description,
                  state=transaction.state)


def _complete(services: LuxTrustServices, transaction: LoginTransaction) -> None:
    """Issue a single-use code and send the browser back to the client with it."""
    code = secrets.token_urlsafe(32)
    if not services.store.complete_login(transaction, code, services.config.code_ttl_seconds):
        # The device was locked while this login was under way: it may not complete.
        _restart(services, transaction, LOCKED)
    redirect_with(transaction.redirect_uri, code=code, state=transaction.state)


def _restart(services: LuxTrustServices, transaction: LoginTransaction, notice: str) -> None:
    """Send the login back to the choice of product, which shows the notice once."""
    services.store.restart(transaction.id, notice)
    redirect(f"/connexion/{transaction.id}", 303)


def _expect_step(transaction: LoginTransaction, step: str) -> str:
    """The login's device, when the login is at this step; otherwise back to the first step."""
    if transaction.step != step or transaction.device_serial is None:
        redirect(f"/connexion/{transaction.id}", 303)
    return transaction.device_serial


# Step 1: the product, the user id and the password ---------------------------------------------


def product_page(services: LuxTrustServices, transaction_id: str) -> str:
    """The choice of product with the user id and password."""
    transaction = _transaction(services, transaction_id)
    notice = services.store.take_notice(transaction.id)
    return _product_form(services, transaction, errors={"device": notice} if notice else {})


def _product_form(
    services: LuxTrustServices, transaction: LoginTransaction, *, errors: dict[str, str],
    selected: str = "", user_id: str = "",
) -> str:
    """Render the first step."""
    return render(
        "produit.tpl", client_name=_client_name(services, transaction), transaction_id=transaction.id,
        products=list(PRODUCTS.values()), selected=selected, user_id=user_id, errors=errors,
    )


def product_submit(services: LuxTrustServices, transaction_id: str) -> str:
    """Check the password of the chosen product's user id, or cancel."""
    transaction = _transaction(services, transaction_id)
    if form_text("action") == "annuler":
        _cancel(services, transaction, CANCELLED)
    product_key, user_id = form_text("product"), form_text("user_id").strip()
    password = form_text("password")
    errors = _missing_credentials(product_key, user_id, password)
    if not errors:
        outcome = services.authenticator.check_password(product_key, user_id, password)
        if outcome.verdict is Verdict.OK:
            _next_step(services, transaction, outcome)
        errors = {"device": LOCKED} if outcome.verdict is Verdict.LOCKED else {"password": BAD_CREDENTIALS}
    return _product_form(services, transaction, errors=errors, selected=product_key, user_id=user_id)


def _missing_credentials(product_key: str, user_id: str, password: str) -> dict[str, str]:
    """What the first step lacks; none of this counts as a failure."""
    errors = {}
    if product_key not in PRODUCTS:
        errors["product"] = "Choisissez votre produit LuxTrust."
    if not user_id:
        errors["user_id"] = "Saisissez votre identifiant."
    if not password:
        errors["password"] = "Saisissez votre mot de passe."
    return errors


def _next_step(services: LuxTrustServices, transaction: LoginTransaction, outcome: Outcome) -> None:
    """After the right password: the phone's approval for LuxTrust Mobile, a code or PIN otherwise."""
    assert outcome.device is not None
    if PRODUCTS[outcome.device.type].proof == MOBILE:
        services.store.choose_device(transaction.id, outcome.device.serial, "mobile")
        redirect(f"/connexion/{transaction.id}/mobile", 303)
    services.store.choose_device(transaction.id, outcome.device.serial, "proof")
    redirect(f"/connexion/{transaction.id}/code", 303)


# Step 2: the Token's code or the card's PIN ----------------------------------------------------


def proof_page(services: LuxTrustServices, transaction_id: str) -> str:
    """The field for the device's code or PIN."""
    transaction = _transaction(services, transaction_id)
    return _proof_form(services, transaction, errors={})


def _proof_form(services: LuxTrustServices, transaction: LoginTransaction, *, errors: dict[str, str]) -> str:
    """Render the second step for the login's device."""
    serial = _expect_step(transaction, "proof")
    device = services.store.device(serial)
    assert device is not None, "devices are never deleted"
    product = PRODUCTS[device.type]
    return render(
        "code.tpl", client_name=_client_name(services, transaction), transaction_id=transaction.id,
        heading=PROOF_HEADINGS[product.proof], product=product, serial=serial, errors=errors,
    )


def proof_submit(services: LuxTrustServices, transaction_id: str) -> str:
    """Check the code or PIN, or cancel."""
    transaction = _transaction(services, transaction_id)
    if form_text("action") == "annuler":
        _cancel(services, transaction, CANCELLED)
    serial = _expect_step(transaction, "proof")
    product = _product_of(services, serial)
    field = PROOF_FIELDS[product.proof]
    proof = form_text(field).strip()
    if not proof:
        return _proof_form(services, transaction, errors={field: PROOF_MISSING[product.proof]})
    outcome = services.authenticator.check_proof(serial, proof)
    if outcome.verdict is Verdict.OK:
        _complete(services, transaction)
    if outcome.verdict is Verdict.LOCKED:
        _restart(services, transaction, LOCKED)
    message = f"Code incorrect. Il vous reste {outcome.tries_left} essai(s)."
    return _proof_form(services, transaction, errors={field: message})


def _product_of(services: LuxTrustServices, serial: str) -> Product:
    """The product of a device."""
    device = services.store.device(serial)
    assert device is not None, "devices are never deleted"
    return PRODUCTS[device.type]


# Step 2 with LuxTrust Mobile: waiting for the phone --------------------------------------------


def mobile_page(services: LuxTrustServices, transaction_id: str) -> str:
    """The page that waits for the approval on the phone."""
    transaction = _transaction(services, transaction_id)
    return _mobile_form(services, transaction, waiting=False)


def _mobile_form(services: LuxTrustServices, transaction: LoginTransaction, *, waiting: bool) -> str:
    """Render the waiting page, which names the phone by the end of its serial number."""
    serial = _expect_step(transaction, "mobile")
    return render(
        "mobile.tpl", client_name=_client_name(services, transaction), transaction_id=transaction.id,
        serial_end=serial[-4:], waiting=waiting,
    )


def mobile_submit(services: LuxTrustServices, transaction_id: str) -> str:
    """« Continuer »: finish if the phone approved, fail if it refused, else say it has not answered."""
    transaction = _transaction(services, transaction_id)
    if form_text("action") == "annuler":
        _cancel(services, transaction, CANCELLED)
    _expect_step(transaction, "mobile")
    if transaction.mobile_status == "approved":
        _complete(services, transaction)
    if transaction.mobile_status == "refused":
        _cancel(services, transaction, REFUSED)
    return _mobile_form(services, transaction, waiting=True)


def mobile_status(services: LuxTrustServices, transaction_id: str) -> HTTPResponse:
    """The phone's answer so far, polled by the waiting page's script."""
    found = services.store.transaction(transaction_id)
    if found is None or not hmac.compare_digest(found.session_id, current_session().key):
        return json_response({"status": "expired"}, 404)
    return json_response({"status": found.mobile_status or "expired"})
