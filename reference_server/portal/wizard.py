"""What the patient and professional activation wizards share: CGU, progress, one-time codes."""

import threading
from collections.abc import Callable

from bottle import HTTPResponse, redirect, response

from reference_server.domain import codes, contact
from reference_server.domain.contact import Channel
from reference_server.domain.wizard import WizardProgress
from reference_server.portal import cgu
from reference_server.portal.activation_letters import CodeVerdict
from reference_server.portal.code_sends import WIZARD_TOO_MANY
from reference_server.portal.messages import send_code
from reference_server.portal.messaging_client import GatewayError
from reference_server.portal.one_time_codes import OneTimeVerdict
from reference_server.portal.services import PortalServices
from reference_server.portal.web import (
    HELPDESK_LOWER,
    HELPDESK_TEXT,
    current_session,
    flash,
    form_text,
    render,
)

CODE_MESSAGES = {
    CodeVerdict.LOCKED: "Trop d'essais infructueux : l'activation de ce compte est bloquée. "
    + HELPDESK_TEXT,
    CodeVerdict.EXPIRED: "Ce code d'activation a expiré. Pour recevoir un nouveau courrier, "
    "utilisez « Je n'ai pas de code d'activation » ou " + HELPDESK_LOWER,
    CodeVerdict.USED: "Ce code d'activation a déjà été utilisé. Si votre compte est activé, "
    "connectez-vous ; sinon " + HELPDESK_LOWER,
}
ONE_TIME_MESSAGES = {
    OneTimeVerdict.EXPIRED: "Ce code a expiré. Demandez un nouveau code.",
    OneTimeVerdict.EXHAUSTED: "Trop d'essais : ce code n'est plus valable. Demandez un nouveau code.",
    OneTimeVerdict.UNKNOWN: "Ce code n'est plus valable. Demandez un nouveau code.",
}
CODE_PURPOSE = "activation"
# Striped locks, so that different sessions seldom wait for each other. The reference portal is
# one process; several would need the same serialisation in the database instead.
_SESSION_LOCKS = tuple(threading.Lock() for _ in range(64))

Errors = dict[str, list[str]]
Page = Callable[[WizardProgress, Errors], str]
Submit = Callable[[WizardProgress], str]


def wrong_code_message(tries_left: int) -> str:
    """The generic refusal of a matricule and code that do not go together."""
    return f"Le matricule ou le code d'activation est incorrect. Il vous reste {tries_left} essai(s)."


