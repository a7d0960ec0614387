"""The patient's activation: the CGU page and the five-step wizard (patient guide pp. 8–14)."""

from urllib.parse import urlencode

from bottle import Bottle, redirect, response

from reference_server.domain import codes, matricule, password
from reference_server.domain.wizard import WizardProgress
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal import cgu, code_request
from reference_server.portal.activation_letters import CodeVerdict, NewAccount
from reference_server.portal.luxtrust_login import associate_own_product
from reference_server.portal.professional_activation import ProfessionalWizard
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, form_text
from reference_server.portal.wizard import (
    CODE_MESSAGES,
    ActivationWizard,
    Errors,
    Page,
    Submit,
    wrong_code_message,
)

PATIENT_STEPS = (
    "Code d'activation",
    "Mot de passe",
    "Sécurisation de votre compte",
    "Autres moyens d'authentification",
    "Confirmation",
)


def create_app(
    services: PortalServices, patient: "PatientWizard", professional: ProfessionalWizard
) -> Bottle:
    """The activation area, mounted under /activation/: both wizards and the CGU download."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    for path, wizard in (("/patient", patient), ("/professionnel", professional)):
        app.route(path, "GET", wizard.show_cgu)
        app.route(path, "POST", wizard.accept_cgu)
        app.route(f"{path}/etape-<step:int>", "GET", wizard.show)
        app.route(f"{path}/etape-<step:int>", "POST", wizard.submit)
    app.route("/cgu.pdf", "GET", download_cgu)
    code_request.add_routes(app, services.register)
    return app


def download_cgu() -> bytes:
    """The CGU as a real PDF document."""
    response.content_type = "application/pdf"
    response.set_header("Content-Disposition", 'attachment; filename="CGU-plateforme-esante.pdf"')
    return cgu.pdf()


class PatientWizard(ActivationWizard):
    """Code d'activation, Mot de passe, Sécurisation, Autres moyens, Confirmation."""

    start = "/activation/patient"
    session_key = "wizard"
    step_names = PATIENT_STEPS
    otp_step = 3
    cgu_intro = (
        "Activez votre compte en quelques clics pour accéder aux services eSanté, "
        "notamment à votre DSP"
    )
    prerequisites = (
        "Courrier envoyé par l'Agence eSanté contenant votre code d'activation",
        "Votre numéro de matricule (à 11 ou 13 chiffres)",
        "Votre adresse email personnelle ou votre numéro de téléphone portable",
        "OPTIONNEL : Un dispositif LuxTrust dûment activé "
        "(Token, Smartcard ou carte d'identité électronique)",
    )
    help_heading = "Des difficultés pour activer votre compte eSanté ?"

    def pages(self) -> dict[int, tuple[Page, Submit | None]]:
        """Each step's page and form handler."""
        return {
            1: (self._step1, self._submit1),
            2: (self._step2, self._submit2),
            3: (self.show_security, self.submit_security),
            4: (self._step4, self._submit4),
            5: (self._step5, None),
        }

    # Step 1: matricule and activation code (p. 9) ------------------------------------------------

    def _step1(self, progress: WizardProgress, errors: Errors, **typed: str) -> str:
        data = progress.data
        return self.page(
            "step1_code.tpl",
            1,
            errors,
            matricule=typed.get("matricule", data.get("matricule", "")),
            matricule_checked=bool(data.get("matricule_checked")),
            received=typed.get("received", "oui" if data.get("code_verified") else ""),
            code_verified=bool(data.get("code_verified")),
        )

    def _submit1(self, progress: WizardProgress) -> str:
        typed = {"matricule": form_text("matricule"), "received": form_text("received")}
        checked = matricule.check(typed["matricule"])
        if not checked.valid:
            progress.data["matricule_checked"] = False
            self.save(progress)
            return self._step1(progress, {"matricule": [checked.error or ""]}, **typed)
        if progress.data.get("matricule") != checked.number:
            # Another matricule starts the wizard over: nothing verified for the previous one
            # may carry over to it.
            progress = self.fresh_progress()
            progress.data["matricule"] = checked.number
        progress.data["matricule_checked"] = True
        self.save(progress)
        if form_text("action") != "next":
            return self._step1(progress, {}, received=typed["received"])
        return self._answer_code_question(progress, typed)

    def _answer_code_question(self, progress: WizardProgress, typed: dict[str, str]) -> str:
        """« Oui » checks the code; « Non » leads to the request for a new letter."""
        number = str(progress.data["matricule"])
        if typed["received"] == "non":
            redirect(f"{self.start}/demande-de-code?{urlencode({'matricule': number})}")
        if typed["received"] != "oui":
            message = "Veuillez indiquer si vous avez reçu votre code d'activation."
            return self._step1(progress, {"received": [message]}, **typed)
        code = codes.clean_activation_code(form_text("activation_code"))
        if not code and progress.data.get("code_verified"):
            progress.complete(1)
            return self.go(progress, 2)
        if not code:
            message = "Veuillez saisir votre code d'activation."
            return self._step1(progress, {"activation_code": [message]}, **typed)
        outcome = self.services.letters.check(number, code)
        if outcome.verdict is CodeVerdict.ACCEPTED:
            progress.data["code_verified"] = True
            progress.complete(1)
            return self.go(progress, 2)
        message = (
            wrong_code_message(outcome.tries_left)
            if outcome.verdict is CodeVerdict.WRONG
            else CODE_MESSAGES[outcome.verdict]
        )
        return self._step1(progress, {"activation_code": [message]}, **typed)

    # Step 2: password (p. 10) ---------------------------------------------------------------

    def _step2(self, progress: WizardProgress, errors: Errors) -> str:
        return self.page(
            "step2_password.tpl",
            2,
            errors,
            policy=password.POLICY_TEXT,
            password_kept=bool(progress.data.get("password_hash")),
        )

    def _submit2(self, progress: WizardProgress) -> str:
        chosen, confirmation = form_text("password"), form_text("password_confirmation")
        if not chosen and not confirmation and progress.data.get("password_hash"):
            progress.complete(2)
            return self.go(progress, 3)
        found = password.problems(chosen, confirmation)
        if found:
            errors: Errors = {}
            for message in found:
                field = "password_confirmation" if message == password.MISMATCH else "password"
                errors.setdefault(field, []).append(message)
            return self._step2(progress, errors)
        # Only the hash is kept, even in the server-side session.
        progress.data["password_hash"] = self.services.hasher.hash(chosen)
        progress.complete(2)
        return self.go(progress, 3)

    # Step 3's end: the account (p. 12) ------------------------------------------------------------

    def create_account(self, progress: WizardProgress) -> str:
        """Use up the letter and create the account; the wizard cannot go back past this."""
        data = progress.data
        if not data.get("code_verified") or not data.get("password_hash"):
            # Only reachable by tampering with the order of steps; start again from step 1.
            return self.go(self.fresh_progress(), 1)
        channel, email, mobile = self.contact_of(progress)
        created = self.services.letters.activate(
            NewAccount(
                matricule=str(data["matricule"]),
                password_hash=str(data["password_hash"]),
                otp_channel=channel.value,
                email=email,
                mobile=mobile,
            )
        )
        if not created:
            return self.show_security(progress, {"code": [CODE_MESSAGES[CodeVerdict.USED]]})
        return self.account_created(progress)

    # Steps 4 and 5 (pp. 13–14) -----------------------------------------------------------------

    def _step4(self, progress: WizardProgress, errors: Errors) -> str:
        products = self.services.accounts.products(str(progress.data["matricule"]))
        return self.page("step4_other_means.tpl", 4, errors, products=products)

    def luxtrust_returned(self, identity: LuxTrustIdentity) -> None:
        """LuxTrust vouched for a product: associate it if it is the account holder's own."""
        raw = current_session().data.get(self.session_key)
        if raw is None:
            redirect(self.start)
        progress = WizardProgress.from_dict(raw)
        if not progress.may_open(4):
            redirect(f"{self.start}/etape-{progress.reached}")
        associate_own_product(self.services, str(progress.data["matricule"]), identity)

    def _submit4(self, progress: WizardProgress) -> str:
        progress.complete(4)
        progress.close_before(5)
        return self.go(progress, 5)

    def _step5(self, progress: WizardProgress, errors: Errors) -> str:
        self.end()
        return self.page("step5_done.tpl", 5, errors, sign_in="/patient",
                         message="Vous pouvez vous connecter à votre DSP en cliquant sur « Connectez-vous ».")
