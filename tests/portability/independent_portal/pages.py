"""The portal's pages outside the wizard: home, « Connexion », patient page, CGU, guide and code request."""

from __future__ import annotations

import bottle

from . import cgu, rules
from .web import Context, current_session, field, go, posted_session, render
from .world import CodeRequest, now

PREFILL_KEY = "prefill_matricule"


def install_pages(app: bottle.Bottle, ctx: Context) -> None:
    """Add the pages outside the wizard to the app."""

    @app.get("/")
    def home() -> str:
        return render("home", current_session(ctx))

    @app.get("/connexion")
    def connexion() -> str:
        return render("connexion", current_session(ctx))

    @app.get("/patient")
    def patient() -> str:
        return render("patient", current_session(ctx))

    @app.get("/professionnel")
    def professionnel() -> str:
        return render("professionnel", current_session(ctx))

    @app.get("/aide/guide-en-ligne")
    def guide() -> str:
        return render("guide", current_session(ctx))

    install_cgu(app, ctx)
    install_code_request(app, ctx)


def install_cgu(app: bottle.Bottle, ctx: Context) -> None:
    """Add the CGU page, its PDF and the start of the wizard."""

    def cgu_page(errors: list[str]) -> str:
        return render("cgu", current_session(ctx), errors=errors, cgu_title=cgu.TITLE, articles=cgu.ARTICLES)

    @app.get("/activation/cgu")
    def show_cgu() -> str:
        return cgu_page([])

    @app.post("/activation/cgu")
    def accept_cgu() -> str:
        session = posted_session(ctx)
        if field("accepte") != "oui" and not ctx.has_fault("cgu_not_required"):
            return cgu_page(["Pour activer votre compte, cochez la case d'acceptation des CGU."])
        session.data["wizard"] = {"reached": 1}
        go("/activation/etape-1")

    @app.get("/activation/cgu.pdf")
    def cgu_pdf() -> bytes:
        bottle.response.content_type = "application/pdf"
        bottle.response.set_header("Content-Disposition", 'inline; filename="CGU-eSante.pdf"')
        return cgu.pdf_bytes()


def code_request_errors(values: dict[str, str]) -> list[str]:
    """What is wrong with a request for a new activation letter, in French."""
    errors = []
    if not values["nom"]:
        errors.append("Indiquez votre nom et votre prénom.")
    if not rules.matricule_is_valid(values["matricule"]):
        errors.append("Le matricule saisi n'est pas valable : il compte 13 chiffres.")
    if values["email"] and not rules.email_is_plausible(values["email"]):
        errors.append("L'adresse e-mail saisie n'est pas valable.")
    if not values["adresse"]:
        errors.append("Indiquez l'adresse postale à laquelle envoyer le nouveau courrier.")
    return errors


def install_code_request(app: bottle.Bottle, ctx: Context) -> None:
    """Add the « Je n'ai pas de code d'activation » form."""

    @app.get("/activation/demande-de-code")
    def show_request() -> str:
        session = current_session(ctx)
        return render("demande", session, values={"matricule": session.data.get(PREFILL_KEY, "")})

    @app.post("/activation/demande-de-code")
    def send_request() -> str:
        session = posted_session(ctx)
        values = {name: field(name) for name in ("nom", "matricule", "email", "adresse")}
        errors = code_request_errors(values)
        if errors:
            return render("demande", session, errors=errors, values=values)
        ctx.world.record_code_request(
            CodeRequest(
                values["nom"],
                rules.only_digits(values["matricule"]),
                values["email"],
                values["adresse"],
                now(),
            )
        )
        go("/activation/demande-de-code/envoyee")

    @app.get("/activation/demande-de-code/envoyee")
    def request_sent() -> str:
        return render("demande_ok", current_session(ctx))