class ActivationWizard:
    """A wizard whose progress lives in the server-side session, under its own key."""

    start: str
    session_key: str
    step_names: tuple[str, ...]
    otp_step: int

    def __init__(self, services: PortalServices) -> None:
        self.services = services
        self.config = services.config

    def pages(self) -> dict[int, tuple[Page, Submit | None]]:
        """Each step's page and form handler."""
        raise NotImplementedError

    # The CGU page -----------------------------------------------------------------------------

    cgu_intro: str
    prerequisites: tuple[str, ...]
    help_heading: str

    def show_cgu(self, errors: Errors | None = None) -> str:
        """The prerequisites, the CGU and the acceptance box."""
        return render(
            "cgu.tpl", articles=cgu.ARTICLES, errors=errors or {}, action=self.start,
            intro=self.cgu_intro, prerequisites=self.prerequisites, help_heading=self.help_heading,
        )

    def accept_cgu(self) -> str:
        """Start a new wizard, but only once the CGU are accepted."""
        if form_text("cgu_accepted") != "oui":
            response.status = 422
            message = "Veuillez accepter les Conditions Générales d'Utilisation pour activer votre compte."
            return self.show_cgu({"cgu_accepted": [message]})
        return self.go(self.fresh_progress(), 1)

    def fresh_progress(self) -> WizardProgress:
        """Progress at the start of step 1."""
        return WizardProgress(steps=len(self.step_names))

    # Dispatch ---------------------------------------------------------------------------------

    def show(self, step: int) -> str:
        """Show a step the person has reached; any other step sends them where they stand."""
        progress = self.guard(step)
        page, _submit = self.pages()[step]
        return page(progress, {})

    def submit(self, step: int) -> str:
        """Handle a step's form, after the same guard as showing it."""
        progress = self.guard(step)
        _page, handler = self.pages()[step]
        if handler is None:
            return self.go(progress, step)
        return handler(progress)

    def guard(self, step: int) -> WizardProgress:
        """The session's progress, redirecting when there is none or the step is not open."""
        raw = current_session().data.get(self.session_key)
        if raw is None:
            flash("Pour activer votre compte, acceptez d'abord les Conditions Générales d'Utilisation.")
            redirect(self.start)
        progress = WizardProgress.from_dict(raw)
        if not 1 <= step <= len(self.step_names) or not progress.may_open(step):
            redirect(f"{self.start}/etape-{progress.where_to(step)}")
        return progress

    def save(self, progress: WizardProgress) -> None:
        """Keep the progress in the session."""
        current_session().data[self.session_key] = progress.as_dict()

    def go(self, progress: WizardProgress, step: int) -> str:
        """Save and redirect to a step (post/redirect/get, so reloading never resubmits)."""
        self.save(progress)
        redirect(f"{self.start}/etape-{step}")
        raise AssertionError("unreachable")

    def end(self) -> None:
        """Forget the wizard: going back or reloading a step starts from the CGU again."""
        current_session().data.pop(self.session_key, None)

    def page(self, template: str, step: int, errors: Errors, **context: object) -> str:
        """Render a wizard step, with status 422 when the form had problems."""
        if errors:
            response.status = 422
        return render(
            template, step_names=self.step_names, current=step, errors=errors,
            start=self.start, **context,
        )

    # The one-time code step (patient pp. 11–12, professional p. 8) -------------------------------

    def show_security(self, progress: WizardProgress, errors: Errors, **typed: str) -> str:
        """Choose the channel, or type the code that was sent."""
        data = progress.data
        return self.page(
            "step_security.tpl",
            self.otp_step,
            errors,
            channel=typed.get("channel", data.get("channel", "")),
            mobile=typed.get("mobile", data.get("mobile", "")),
            email=typed.get("email", data.get("email", "")),
            sent_to=data.get("sent_to"),
            ttl_minutes=int(self.config.one_time_code_ttl.total_seconds() // 60),
        )

    def submit_security(self, progress: WizardProgress) -> str:
        """Send, resend, change the channel, or check the code."""
        action = form_text("action")
        if action == "verify" and progress.data.get("code_id"):
            return self._verify_one_time_code(progress)
        if action == "resend" and progress.data.get("destination"):
            return self._send_one_time_code(progress, resent=True)
        if action == "change":
            for key in ("code_id", "sent_to", "destination"):
                progress.data.pop(key, None)
            return self.go(progress, self.otp_step)
        return self._choose_channel(progress)

    def create_account(self, progress: WizardProgress) -> str:
        """Called once the one-time code is accepted: create the account, or refuse."""
        raise NotImplementedError

    def _choose_channel(self, progress: WizardProgress) -> str:
        """Check the chosen channel and destination, keeping what was typed on error."""
        typed = {name: form_text(name) for name in ("channel", "mobile", "email")}
        if typed["channel"] not in {c.value for c in Channel}:
            message = "Veuillez choisir le moyen de réception du code : Mobile ou E-mail."
            return self.show_security(progress, {"channel": [message]}, **typed)
        channel = Channel(typed["channel"])
        field = "mobile" if channel is Channel.SMS else "email"
        checked = contact.check(channel, typed[field])
        if checked.error:
            return self.show_security(progress, {field: [checked.error]}, **typed)
        progress.data.update(channel=channel.value, destination=checked.value, **{field: typed[field]})
        return self._send_one_time_code(progress, resent=False)

    def _send_one_time_code(self, progress: WizardProgress, *, resent: bool) -> str:
        """Issue a code for this session and hand it to the gateway, within the letter's limit."""
        # Counted per letter, not per session: a new wizard for the same letter buys no new codes.
        letter = self.services.letters.newest_id(str(progress.data["matricule"]))
        refusal = self.services.wizard_code_sends.reserve(letter) if letter else WIZARD_TOO_MANY
        # Shown beside what the page shows: the code field once a code was sent, else the channel.
        shown = "code" if progress.data.get("sent_to") else "channel"
        if refusal:
            return self.show_security(progress, {shown: [refusal]})
        channel = Channel(str(progress.data["channel"]))
        destination = str(progress.data["destination"])
        issued = self.services.codes.issue(self._owner(), CODE_PURPOSE, channel.value, destination)
        try:
            self._deliver(channel, destination, issued.code)
        except GatewayError:
            # A code nobody received does not count against the letter.
            self.services.wizard_code_sends.release(letter)
            message = "Le code n'a pas pu être envoyé. Veuillez réessayer dans quelques instants."
            return self.show_security(progress, {shown: [message]})
        progress.data.update(code_id=issued.id, sent_to=contact.mask(channel, destination))
        if resent:
            flash("Un nouveau code vous a été envoyé.")
        return self.go(progress, self.otp_step)

    def _deliver(self, channel: Channel, destination: str, code: str) -> None:
        """Send the code, worded for the activation."""
        send_code(self.services, channel.value, destination, code, "activer votre compte eSanté")

    def _verify_one_time_code(self, progress: WizardProgress) -> str:
        """Check the code and, when it is right, create the account in one go."""
        typed = codes.clean_one_time_code(form_text("code"))
        if not typed:
            return self.show_security(progress, {"code": ["Veuillez saisir le code reçu."]})
        # A double-clicked « Valider » sends two requests that read the same session. They run
        # one after the other here, and the first saves its progress before letting the second
        # in: the second then lands where the first did, not back on this step.
        with _SESSION_LOCKS[hash(current_session().key) % len(_SESSION_LOCKS)]:
            self._follow_a_twin()
            try:
                return self._check_and_create(progress, typed)
            except HTTPResponse:
                self.services.sessions.save(current_session())
                raise

    def _follow_a_twin(self) -> None:
        """Redirect to where a twin submission of this session took the wizard past this step."""
        saved = self.services.sessions.load(current_session().token)
        raw = saved.data.get(self.session_key) if saved else None
        if not isinstance(raw, dict):
            return
        latest = WizardProgress.from_dict(raw)
        if not latest.may_open(self.otp_step):
            current_session().data = saved.data  # type: ignore[union-attr]
            redirect(f"{self.start}/etape-{latest.where_to(self.otp_step)}")

    def _check_and_create(self, progress: WizardProgress, typed: str) -> str:
        """The code's verdict and, when it is right, the account."""
        outcome = self.services.codes.check(int(progress.data["code_id"]), self._owner(), typed)
        if outcome.verdict is OneTimeVerdict.WRONG:
            message = f"Le code saisi est incorrect. Il vous reste {outcome.tries_left} essai(s)."
            return self.show_security(progress, {"code": [message]})
        if outcome.verdict is not OneTimeVerdict.ACCEPTED:
            return self.show_security(progress, {"code": [ONE_TIME_MESSAGES[outcome.verdict]]})
        return self.create_account(progress)

    def account_created(self, progress: WizardProgress) -> str:
        """Close the steps that made the account and go on to the next one."""
        progress.data = {"matricule": progress.data["matricule"]}
        progress.complete(self.otp_step)
        progress.close_before(self.otp_step + 1)
        return self.go(progress, self.otp_step + 1)

    def _owner(self) -> str:
        """One-time codes of the wizard belong to the session that asked for them."""
        return f"{self.session_key}:{current_session().key}"

    def contact_of(self, progress: WizardProgress) -> tuple[Channel, str | None, str | None]:
        """The verified channel, and the e-mail and mobile it gives the account."""
        channel = Channel(str(progress.data["channel"]))
        destination = str(progress.data["destination"])
        email = destination if channel is Channel.EMAIL else None
        mobile = destination if channel is Channel.SMS else None
        return channel, email, mobile
