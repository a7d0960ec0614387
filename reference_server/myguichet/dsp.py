"""« Dossier de Soins Partagé (DSP) » in « Mes données »: consent, CGU and activation (p. 5).

MyGuichet.lu tells the portal of each consent before recording it itself, so that the two
never disagree on whether the identifier may be shared.
"""

from typing import TYPE_CHECKING
from urllib.parse import urljoin

from bottle import Bottle, redirect, request

from reference_server.myguichet.catalogue import DSP_NAME, Source
from reference_server.myguichet.citizens import Citizen
from reference_server.myguichet.esante_client import EsanteRefused, EsanteUnavailable
from reference_server.sessions import current_session, flash, form_text

if TYPE_CHECKING:
    from reference_server.myguichet.app import MyGuichetServices, Pages

BASE = f"/mes-donnees/{Source(DSP_NAME).slug}"
# The portal's door that binds the browser to its ticket before sending it back to BASE/acces.
PORTAL_DEPARTURE = "myguichet/depart"
OUTCOME_KEY = "esante_outcome"
UNAVAILABLE = "Le service de l'Agence eSanté est momentanément indisponible. Veuillez réessayer plus tard."
CONSENT_MISSING = (
    "Veuillez cocher la case pour donner votre consentement au partage de votre identifiant national."
)
CGU_MISSING = "Veuillez accepter les Conditions Générales d'Utilisation pour activer votre compte eSanté."
NO_CONTACT = (
    "Votre profil MyGuichet.lu ne contient ni adresse e-mail ni numéro de téléphone : ajoutez-en "
    "un dans l'onglet Paramètres pour activer votre compte eSanté depuis MyGuichet.lu, ou activez-le "
    "sur www.esante.lu avec le code du courrier envoyé par l'Agence eSanté."
)
NOT_HERE = (
    "Votre compte eSanté ne peut pas être activé depuis MyGuichet.lu. "
    "Contactez le helpdesk de l'Agence eSanté au (+352) 27 12 50 18 33."
)
TRAIL = (("/mes-donnees", "Mes données"), ("", "Dossier de Soins Partagé (DSP)"))


class DspConsentPages:
    """The DSP page's three steps: consent, CGU, and the activated account."""

    def __init__(self, services: "MyGuichetServices", pages: "Pages") -> None:
        self.services = services
        self.pages = pages

    def install(self, app: Bottle) -> None:
        """Add the routes to MyGuichet.lu's app."""
        app.route(BASE, "GET", self.show)
        app.route(f"{BASE}/consentement", "POST", self.consent)
        app.route(f"{BASE}/cgu", "POST", self.accept_cgu)
        app.route(f"{BASE}/acces", "POST", self.open_dsp)
        app.route(f"{BASE}/acces", "GET", self.fetch_ticket)

    def show(self, errors: tuple[str, ...] = ()) -> str:
        """The step the citizen is at: consent, then CGU, then their active account."""
        citizen = self.pages.citizen()
        consent = self.services.citizens.consent(citizen.national_id)
        if consent is None or not consent.active:
            revoked = consent.revoked_at.strftime("%d/%m/%Y") if consent and consent.revoked_at else None
            return self._page("consent", errors, revoked_at=revoked)
        try:
            active = self.services.esante.has_account(citizen.national_id)
        except EsanteRefused:
            # The portal no longer holds the consent: asking again puts both sides in step.
            return self._page("consent", errors)
        except EsanteUnavailable:
            return self._page("unavailable", (*errors, UNAVAILABLE))
        if not active:
            return self._page("cgu", errors)
        return self._page("active", errors, outcome=current_session().data.pop(OUTCOME_KEY, None))

    def consent(self) -> str:
        """« Valider » the consent: the portal first, then MyGuichet.lu's own record."""
        citizen = self.pages.citizen()
        if form_text("consentement") != "oui":
            return self.show((CONSENT_MISSING,))
        try:
            already_active = self.services.esante.grant_consent(citizen.national_id)
        except (EsanteRefused, EsanteUnavailable):
            return self.show((UNAVAILABLE,))
        self.services.citizens.grant(citizen.national_id)
        if already_active:
            current_session().data[OUTCOME_KEY] = "already_active"
        redirect(BASE)

    def accept_cgu(self) -> str:
        """« Valider » the CGU: the portal activates the account with MyGuichet.lu's contacts."""
        citizen = self._consenting()
        if form_text("cgu") != "oui":
            return self.show((CGU_MISSING,))
        if not citizen.email and not citizen.mobile:
            return self.show((NO_CONTACT,))
        try:
            created = self.services.esante.activate(
                citizen.national_id, citizen.email, citizen.mobile, self.pages.device()
            )
        except EsanteRefused:
            return self.show((NOT_HERE,))
        except EsanteUnavailable:
            return self.show((UNAVAILABLE,))
        current_session().data[OUTCOME_KEY] = "activated" if created else "already_active"
        redirect(BASE)

    def open_dsp(self) -> str:
        """« Accéder à mon DSP »: first to the portal, which binds this browser to the ticket to come."""
        citizen = self._consenting()
        # Asked first over the back-channel, so that a portal that is down, or an account that
        # is gone, is said here rather than by a browser error on the portal's side.
        try:
            active = self.services.esante.has_account(citizen.national_id)
        except EsanteRefused:
            return self.show()
        except EsanteUnavailable:
            return self.show((UNAVAILABLE,))
        if not active:
            return self.show()
        redirect(urljoin(self.services.portal_url, PORTAL_DEPARTURE), 303)
        raise AssertionError("unreachable")

    def fetch_ticket(self) -> str:
        """Back from the portal with its binding: a single-use ticket for this browser, then off."""
        citizen = self._consenting()
        binding = request.query.getunicode("liaison", default="") or ""
        if not binding:
            redirect(BASE)
        try:
            url = self.services.esante.dsp_ticket_url(citizen.national_id, binding)
        except EsanteRefused:
            return self.show()
        except EsanteUnavailable:
            return self.show((UNAVAILABLE,))
        redirect(url, 303)

    def _consenting(self) -> Citizen:
        """The signed-in citizen, who must have consented; anyone else goes back to the consent."""
        citizen = self.pages.citizen()
        consent = self.services.citizens.consent(citizen.national_id)
        if consent is None or not consent.active:
            flash(CONSENT_MISSING)
            redirect(BASE)
        return citizen

    def _page(self, step: str, errors: tuple[str, ...], **context: object) -> str:
        """The DSP page at one step."""
        context.setdefault("revoked_at", None)
        context.setdefault("outcome", None)
        return self.pages.render(
            "dsp.tpl", "Mes données", TRAIL, step=step, errors=errors, base=BASE,
            cgu_url=self.services.portal_url + "activation/cgu.pdf", **context,
        )
