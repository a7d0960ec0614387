"""The five-step patient activation wizard (quick guide, pp. 9–14)."""

from __future__ import annotations

from typing import Any

import bottle

from . import rules
from .pages import PREFILL_KEY
from .web import Context, current_session, field, go, posted_session, raw_field, render
from .world import (
    MAX_WRONG_ONE_TIME_CODES,
    ONE_TIME_CODE_LIFETIME,
    Account,
    CodeCheck,
    Session,
    hash_secret,
    now,
    secret_matches,
)

HELPDESK = "(+352) 27 12 50 18 33"
MATRICULE_ERROR = (
    "Le matricule saisi n'est pas valable : il compte 13 chiffres (date de naissance et 5 chiffres)."
)
EMAIL_ERROR = "L'adresse e-mail saisie n'est pas valable."
CODE_CHECK_ERRORS = {
    CodeCheck.WRONG: "Ce code d'activation n'est pas valable pour ce matricule. Vérifiez votre courrier.",
    CodeCheck.USED: f"Ce code d'activation a déjà servi. Contactez le helpdesk au {HELPDESK}.",
    CodeCheck.LOCKED: (
        "Trop de codes d'activation erronés : l'activation de ce matricule est bloquée. "
        f"Contactez le helpdesk au {HELPDESK}."
    ),
}


def step_url(step: int) -> str:
    """The address of a wizard step."""
    return f"/activation/etape-{step}"


def wizard_at(session: Session, step: int) -> dict[str, Any]:
    """The session's wizard when it may be at this step; otherwise redirect to where it stands."""
    wizard = session.data.get("wizard")
    if wizard is None:
        go("/activation/cgu")
    created = wizard.get("created", False)
    allowed = step in (4, 5) if created else step <= min(wizard["reached"], 3)
    if not allowed:
        go(step_url(wizard["reached"]))
    return wizard


def install_wizard(app: bottle.Bottle, ctx: Context) -> None:
    """Add the wizard's five steps to the app."""
    install_step_1(app, ctx)
    install_step_2(app, ctx)
    install_step_3(app, ctx)
    install_steps_4_and_5(app, ctx)


# Step 1: matricule, « Avez-vous reçu votre code d'activation ? », activation code.


def step_1_page(ctx: Context, session: Session, **values: Any) -> str:
    """Render step 1 in the state the wizard is in."""
    wizard = wizard_at(session, 1)
    values.setdefault("matricule", wizard.get("matricule", ""))
    label = "Numéro d'identification" if ctx.has_fault("renamed_matricule_label") else "Matricule"
    return render(
        "etape1",
        session,
        matricule_label=label,
        matricule_accepted="matricule" in wizard,
        matricule_errors=values.pop("matricule_errors", []),
        code_errors=values.pop("code_errors", []),
        answer=values.pop("answer", ""),
        **values,
    )


def install_step_1(app: bottle.Bottle, ctx: Context) -> None:
    """Add step 1: the matricule, then the letter's activation code."""

    @app.get(step_url(1))
    def show() -> str:
        return step_1_page(ctx, current_session(ctx))

    @app.post(step_url(1) + "/matricule")
    def check_matricule() -> str:
        session = posted_session(ctx)
        wizard = wizard_at(session, 1)
        typed = field("matricule")
        for key in ("matricule", "password_hash", "otp"):
            wizard.pop(key, None)
        wizard["reached"] = 1
        if not rules.matricule_is_valid(typed):
            return step_1_page(ctx, session, matricule=typed, matricule_errors=[MATRICULE_ERROR])
        wizard["matricule"] = rules.only_digits(typed)
        go(step_url(1))

    @app.post(step_url(1) + "/code")
    def check_code() -> str:
        session = posted_session(ctx)
        wizard = wizard_at(session, 1)
        if "matricule" not in wizard:
            go(step_url(1))
        answer = field("recu")
        if answer == "non":
            session.data[PREFILL_KEY] = wizard["matricule"]
            go("/activation/demande-de-code")
        errors = activation_code_errors(ctx, wizard, answer, field("code"))
        if errors:
            return step_1_page(ctx, session, code_errors=errors, answer=answer)
        wizard["reached"] = 3 if ctx.has_fault("skip_password_step") else 2
        go(step_url(wizard["reached"]))


def activation_code_errors(ctx: Context, wizard: dict[str, Any], answer: str, code: str) -> list[str]:
    """What is wrong with the answer to « Avez-vous reçu votre code d'activation ? » and the code."""
    if answer != "oui":
        return ["Indiquez si vous avez reçu votre code d'activation."]
    if not code:
        return ["Saisissez le code d'activation indiqué sur votre courrier."]
    outcome = ctx.world.check_activation_code(wizard["matricule"], rules.only_digits(code))
    return [] if outcome is CodeCheck.ACCEPTED else [CODE_CHECK_ERRORS[outcome]]


# Step 2: the password.


def install_step_2(app: bottle.Bottle, ctx: Context) -> None:
    """Add step 2: the personal password and its confirmation."""

    @app.get(step_url(2))
    def show() -> str:
        session = current_session(ctx)
        wizard_at(session, 2)
        return render("etape2", session)

    @app.post(step_url(2))
    def choose_password() -> str:
        session = posted_session(ctx)
        wizard = wizard_at(session, 2)
        password = raw_field("mot_de_passe")
        require_digit = not ctx.has_fault("password_without_digit")
        errors = rules.password_problems(password, raw_field("confirmation"), require_digit=require_digit)
        if errors:
            return render("etape2", session, errors=errors)
        wizard["password_hash"] = hash_secret(password)
        wizard["reached"] = 3
        go(step_url(3))


