"""The patient's activation: the CGU page and the five-step wizard (patient guide pp. 8–14)."""

from urllib.parse import urlencode

from bottle import Bottle, redirect, response

from reference_server.domain import codes, contact, matricule, password
from reference_server.domain.contact import Channel
from reference_server.domain.wizard import WizardProgress
from reference_server.portal import cgu, code_request
from reference_server.portal.activation_letters import CodeVerdict, NewAccount
from reference_server.portal.messaging_client import GatewayError
from reference_server.portal.one_time_codes import OneTimeVerdict
from reference_server.portal.services import PortalServices
from reference_server.portal.web import HELPDESK, SessionPlugin, current_session, flash, form_text, render

STEP_NAMES = (
    "Code d'activation",
    "Mot de passe",
    "Sécurisation de votre compte",
    "Autres moyens d'authentification",
    "Confirmation",
)
START = "/activation/patient"
CODE_PURPOSE = "activation"
HELPDESK_TEXT = f"Contactez notre helpdesk au {HELPDESK['phone']} ou par mail ({HELPDESK['email']})."

CODE_MESSAGES = {
    CodeVerdict.LOCKED: "Trop d'essais infructueux : l'activation de ce compte est bloquée. "
    + HELPDESK_TEXT,
    CodeVerdict.EXPIRED: "Ce code d'activation a expiré. Pour recevoir un nouveau courrier, "
    "utilisez « Je n'ai pas de code d'activation » ou " + HELPDESK_TEXT[0].lower() + HELPDESK_TEXT[1:],
    CodeVerdict.USED: "Ce code d'activation a déjà été utilisé. Si votre compte est activé, "
    "connectez-vous ; sinon " + HELPDESK_TEXT[0].lower() + HELPDESK_TEXT[1:],
}
ONE_TIME_MESSAGES = {
    OneTimeVerdict.EXPIRED: "Ce code a expiré. Demandez un nouveau code.",
    OneTimeVerdict.EXHAUSTED: "Trop d'essais : ce code n'est plus valable. Demandez un nouveau code.",
    OneTimeVerdict.UNKNOWN: "Ce code n'est plus valable. Demandez un nouveau code.",
}

Errors = dict[str, list[str]]


