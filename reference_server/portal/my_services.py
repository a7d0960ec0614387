"""Signing in with LuxTrust, « Mes services eSanté », and signing out (guides p. 10–11 and 16–17)."""

from dataclasses import dataclass

from bottle import Bottle, HTTPError, redirect, response

from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.accounts import Account
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash, render, replace_session

ACCOUNT_KEY = "account"
# Where the idle-session warning's « Rester connecté » posts (layout.tpl).
KEEP_ALIVE = "/session/prolonger"
NOT_SIGNED_IN = "Votre session a expiré. Connectez-vous à nouveau pour continuer."


@dataclass(frozen=True)
class Service:
    """One entry of « Mes services eSanté »; `href` is None where this world has no such service."""

    name: str
    description: str
    href: str | None = None


PATIENT_SERVICES = (
    Service("Dossier de Soins Partagé (DSP)",
            "Vos documents médicaux et les professionnels de santé qui vous suivent.", "/dsp"),
    Service("Gérer mon compte", "Vos moyens d'authentification et vos notifications."),
)
PROFESSIONAL_SERVICES = (
    Service("Dossier de Soins Partagé (DSP)", "Les dossiers de vos patients."),
    Service("Remboursement accéléré des mémoires d'honoraires",
            "La transmission de vos mémoires d'honoraires à la CNS."),
    Service("Carnet de vaccination électronique", "Bientôt disponible."),
    Service("Prescription digitale", "Bientôt disponible."),
    Service("Gérer mon compte", "Vos moyens d'authentification et vos notifications."),
)


class SignIn:
    """Open a signed-in session for the owner of a LuxTrust product."""

    def __init__(self, services: PortalServices, page: str) -> None:
        self.services = services
        self.page = page

    def with_luxtrust(self, identity: LuxTrustIdentity) -> None:
        """Sign in whoever owns the product, or explain why the product cannot be used."""
        owner = self.services.accounts.owner_of_product(identity.device_serial)
        if owner is None or owner != identity.national_id:
            flash(
                "Ce produit LuxTrust n'est associé à aucun compte eSanté. Activez d'abord votre "
                "compte avec « J'active mon compte », puis associez-y votre produit LuxTrust."
            )
            redirect(self.page)
        start_session(self.services, owner, "luxtrust")
        redirect("/mes-services")


def start_session(services: PortalServices, matricule: str, method: str) -> None:
    """A new session for the signed-in person: a new id, against session fixation."""
    account = services.accounts.get(matricule)
    if account is None:
        raise ValueError("no account to sign in")
    fresh = services.sessions.rotate(current_session())
    fresh.data = signed_in_data(account, method, fresh.data["csrf"])
    replace_session(fresh)


def signed_in_data(account: Account, method: str, csrf: str) -> dict[str, object]:
    """What a signed-in session holds: its CSRF token, whose account it is and how they signed in."""
    return {
        "csrf": csrf,
        ACCOUNT_KEY: account.matricule,
        "account_name": f"{account.first_name} {account.last_name}",
        "sign_in_method": method,
    }


def create_app(services: PortalServices) -> Bottle:
    """« Mes services eSanté » and « Déconnexion »."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))

    @app.get("/mes-services")
    def my_services() -> str:
        matricule = current_session().data.get(ACCOUNT_KEY)
        account = services.accounts.get(str(matricule)) if matricule else None
        if account is None:
            flash("Veuillez vous connecter pour accéder à vos services eSanté.")
            redirect("/connexion")
        listed = PROFESSIONAL_SERVICES if account.kind == "professional" else PATIENT_SERVICES
        return render("my_services.tpl", account=account, services=listed,
                      products=services.accounts.products(account.matricule))

    @app.post(KEEP_ALIVE)
    def keep_alive() -> str:
        # Saving the session (the plugin does, after the CSRF check) starts its idle time over.
        # No page is rendered, so the messages waiting for the next page are left for it.
        if current_session().data.get(ACCOUNT_KEY) is None:
            raise HTTPError(403, NOT_SIGNED_IN)
        response.status = 204
        return ""

    @app.post("/deconnexion")
    def sign_out() -> None:
        services.sessions.end(current_session().token)
        replace_session(services.sessions.new())
        flash("Vous êtes déconnecté.")
        redirect("/")

    return app