# Step 3: the one-time code, by « Mobile » or « E-mail ».


def step_3_page(ctx: Context, session: Session, **values: Any) -> str:
    """Render step 3: the choice of channel, or the code's entry once a code is sent."""
    wizard = wizard_at(session, 3)
    otp = wizard.get("otp")
    previous = 1 if ctx.has_fault("skip_password_step") else 2
    values.setdefault("channel", "")
    return render("etape3", session, sent_to=otp and otp["shown_as"], previous_step=previous, **values)


def contact_of(channel: str, values: dict[str, str]) -> tuple[str | None, str]:
    """The normalized number or address for the chosen channel, or None with the reason."""
    if channel == "mobile":
        mobile = rules.luxembourg_mobile(values["mobile"])
        return mobile, "Le numéro saisi n'est pas un numéro de mobile luxembourgeois (ex. 691 123 456)."
    if channel == "email":
        email = values["email"]
        return (email if rules.email_is_plausible(email) else None), EMAIL_ERROR
    return None, "Choisissez de recevoir le code par « Mobile » ou par « E-mail »."


def send_one_time_code(ctx: Context, channel: str, contact: str) -> dict[str, Any]:
    """Send a fresh one-time code and return what the wizard keeps of it."""
    code = rules.one_time_code()
    text = (
        f"Votre code à usage unique eSanté est {code}. Il est valable 10 minutes. "
        "Ne le communiquez à personne."
    )
    if channel == "mobile":
        ctx.world.send(contact, "sms", "", f"eSanté : {text}", code)
    else:
        ctx.world.send(
            contact,
            "email",
            "eSanté : votre code à usage unique",
            f"Bonjour,\n\n{text}\n\nL'Agence eSanté",
            code,
        )
    return {
        "hash": hash_secret(code),
        "expires": now() + ONE_TIME_CODE_LIFETIME,
        "tries": 0,
        "channel": channel,
        "contact": contact,
        "shown_as": contact,
    }


def one_time_code_error(otp: dict[str, Any], code: str) -> str | None:
    """Why a typed one-time code is refused, or None when it is right."""
    if otp["tries"] >= MAX_WRONG_ONE_TIME_CODES:
        return "Trop d'essais : choisissez à nouveau un moyen de réception pour recevoir un nouveau code."
    if now() > otp["expires"]:
        return "Ce code a expiré : choisissez à nouveau un moyen de réception pour recevoir un nouveau code."
    if not (len(code) == 6 and code.isdigit() and secret_matches(code, otp["hash"])):
        otp["tries"] += 1
        return "Le code saisi n'est pas celui que nous vous avons envoyé."
    return None


def install_step_3(app: bottle.Bottle, ctx: Context) -> None:
    """Add step 3: the channel, then the code received."""

    @app.get(step_url(3))
    def show() -> str:
        return step_3_page(ctx, current_session(ctx))

    @app.post(step_url(3) + "/canal")
    def choose_channel() -> str:
        session = posted_session(ctx)
        wizard = wizard_at(session, 3)
        channel = field("canal")
        values = {"mobile": field("mobile"), "email": field("email")}
        contact, reason = contact_of(channel, values)
        if contact is None:
            return step_3_page(ctx, session, errors=[reason], channel=channel, values=values)
        wizard["otp"] = send_one_time_code(ctx, channel, contact)
        go(step_url(3))

    @app.post(step_url(3) + "/changer")
    def change_channel() -> str:
        session = posted_session(ctx)
        wizard_at(session, 3).pop("otp", None)
        go(step_url(3))

    @app.post(step_url(3) + "/code")
    def check_one_time_code() -> str:
        session = posted_session(ctx)
        wizard = wizard_at(session, 3)
        otp = wizard.get("otp")
        if otp is None:
            go(step_url(3))
        error = one_time_code_error(otp, rules.only_digits(field("code")))
        if error is None:
            error = create_account(ctx, wizard)
        if error is not None:
            return step_3_page(ctx, session, errors=[error])
        go(step_url(4))


def create_account(ctx: Context, wizard: dict[str, Any]) -> str | None:
    """Create the account once the one-time code is accepted; the reason when it cannot be."""
    otp = wizard.pop("otp")
    account = Account(wizard["matricule"], wizard.get("password_hash"), otp["channel"], otp["contact"], now())
    if not ctx.world.create_account(account):
        return f"Ce code d'activation a déjà servi. Contactez le helpdesk au {HELPDESK}."
    wizard.pop("password_hash", None)
    wizard.update(created=True, reached=4)
    return None


# Steps 4 and 5: the optional LuxTrust product, then the confirmation.


def install_steps_4_and_5(app: bottle.Bottle, ctx: Context) -> None:
    """Add step 4 (LuxTrust, optional and unavailable here) and step 5 (confirmation)."""

    @app.get(step_url(4))
    def luxtrust() -> str:
        session = current_session(ctx)
        wizard_at(session, 4)
        return render("etape4", session)

    @app.get(step_url(5))
    def confirmation() -> str:
        session = current_session(ctx)
        wizard_at(session, 5)["reached"] = 5
        return render("etape5", session)
