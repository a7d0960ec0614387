"""Test-support shortcuts: put a persona straight into a state the guides reach by a walk.

A harness uses them for the « Étant donné » of scenarios that are not about that walk. Each one
goes through the same domain services as the pages it stands for (the letter is used up, the
product associated, the assistant traced), so the state it leaves is the one the walk leaves.
They are optional capabilities of the contract: a target without them is walked through its UI.
"""

import json
import urllib.error
import urllib.request
from dataclasses import asdict
from urllib.parse import quote

from bottle import Bottle, response

from reference_server.domain import codes, contact, password
from reference_server.domain.wizard import WizardProgress
from reference_server.json_api import json_body, refusal
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.activation import PATIENT_STEPS, PatientWizard
from reference_server.portal.activation_letters import CodeVerdict, NewAccount
from reference_server.portal.my_services import signed_in_data
from reference_server.portal.professional_activation import PROFESSIONAL_STEPS, ProfessionalWizard
from reference_server.portal.register import Person
from reference_server.portal.services import PortalServices
from reference_server.portal.wizard import ActivationWizard

# The guide's sign-in methods: matricule, password and code (patients), or a LuxTrust product.
SIGN_IN_METHODS = ("password", "luxtrust")
INDEX = {
    "accounts": 'POST /_test/accounts {"matricule", "password", "otp_channel", "luxtrust": [SERIAL]}',
    "sessions": 'POST /_test/sessions {"matricule", "method"}',
    "assistants": 'POST /_test/dsp/assistants {"holder", "assistant"}',
    "wizards": 'POST /_test/wizards {"matricule", "activation_code", "step": 1-4, "password", "otp_channel"}',
    "wizards/professionnel":
        'POST /_test/wizards/professionnel {"matricule", "activation_code", "luxtrust": SERIAL, "step": 1-4}',
}
# The patient wizard's steps a shortcut may open: once the CGU are accepted, after the letter,
# the password, the account.
WIZARD_STEPS = (1, 2, 3, 4)
# The professional wizard's: once the CGU are accepted, after the LuxTrust product, the letter,
# the register's information.
PROFESSIONAL_WIZARD_STEPS = (1, 2, 3, 4)


def register(app: Bottle, services: PortalServices) -> None:
    """Add the shortcut routes to the /_test/ application."""
    app.route("/accounts", "POST", lambda: activate_account(services))
    app.route("/sessions", "POST", lambda: open_session(services))
    app.route("/dsp/assistants", "POST", lambda: add_assistant(services))
    app.route("/wizards", "POST", lambda: open_wizard(services))
    app.route("/wizards/professionnel", "POST", lambda: open_professional_wizard(services))


def activate_account(services: PortalServices) -> dict[str, object]:
    """Use up the persona's letter and create its account, as the wizard's last step does."""
    body = json_body()
    person = _person(services, body.get("matricule"))
    chosen = _password(body.get("password"), required=False)
    channel = _channel(body.get("otp_channel"))
    products = [_luxtrust_identity(services, serial) for serial in _serials(body.get("luxtrust"))]
    if chosen is None and not products:
        raise refusal("an account needs a password or a LuxTrust product to sign in with")
    password_hash = services.hasher.hash(chosen) if chosen else None
    _create_account(services, person, password_hash, channel, products[0] if products else None)
    for identity in products[1:]:
        services.accounts.associate(person.matricule, identity)
    response.status = 201
    return {"matricule": person.matricule, "otp_channel": channel.value,
            "luxtrust": [identity.device_serial for identity in products]}


def open_wizard(services: PortalServices) -> dict[str, object]:
    """A session whose patient wizard stands at a step, as walking the steps before it leaves it."""
    body = json_body()
    step = _step(body, WIZARD_STEPS)
    progress = WizardProgress(steps=len(PATIENT_STEPS))
    if step == 1:
        # Accepting the CGU tells the portal nothing of the person: the letter is checked at step 1.
        return _wizard_session(services, PatientWizard, progress, step)
    person = _person(services, body.get("matricule"))
    # Step 1's check, as the person's typing would make it: a used or expired letter opens nothing.
    _check_letter(services, person, body.get("activation_code"))
    progress.data = {"matricule": person.matricule, "matricule_checked": True, "code_verified": True}
    progress.complete(1)
    if step >= 3:
        chosen = _password(body.get("password"), required=True)
        progress.data["password_hash"] = services.hasher.hash(str(chosen))
        progress.complete(2)
    if step == 4:
        channel = _channel(body.get("otp_channel"))
        _create_account(services, person, str(progress.data["password_hash"]), channel, None)
        progress.data = {"matricule": person.matricule}
        progress.complete(3)
        progress.close_before(4)
    return _wizard_session(services, PatientWizard, progress, step)


def open_professional_wizard(services: PortalServices) -> dict[str, object]:
    """A session whose professional wizard stands at a step, as walking the steps before it leaves it."""
    body = json_body()
    step = _step(body, PROFESSIONAL_WIZARD_STEPS)
    progress = WizardProgress(steps=len(PROFESSIONAL_STEPS))
    if step == 1:
        # The CGU accepted and nothing else: step 1 is where the LuxTrust product is associated.
        return _wizard_session(services, ProfessionalWizard, progress, step)
    person = _person(services, body.get("matricule"))
    # Step 1: LuxTrust vouched for the product, which may be another person's (a scenario's refusal).
    identity = _luxtrust_identity(services, _serials([body.get("luxtrust")])[0])
    progress.data = {"luxtrust": asdict(identity)}
    progress.complete(1)
    if step >= 3:
        # Step 2's checks: the letter's code, a professional's matricule, the product's holder.
        _check_letter(services, person, body.get("activation_code"))
        if person.kind != "professional" or identity.national_id != person.matricule:
            raise refusal("step 2 refuses a patient, or a LuxTrust product of another person", 409)
        progress.data.update(matricule=person.matricule, code_verified=True)
        progress.complete(2)
    if step == 4:
        progress.complete(3)
    return _wizard_session(services, ProfessionalWizard, progress, step)


