"""Sending people to LuxTrust and handling their return, for every purpose the portal has."""

from collections.abc import Callable
from dataclasses import dataclass

from bottle import Bottle, redirect, request

from reference_server.luxtrust_client import LuxTrustError, LuxTrustIdentity, PendingLogin
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash, form_text

PENDING_KEY = "luxtrust_pending"
LUXTRUST_UNAVAILABLE = (
    "Le service LuxTrust est momentanément indisponible : la connexion avec votre produit "
    "LuxTrust n'a pas pu commencer. Veuillez réessayer dans quelques instants."
)

OTHER_PERSONS_PRODUCT = (
    "Ce produit LuxTrust appartient à une autre personne : il ne peut pas être associé à votre compte."
)
OTHER_ACCOUNTS_PRODUCT = "Ce produit LuxTrust est déjà associé à un autre compte eSanté."


@dataclass(frozen=True)
class Purpose:
    """Why the portal sends someone to LuxTrust, and what to do when they come back."""

    back: str
    cancelled: str
    on_identity: Callable[[LuxTrustIdentity], None]


def create_app(services: PortalServices, purposes: dict[str, Purpose]) -> Bottle:
    """The /luxtrust/ routes: « Connexion » buttons post here, and LuxTrust redirects back."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))

    @app.post("/luxtrust/connexion")
    def leave_for_luxtrust() -> None:
        purpose = form_text("purpose")
        if purpose not in purposes:
            redirect("/")
        try:
            url, pending = services.luxtrust.start()
        except LuxTrustError:
            # LuxTrust could not be asked where to send the person: say so where they clicked.
            flash(LUXTRUST_UNAVAILABLE)
            redirect(purposes[purpose].back)
        current_session().data[PENDING_KEY] = {**pending.as_dict(), "purpose": purpose}
        redirect(url)

    @app.get("/luxtrust/retour")
    def back_from_luxtrust() -> None:
        # Whatever happens next, this attempt is over: its state and nonce are used up.
        pending = current_session().data.pop(PENDING_KEY, None)
        if pending is None or pending.get("purpose") not in purposes:
            flash("Aucune connexion LuxTrust n'est en cours. Veuillez recommencer.")
            redirect("/")
        purpose = purposes[pending.pop("purpose")]
        identity = _identity(services, PendingLogin(**pending), purpose)
        purpose.on_identity(identity)
        redirect(purpose.back)

    return app


def association_refusal(services: PortalServices, matricule: str, identity: LuxTrustIdentity) -> str | None:
    """Why a product LuxTrust vouched for cannot be associated with the account, else None."""
    if identity.national_id != matricule:
        return OTHER_PERSONS_PRODUCT
    if services.accounts.owner_of_product(identity.device_serial) not in (None, matricule):
        return OTHER_ACCOUNTS_PRODUCT
    return None


def associate_own_product(services: PortalServices, matricule: str, identity: LuxTrustIdentity) -> bool:
    """Associate a product LuxTrust vouched for, if it is the account holder's; say what happened."""
    refusal = association_refusal(services, matricule, identity)
    # The check above may be overtaken by another account associating the product meanwhile.
    if refusal is None and not services.accounts.associate(matricule, identity):
        refusal = OTHER_ACCOUNTS_PRODUCT
    if refusal:
        flash(refusal)
        return False
    flash(f"Votre produit LuxTrust {identity.device_label} {identity.device_serial} "
          "est associé à votre compte.")
    return True


def _identity(services: PortalServices, pending: PendingLogin, purpose: Purpose) -> LuxTrustIdentity:
    """The verified identity LuxTrust sent back, or a redirect saying why there is none."""
    state = request.query.getunicode("state", default="") or ""
    if request.query.get("error"):
        # An error answer still carries the state: anything else did not come from this attempt.
        if state == pending.state and request.query.get("error") == "access_denied":
            flash(purpose.cancelled)
        else:
            flash("La connexion LuxTrust n'a pas abouti. Veuillez réessayer.")
        redirect(purpose.back)
    try:
        return services.luxtrust.finish(pending, state, request.query.getunicode("code", default="") or "")
    except LuxTrustError:
        flash("La connexion LuxTrust n'a pas pu être vérifiée. Veuillez réessayer.")
        redirect(purpose.back)
        raise
