"""The health professional's activation wizard (professional guide pp. 3–9)."""

from dataclasses import asdict
from urllib.parse import urlencode

from bottle import redirect

from reference_server.domain import codes, matricule
from reference_server.domain.wizard import WizardProgress
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.activation_letters import CodeVerdict, NewAccount
from reference_server.portal.web import HELPDESK_LOWER, current_session, flash, form_text
from reference_server.portal.wizard import (
    CODE_MESSAGES,
    ActivationWizard,
    Errors,
    Page,
    Submit,
    wrong_code_message,
)

PROFESSIONAL_STEPS = (
    "Produit LuxTrust",
    "Code d'activation",
    "Informations personnelles",
    "Sécurisation de votre compte",
    "Confirmation",
)
NOT_THE_HOLDER = (
    "Le produit LuxTrust associé à l'étape 1 n'appartient pas au titulaire de ce matricule. "
    "Associez votre propre produit LuxTrust ou " + HELPDESK_LOWER
)
NOT_A_PROFESSIONAL = (
    "Ce matricule ne correspond à aucun professionnel de santé enregistré. "
    "Les patients activent leur compte depuis l'espace patient."
)


class ProfessionalWizard(ActivationWizard):
    """Produit LuxTrust, Code d'activation, Informations personnelles, Sécurisation, Confirmation."""

    start = "/activation/professionnel"
    session_key = "professional_wizard"
    step_names = PROFESSIONAL_STEPS
    otp_step = 4
    cgu_intro = "Activez votre compte eSanté en quelques clics pour accéder aux services eSanté"
    prerequisites = (
        "Courrier envoyé par l'Agence eSanté contenant votre code d'activation",
        "Votre numéro de matricule (à 11 ou 13 chiffres)",
        "Votre adresse email professionnelle à usage individuel, à laquelle vous êtes en mesure "
        "d'accéder durant ces étapes ou votre numéro de téléphone portable",
        "Un dispositif LuxTrust dûment activé (Token, Smartcard ou carte d'identité électronique)",
    )
    help_heading = "Besoin d'aide pour activer votre compte eSanté?"

    def pages(self) -> dict[int, tuple[Page, Submit | None]]:
        """Each step's page and form handler."""
        return {
            1: (self._step1, self._submit1),
            2: (self._step2, self._submit2),
            3: (self._step3, self._submit3),
            4: (self.show_security, self.submit_security),
            5: (self._step5, None),
        }

    # Step 1: LuxTrust (p. 5) ------------------------------------------------------------------

    def _step1(self, progress: WizardProgress, errors: Errors) -> str:
        identity = progress.data.get("luxtrust")
        return self.page("step_pro_luxtrust.tpl", 1, errors, identity=identity)

    def _submit1(self, progress: WizardProgress) -> str:
        if not progress.data.get("luxtrust"):
            message = "Associez d'abord un produit LuxTrust en cliquant sur « Connexion »."
            return self._step1(progress, {"luxtrust": [message]})
        progress.complete(1)
        return self.go(progress, 2)

    def luxtrust_returned(self, identity: LuxTrustIdentity) -> None:
        """LuxTrust vouched for a product: keep it and go on to the activation code."""
        raw = current_session().data.get(self.session_key)
        if raw is None:
            redirect(self.start)
        progress = WizardProgress.from_dict(raw)
        if not progress.may_open(1):
            redirect(f"{self.start}/etape-{progress.reached}")
        # A new product invalidates whatever was checked against the previous one.
        progress = self.fresh_progress()
        progress.data["luxtrust"] = asdict(identity)
        progress.complete(1)
        flash(f"Produit LuxTrust associé : {identity.device_label} {identity.device_serial}.")
        self.go(progress, 2)

    # Step 2: matricule and activation code (p. 6) ------------------------------------------------

    def _step2(self, progress: WizardProgress, errors: Errors, **typed: str) -> str:
        data = progress.data
        return self.page(
            "step_pro_code.tpl",
            2,
            errors,
            received=typed.get("received", "oui" if data.get("code_verified") else ""),
            matricule=typed.get("matricule", data.get("matricule", "")),
        )

    def _submit2(self, progress: WizardProgress) -> str:
        typed = {name: form_text(name) for name in ("received", "matricule")}
        checked = matricule.check(typed["matricule"], allow_eleven_digits=True)
        if typed["received"] == "non":
            query = urlencode({"matricule": checked.number}) if checked.valid else ""
            redirect(f"/activation/patient/demande-de-code?{query}")
        errors: Errors = {}
        if typed["received"] != "oui":
            errors["received"] = ["Veuillez indiquer si vous avez reçu votre code d'activation."]
        if not checked.valid:
            errors["matricule"] = [checked.error or ""]
        code = codes.clean_activation_code(form_text("activation_code"))
        if not code:
            errors["activation_code"] = ["Veuillez saisir votre code d'activation."]
        if errors:
            return self._step2(progress, errors, **typed)
        return self._check_code(progress, checked.number, code, typed)

    def _check_code(
        self, progress: WizardProgress, number: str, code: str, typed: dict[str, str]
    ) -> str:
        """The code must fit the letter, and the LuxTrust product must be the holder's."""
        outcome = self.services.letters.check(number, code)
        if outcome.verdict is not CodeVerdict.ACCEPTED:
            message = (
                wrong_code_message(outcome.tries_left)
                if outcome.verdict is CodeVerdict.WRONG
                else CODE_MESSAGES[outcome.verdict]
            )
            return self._step2(progress, {"activation_code": [message]}, **typed)
        person = self.services.register.person(number)
        if person is None or person.kind != "professional":
            return self._step2(progress, {"matricule": [NOT_A_PROFESSIONAL]}, **typed)
        if progress.data["luxtrust"]["national_id"] != number:  # type: ignore[index]
            return self._step2(progress, {"matricule": [NOT_THE_HOLDER]}, **typed)
        progress.data.update(matricule=number, code_verified=True)
        progress.complete(2)
        return self.go(progress, 3)

    # Step 3: personal information (p. 7) -------------------------------------------------------

    def _step3(self, progress: WizardProgress, errors: Errors) -> str:
        number = str(progress.data["matricule"])
        return self.page(
            "step_pro_info.tpl",
            3,
            errors,
            person=self.services.register.person(number),
            practice=self.services.register.practice(number),
        )

    def _submit3(self, progress: WizardProgress) -> str:
        progress.complete(3)
        return self.go(progress, 4)

    # Step 4's end and step 5 (pp. 8–9) -----------------------------------------------------------

    def create_account(self, progress: WizardProgress) -> str:
        """Use up the letter, create the account and associate the LuxTrust product at once."""
        data = progress.data
        if not data.get("code_verified") or not data.get("luxtrust"):
            return self.go(self.fresh_progress(), 1)
        channel, email, mobile = self.contact_of(progress)
        created = self.services.letters.activate(
            NewAccount(
                matricule=str(data["matricule"]),
                password_hash=None,
                otp_channel=channel.value,
                email=email,
                mobile=mobile,
                luxtrust=LuxTrustIdentity(**data["luxtrust"]),  # type: ignore[arg-type]
            )
        )
        if not created:
            return self.show_security(progress, {"code": [CODE_MESSAGES[CodeVerdict.USED]]})
        return self.account_created(progress)

    def _step5(self, progress: WizardProgress, errors: Errors) -> str:
        self.end()
        return self.page("step5_done.tpl", 5, errors, sign_in="/professionnel",
                         message="Vous pouvez vous connecter à votre compte eSanté.")