def _step(body: dict[str, object], allowed: tuple[int, ...]) -> int:
    """The wizard step the request asks for, one a shortcut may open, or a 400."""
    step = body.get("step")
    if not isinstance(step, int) or step not in allowed:
        raise refusal(f"step is one of {', '.join(map(str, allowed))}")
    return step


def _check_letter(services: PortalServices, person: Person, typed: object) -> None:
    """Check the letter's code as the wizard's code step does, or refuse with a 409."""
    code = codes.clean_activation_code(str(typed or ""))
    verdict = services.letters.check(person.matricule, code).verdict
    if verdict is not CodeVerdict.ACCEPTED:
        raise refusal(f"the letter's code is not accepted: {verdict.name.lower()}", 409)


def _wizard_session(
    services: PortalServices, wizard: type[ActivationWizard], progress: WizardProgress, step: int
) -> dict[str, object]:
    """A new session holding a wizard's progress, answered with its cookie and the step's page."""
    session = services.sessions.new()
    session.data[wizard.session_key] = progress.as_dict()
    services.sessions.save(session)
    response.status = 201
    return {"cookies": [_cookie(services, session.token)], "url": f"{wizard.start}/etape-{step}".lstrip("/")}


def _create_account(
    services: PortalServices, person: Person, password_hash: str | None, channel: contact.Channel,
    product: LuxTrustIdentity | None,
) -> None:
    """Use up the letter and create the account in one transaction, or refuse with a 409."""
    created = services.letters.activate(
        NewAccount(
            matricule=person.matricule,
            password_hash=password_hash,
            otp_channel=channel.value,
            email=person.email if channel is contact.Channel.EMAIL else None,
            mobile=person.mobile if channel is contact.Channel.SMS else None,
            luxtrust=product,
        )
    )
    if not created:
        raise refusal("the persona's letter is used up or expired, or the account exists", 409)


def open_session(services: PortalServices) -> dict[str, object]:
    """A signed-in session for an account, as a finished sign-in opens it."""
    body = json_body()
    person = _person(services, body.get("matricule"))
    method = str(body.get("method") or "password")
    if method not in SIGN_IN_METHODS:
        raise refusal(f"method is one of {', '.join(SIGN_IN_METHODS)}")
    account = services.accounts.get(person.matricule)
    if account is None:
        raise refusal("the persona has no account to sign in to", 409)
    session = services.sessions.new()
    session.data = signed_in_data(account, method, session.data["csrf"])
    services.sessions.save(session)
    response.status = 201
    # Relative, as the portal may sit behind a proxy under another name.
    return {"cookies": [_cookie(services, session.token)], "url": "mes-services"}


def add_assistant(services: PortalServices) -> dict[str, object]:
    """Make an account holder « Assistant DSP » of a record, as its holder's « ✓ » does."""
    body = json_body()
    holder = _person(services, body.get("holder"))
    assistant = _person(services, body.get("assistant"))
    record = services.dsp.own_record(holder.matricule)
    outcome = services.dsp.add_assistant(record.id, holder.matricule, assistant.matricule, "")
    if outcome.refusal is not None:
        raise refusal(f"the assistant cannot be added: {outcome.refusal.name.lower()}", 409)
    response.status = 201
    return {"record_id": record.id, "assistant": assistant.matricule}


def _cookie(services: PortalServices, token: str) -> dict[str, object]:
    """The session cookie as the portal sets it, for the harness to give its browser."""
    return {"name": services.sessions.cookie_name, "value": token, "path": "/", "httpOnly": True,
            "sameSite": "Lax"}


def _password(raw: object, *, required: bool) -> str | None:
    """The request's password, which must follow the guide's rules, as step 2 would check it."""
    if raw is None and not required:
        return None
    if not isinstance(raw, str) or password.problems(raw, raw):
        raise refusal("password breaks the portal's password rules")
    return raw


def _person(services: PortalServices, number: object) -> Person:
    """The register's person with that matricule, or a 422."""
    person = services.register.person(str(number or ""))
    if person is None:
        # Not 404, which says that the shortcut itself is missing and makes a harness walk instead.
        raise refusal("no persona with this matricule", 422)
    return person


def _channel(raw: object) -> contact.Channel:
    """The one-time code channel of the request, SMS unless told."""
    try:
        return contact.Channel(str(raw or contact.Channel.SMS.value))
    except ValueError as error:
        raise refusal("otp_channel is sms or email") from error


def _serials(raw: object) -> list[str]:
    """The LuxTrust product serials of the request."""
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(serial, str) and serial for serial in raw):
        raise refusal("luxtrust lists the serials of the persona's LuxTrust products")
    return raw


def _luxtrust_identity(services: PortalServices, serial: str) -> LuxTrustIdentity:
    """What LuxTrust would vouch for at a login with this product, asked of its test support."""
    if services.luxtrust_test_support is None:
        raise refusal("LuxTrust's test-support interface is not available", 404)
    url = services.luxtrust_test_support + "devices/" + quote(serial, safe="")
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            device = json.load(answer)
    except urllib.error.HTTPError as error:
        raise refusal(f"LuxTrust knows no product {serial}", error.code) from error
    return LuxTrustIdentity(
        subject=str(device["subject"]), national_id=str(device["national_id"]),
        given_name=str(device["given_name"]), family_name=str(device["family_name"]),
        device_type=str(device["type"]), device_serial=serial, device_label=str(device["label"]),
    )