def create_app(services: PortalServices) -> Bottle:
    """The activation area, mounted under /activation/."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    wizard = PatientWizard(services)
    app.route("/patient", "GET", wizard.show_cgu)
    app.route("/patient", "POST", wizard.accept_cgu)
    app.route("/cgu.pdf", "GET", download_cgu)
    app.route("/patient/etape-<step:int>", "GET", wizard.show)
    app.route("/patient/etape-<step:int>", "POST", wizard.submit)
    code_request.add_routes(app, services.register)
    return app


def download_cgu() -> bytes:
    """The CGU as a real PDF document."""
    response.content_type = "application/pdf"
    response.set_header("Content-Disposition", 'attachment; filename="CGU-plateforme-esante.pdf"')
    return cgu.pdf()


class PatientWizard:
    """The patient wizard's pages; its progress lives in the server-side session."""

    def __init__(self, services: PortalServices) -> None:
        self.services = services
        self.config = services.config

    # The CGU page ----------------------------------------------------------------------------

    def show_cgu(self, errors: Errors | None = None) -> str:
        """The prerequisites, the CGU and the acceptance box (patient guide p. 8)."""
        return render("cgu.tpl", articles=cgu.ARTICLES, errors=errors or {})

    def accept_cgu(self) -> str:
        """Start a new wizard, but only once the CGU are accepted."""
        if form_text("cgu_accepted") != "oui":
            response.status = 422
            return self.show_cgu(
                {"cgu_accepted": ["Veuillez accepter les Conditions Générales d'Utilisation "
                                  "pour activer votre compte."]}
            )
        self._save(WizardProgress(steps=len(STEP_NAMES)))
        redirect(f"{START}/etape-1")
        raise AssertionError("unreachable")

    # Dispatch --------------------------------------------------------------------------------

    def show(self, step: int) -> str:
        """Show a step the person has reached; any other step sends them where they stand."""
        progress = self._guard(step)
        page = {1: self._step1, 2: self._step2, 3: self._step3, 4: self._step4, 5: self._step5}
        return page[step](progress, {})

    def submit(self, step: int) -> str:
        """Handle a step's form, after the same guard as showing it."""
        progress = self._guard(step)
        handler = {
            1: self._submit1, 2: self._submit2, 3: self._submit3, 4: self._submit4,
        }.get(step)
        if handler is None:
            redirect(f"{START}/etape-{step}")
        return handler(progress)

    def _guard(self, step: int) -> WizardProgress:
        """The session's progress, redirecting when there is none or the step is not open."""
        raw = current_session().data.get("wizard")
        if raw is None:
            flash("Pour activer votre compte, acceptez d'abord les Conditions Générales d'Utilisation.")
            redirect(START)
        progress = WizardProgress.from_dict(raw)
        if not 1 <= step <= len(STEP_NAMES) or not progress.may_open(step):
            redirect(f"{START}/etape-{progress.where_to(step)}")
        return progress

    def _save(self, progress: WizardProgress) -> None:
        """Keep the progress in the session."""
        current_session().data["wizard"] = progress.as_dict()

    def _go(self, progress: WizardProgress, step: int) -> str:
        """Save and redirect to a step (post/redirect/get, so reloading never resubmits)."""
        self._save(progress)
        redirect(f"{START}/etape-{step}")
        raise AssertionError("unreachable")

    def _page(self, template: str, errors: Errors, **context: object) -> str:
        """Render a wizard step, with status 422 when the form had problems."""
        if errors:
            response.status = 422
        return render(template, step_names=STEP_NAMES, errors=errors, **context)

    # Step 1: matricule and activation code (p. 9) ------------------------------------------------

    def _step1(self, progress: WizardProgress, errors: Errors, **typed: str) -> str:
        data = progress.data
        return self._page(
            "step1_code.tpl",
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
            self._save(progress)
            return self._step1(progress, {"matricule": [checked.error or ""]}, **typed)
        if progress.data.get("matricule") != checked.number:
            # Another matricule starts the wizard over: nothing verified for the previous one
            # may carry over to it.
            progress = WizardProgress(steps=len(STEP_NAMES), data={"matricule": checked.number})
        progress.data["matricule_checked"] = True
        self._save(progress)
        if form_text("action") != "next":
            return self._step1(progress, {}, received=typed["received"])
        return self._answer_code_question(progress, typed)

    def _answer_code_question(self, progress: WizardProgress, typed: dict[str, str]) -> str:
        """« Oui » checks the code; « Non » leads to the request for a new letter."""
        number = str(progress.data["matricule"])
        if typed["received"] == "non":
            redirect(f"{START}/demande-de-code?{urlencode({'matricule': number})}")
        if typed["received"] != "oui":
            message = "Veuillez indiquer si vous avez reçu votre code d'activation."
            return self._step1(progress, {"received": [message]}, **typed)
        code = codes.clean_activation_code(form_text("activation_code"))
        if not code and progress.data.get("code_verified"):
            progress.complete(1)
            return self._go(progress, 2)
        if not code:
            message = "Veuillez saisir votre code d'activation."
            return self._step1(progress, {"activation_code": [message]}, **typed)
        return self._check_activation_code(progress, number, code, typed)

    def _check_activation_code(
        self, progress: WizardProgress, number: str, code: str, typed: dict[str, str]
    ) -> str:
        """Check the code against the letter; every refusal stays on step 1."""
        outcome = self.services.letters.check(number, code)
        if outcome.verdict is CodeVerdict.ACCEPTED:
            progress.data["code_verified"] = True
            progress.complete(1)
            return self._go(progress, 2)
        if outcome.verdict is CodeVerdict.WRONG:
            message = (
                "Le matricule ou le code d'activation est incorrect. "
                f"Il vous reste {outcome.tries_left} essai(s)."
            )
        else:
            message = CODE_MESSAGES[outcome.verdict]
        return self._step1(progress, {"activation_code": [message]}, **typed)

    # Step 2: password (p. 10) ---------------------------------------------------------------

    def _step2(self, progress: WizardProgress, errors: Errors) -> str:
        return self._page(
            "step2_password.tpl",
            errors,
            policy=password.POLICY_TEXT,
            password_kept=bool(progress.data.get("password_hash")),
        )

    def _submit2(self, progress: WizardProgress) -> str:
        chosen, confirmation = form_text("password"), form_text("password_confirmation")
        if not chosen and not confirmation and progress.data.get("password_hash"):
            progress.complete(2)
            return self._go(progress, 3)
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
        return self._go(progress, 3)

    # Step 3: one-time code (pp. 11–12) -----------------------------------------------------------

    def _step3(self, progress: WizardProgress, errors: Errors, **typed: str) -> str:
        data = progress.data
        return self._page(
            "step3_security.tpl",
            errors,
            channel=typed.get("channel", data.get("channel", "")),
            mobile=typed.get("mobile", data.get("mobile", "")),
            email=typed.get("email", data.get("email", "")),
            sent_to=data.get("sent_to"),
            ttl_minutes=int(self.config.one_time_code_ttl.total_seconds() // 60),
        )

    def _submit3(self, progress: WizardProgress) -> str:
        action = form_text("action")
        if action == "verify" and progress.data.get("code_id"):
            return self._verify_one_time_code(progress)
        if action == "resend" and progress.data.get("destination"):
            return self._send_one_time_code(progress, resent=True)
        if action == "change":
            for key in ("code_id", "sent_to", "destination"):
                progress.data.pop(key, None)
            return self._go(progress, 3)
        return self._choose_channel(progress)

    def _choose_channel(self, progress: WizardProgress) -> str:
        """Check the chosen channel and destination, keeping what was typed on error."""
        typed = {name: form_text(name) for name in ("channel", "mobile", "email")}
        if typed["channel"] not in {c.value for c in Channel}:
            message = "Veuillez choisir le moyen de réception du code : Mobile ou E-mail."
            return self._step3(progress, {"channel": [message]}, **typed)
        channel = Channel(typed["channel"])
        field = "mobile" if channel is Channel.SMS else "email"
        checked = contact.check(channel, typed[field])
        if checked.error:
            return self._step3(progress, {field: [checked.error]}, **typed)
        progress.data.update(channel=channel.value, destination=checked.value, **{field: typed[field]})
        return self._send_one_time_code(progress, resent=False)

    def _send_one_time_code(self, progress: WizardProgress, *, resent: bool) -> str:
        """Issue a code for this session and hand it to the gateway."""
        sent = int(progress.data.get("codes_sent", 0))
        if sent >= self.config.max_codes_per_wizard:
            message = "Trop de codes ont été demandés. " + HELPDESK_TEXT
            return self._step3(progress, {"code": [message]})
        channel = Channel(str(progress.data["channel"]))
        destination = str(progress.data["destination"])
        issued = self.services.codes.issue(self._owner(), CODE_PURPOSE, channel.value, destination)
        try:
            self._deliver(channel, destination, issued.code)
        except GatewayError:
            message = "Le code n'a pas pu être envoyé. Veuillez réessayer dans quelques instants."
            return self._step3(progress, {"channel": [message]})
        progress.data.update(
            code_id=issued.id, codes_sent=sent + 1, sent_to=contact.mask(channel, destination)
        )
        if resent:
            flash("Un nouveau code vous a été envoyé.")
        return self._go(progress, 3)

    def _deliver(self, channel: Channel, destination: str, code: str) -> None:
        """Word the message for its channel and send it."""
        minutes = int(self.config.one_time_code_ttl.total_seconds() // 60)
        if channel is Channel.SMS:
            body = (
                f"eSanté : votre code à usage unique est {code}. "
                f"Il est valable {minutes} minutes. Ne le communiquez à personne."
            )
        else:
            body = (
                "Bonjour,\n\n"
                f"Votre code à usage unique pour activer votre compte eSanté est : {code}\n\n"
                f"Ce code est valable {minutes} minutes et ne sert qu'une fois. Si vous n'êtes pas "
                "à l'origine de cette demande, ignorez ce message.\n\nAgence eSanté Luxembourg"
            )
        subject = "Votre code à usage unique eSanté"
        self.services.messaging.send(channel.value, destination, subject, body)

    def _verify_one_time_code(self, progress: WizardProgress) -> str:
        """Check the code and, when it is right, create the account in one go."""
        typed = codes.clean_one_time_code(form_text("code"))
        if not typed:
            return self._step3(progress, {"code": ["Veuillez saisir le code reçu."]})
        outcome = self.services.codes.check(int(progress.data["code_id"]), self._owner(), typed)
        if outcome.verdict is OneTimeVerdict.WRONG:
            message = f"Le code saisi est incorrect. Il vous reste {outcome.tries_left} essai(s)."
            return self._step3(progress, {"code": [message]})
        if outcome.verdict is not OneTimeVerdict.ACCEPTED:
            return self._step3(progress, {"code": [ONE_TIME_MESSAGES[outcome.verdict]]})
        return self._create_account(progress)

    def _create_account(self, progress: WizardProgress) -> str:
        """Use up the letter and create the account; the wizard cannot go back past this."""
        data = progress.data
        if not data.get("code_verified") or not data.get("password_hash"):
            # Only reachable by tampering with the order of steps; start again from step 1.
            return self._go(WizardProgress(steps=len(STEP_NAMES)), 1)
        channel = Channel(str(data["channel"]))
        destination = str(data["destination"])
        created = self.services.letters.activate(
            NewAccount(
                matricule=str(data["matricule"]),
                password_hash=str(data["password_hash"]),
                otp_channel=channel.value,
                email=destination if channel is Channel.EMAIL else None,
                mobile=destination if channel is Channel.SMS else None,
            )
        )
        if not created:
            return self._step3(progress, {"code": [CODE_MESSAGES[CodeVerdict.USED]]})
        progress.data = {"matricule": data["matricule"]}
        progress.complete(3)
        progress.close_before(4)
        return self._go(progress, 4)

    def _owner(self) -> str:
        """One-time codes of the wizard belong to the session that asked for them."""
        return f"activation:{current_session().key}"

    # Steps 4 and 5 (pp. 13–14) -----------------------------------------------------------------

    def _step4(self, progress: WizardProgress, errors: Errors) -> str:
        return self._page("step4_other_means.tpl", errors)

    def _submit4(self, progress: WizardProgress) -> str:
        progress.complete(4)
        progress.close_before(5)
        return self._go(progress, 5)

    def _step5(self, progress: WizardProgress, errors: Errors) -> str:
        # The wizard is over: going back or reloading another step starts from the CGU again.
        current_session().data.pop("wizard", None)
        return self._page("step5_done.tpl", errors)
