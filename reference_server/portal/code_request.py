"""« Je n'ai pas de code d'activation »: the form asking for a new letter (patient guide p. 7)."""

import re

from bottle import Bottle, request, response

from reference_server.domain import contact, matricule
from reference_server.portal.register import CodeRequest, Register
from reference_server.portal.web import form_text, render

FIELDS = ("matricule", "last_name", "first_name", "email", "mobile", "street", "postcode", "locality")
POSTCODE = re.compile(r"^(?:L-?)?(\d{4})$", re.IGNORECASE)
MAX_TEXT = 120
REQUIRED = {
    "last_name": "Veuillez renseigner votre nom.",
    "first_name": "Veuillez renseigner votre prénom.",
    "street": "Veuillez renseigner votre rue et votre numéro.",
    "locality": "Veuillez renseigner votre localité.",
}

Errors = dict[str, list[str]]


def add_routes(app: Bottle, register: Register) -> None:
    """Mount the form on the activation area."""

    @app.get("/patient/demande-de-code")
    def show() -> str:
        values = dict.fromkeys(FIELDS, "")
        values["matricule"] = request.query.getunicode("matricule", default="") or ""
        return render("code_request.tpl", values=values, errors={})

    @app.post("/patient/demande-de-code")
    def submit() -> str:
        values = {name: form_text(name).strip() for name in FIELDS}
        cleaned, errors = validate(values)
        if errors:
            response.status = 422
            return render("code_request.tpl", values=values, errors=errors)
        register.record_code_request(cleaned)
        return render("code_request_done.tpl")


def validate(values: dict[str, str]) -> tuple[CodeRequest, Errors]:
    """Check every field at once and return the cleaned request with the problems found."""
    errors: Errors = {}
    checked = matricule.check(values["matricule"])
    if checked.error:
        errors["matricule"] = [checked.error]
    for name, message in REQUIRED.items():
        if not values[name]:
            errors[name] = [message]
        elif len(values[name]) > MAX_TEXT:
            errors[name] = [f"Ce champ ne doit pas dépasser {MAX_TEXT} caractères."]
    email, mobile = _contacts(values, errors)
    postcode = POSTCODE.match(values["postcode"].replace(" ", ""))
    if not postcode:
        errors["postcode"] = ["Le code postal doit comporter 4 chiffres (ex. L-1234)."]
    cleaned = CodeRequest(
        matricule=checked.number, last_name=values["last_name"], first_name=values["first_name"],
        email=email, mobile=mobile, street=values["street"],
        postcode=f"L-{postcode.group(1)}" if postcode else "", locality=values["locality"],
    )
    return cleaned, errors


def _contacts(values: dict[str, str], errors: Errors) -> tuple[str, str]:
    """At least one way to reach the person; each one given must be valid."""
    if not values["email"] and not values["mobile"]:
        message = "Indiquez au moins une adresse e-mail ou un numéro de téléphone portable."
        errors["email"] = [message]
        return "", ""
    email = contact.check_email(values["email"]) if values["email"] else None
    mobile = contact.check_mobile(values["mobile"]) if values["mobile"] else None
    if email and email.error:
        errors["email"] = [email.error]
    if mobile and mobile.error:
        errors["mobile"] = [mobile.error]
    return (email.value if email else ""), (mobile.value if mobile else "")
