"""« Paramètres »: the contacts MyGuichet.lu knows, and the revocable eSanté consent (p. 5)."""

from typing import TYPE_CHECKING

from bottle import Bottle, redirect

from reference_server.domain import contact
from reference_server.myguichet.dsp import UNAVAILABLE
from reference_server.myguichet.esante_client import EsanteRefused, EsanteUnavailable
from reference_server.sessions import flash, form_text

if TYPE_CHECKING:
    from reference_server.myguichet.app import MyGuichetServices, Pages

PAGE = "/parametres"
TRAIL = (("", "Paramètres"),)
SAVED = "Vos coordonnées sont enregistrées."
REVOKED = (
    "Votre consentement est révoqué : MyGuichet.lu ne partage plus votre identifiant national avec "
    "l'Agence eSanté. Votre compte eSanté reste accessible sur www.esante.lu."
)


class SettingsPages:
    """« Paramètres »: showing and changing the contacts, and revoking the consent."""

    def __init__(self, services: "MyGuichetServices", pages: "Pages") -> None:
        self.services = services
        self.pages = pages

    def install(self, app: Bottle) -> None:
        """Add the routes to MyGuichet.lu's app."""
        app.route(PAGE, "GET", self.show)
        app.route(f"{PAGE}/coordonnees", "POST", self.save_contacts)
        app.route(f"{PAGE}/consentement-esante/revocation", "POST", self.revoke)

    def show(self, errors: dict[str, str] | None = None, typed: dict[str, str] | None = None) -> str:
        """The contacts, as stored or as just typed, and the consent's state."""
        citizen = self.pages.citizen()
        consent = self.services.citizens.consent(citizen.national_id)
        granted_on = consent.granted_at.strftime("%d/%m/%Y") if consent else None
        shown = typed or {"email": citizen.email or "", "mobile": citizen.mobile or ""}
        return self.pages.render("settings.tpl", "Paramètres", TRAIL, consent=consent,
                                 granted_on=granted_on, errors=errors or {}, typed=shown)

    def save_contacts(self) -> str:
        """« Enregistrer »: both contacts are checked first, and stored together or not at all."""
        citizen = self.pages.citizen()
        typed = {"email": form_text("email").strip(), "mobile": form_text("mobile").strip()}
        checks = {
            "email": contact.check_optional(typed["email"], contact.check_email),
            "mobile": contact.check_optional(typed["mobile"], contact.check_mobile),
        }
        errors = {key: check.error for key, check in checks.items() if check and check.error}
        if errors:
            return self.show(errors, typed)
        self.services.citizens.set_contacts(
            citizen.national_id,
            email=checks["email"].value if checks["email"] else None,
            mobile=checks["mobile"].value if checks["mobile"] else None,
        )
        flash(SAVED)
        redirect(PAGE)

    def revoke(self) -> str:
        """« Révoquer mon consentement »: the portal is told first; if it cannot be, nothing changes."""
        citizen = self.pages.citizen()
        try:
            self.services.esante.revoke_consent(citizen.national_id)
        except (EsanteRefused, EsanteUnavailable):
            flash(UNAVAILABLE)
            redirect(PAGE)
        self.services.citizens.revoke(citizen.national_id)
        flash(REVOKED)
        redirect(PAGE)
