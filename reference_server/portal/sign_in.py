"""« Matricule & Mot de passe »: password, then a one-time code (patient guide p. 16, pro p. 12)."""

from bottle import Bottle, redirect, response

from reference_server.domain import codes, matricule
from reference_server.domain.contact import Channel, mask
from reference_server.portal.messages import send_code
from reference_server.portal.messaging_client import GatewayError
from reference_server.portal.my_services import start_session
from reference_server.portal.one_time_codes import OneTimeVerdict
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash, form_text, render

PENDING_KEY = "password_sign_in"
CODE_PURPOSE = "sign-in"
WRONG_CREDENTIALS = "Matricule ou mot de passe incorrect."
EXPIRED_CODE = "Ce code n'est plus valable. Demandez un nouveau code."

Errors = dict[str, list[str]]


class PasswordSignIn:
    """The two pages of the password sign-in, with the guard against guessing."""

    def __init__(self, services: PortalServices) -> None:
        self.services = services

    def show_form(self, errors: Errors | None = None, typed: str = "") -> str:
        """Matricule and password."""
        if errors:
            response.status = 422
        return render("sign_in.tpl", errors=errors or {}, matricule=typed)

    def submit_form(self) -> str:
        """Check the password; when right, send a code to the account's registered means."""
        typed = form_text("matricule")
        number = matricule.check(typed, allow_eleven_digits=True).number
        refusal = self.services.guard.refusal(number)
        if refusal:
            return self.show_form({"matricule": [refusal]}, typed)
        account = self.services.accounts.get(number)
        right = self.services.accounts.password_matches(number, form_text("password"), self.services.hasher)
        destination = account.code_destination if account else None
        if not right or destination is None:
            locked = self.services.guard.failure(number)
            return self.show_form({"password": [locked or WRONG_CREDENTIALS]}, typed)
        current_session().data[PENDING_KEY] = {"matricule": number}
        return self._send(number, destination, resent=False)

    def show_code(self, errors: Errors | None = None) -> str:
        """The code received, with a way to get a new one."""
        pending = current_session().data.get(PENDING_KEY)
        if not pending or not pending.get("code_id"):
            redirect("/connexion/matricule")
        if errors:
            response.status = 422
        return render("sign_in_code.tpl", errors=errors or {}, sent_to=pending["sent_to"],
                      channel=pending["channel"])

    def submit_code(self) -> str:
        """Check the code; a right one opens a new session, a wrong one counts as a failure."""
        pending = current_session().data.get(PENDING_KEY)
        if not pending or not pending.get("code_id"):
            redirect("/connexion/matricule")
        number = str(pending["matricule"])
        if form_text("action") == "resend":
            account = self.services.accounts.get(number)
            destination = account.code_destination if account else None
            if destination is None:
                redirect("/connexion/matricule")
            return self._send(number, destination, resent=True)
        return self._check(number, int(pending["code_id"]))

    def _check(self, number: str, code_id: int) -> str:
        """The code's verdict, and the guard's."""
        refusal = self.services.guard.refusal(number)
        if refusal:
            return self.show_code({"code": [refusal]})
        typed = codes.clean_one_time_code(form_text("code"))
        outcome = self.services.codes.check(code_id, self._owner(), typed)
        if outcome.verdict is OneTimeVerdict.ACCEPTED:
            self.services.guard.success(number)
            start_session(self.services, number, "password")
            redirect("/mes-services")
        locked = self.services.guard.failure(number)
        if locked:
            current_session().data.pop(PENDING_KEY, None)
            flash(locked)
            redirect("/connexion/matricule")
        if outcome.verdict is OneTimeVerdict.WRONG:
            message = f"Le code saisi est incorrect. Il vous reste {outcome.tries_left} essai(s)."
        else:
            message = EXPIRED_CODE
        return self.show_code({"code": [message]})

    def _send(self, number: str, destination: tuple[str, str], *, resent: bool) -> str:
        """Issue a code bound to this session and send it to the account's means."""
        too_many = self.services.code_sends.reserve(number)
        if too_many and resent:
            return self.show_code({"code": [too_many]})
        if too_many:
            return self.show_form({"matricule": [too_many]}, number)
        channel, value = destination
        issued = self.services.codes.issue(self._owner(), CODE_PURPOSE, channel, value)
        try:
            send_code(self.services, channel, value, issued.code, "vous connecter à votre compte eSanté")
        except GatewayError:
            # A code nobody received does not count against the account.
            self.services.code_sends.release(number)
            return self.show_form({"matricule": ["Le code n'a pas pu être envoyé. Veuillez réessayer."]})
        current_session().data[PENDING_KEY].update(
            code_id=issued.id, channel=channel, sent_to=mask(Channel(channel), value)
        )
        if resent:
            flash("Un nouveau code vous a été envoyé.")
        redirect("/connexion/code")
        raise AssertionError("unreachable")

    def _owner(self) -> str:
        """Sign-in codes belong to the session that typed the password."""
        return f"{PENDING_KEY}:{current_session().key}"


def create_app(services: PortalServices) -> Bottle:
    """The password sign-in pages."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    pages = PasswordSignIn(services)
    app.route("/connexion/matricule", "GET", lambda: pages.show_form())
    app.route("/connexion/matricule", "POST", pages.submit_form)
    app.route("/connexion/code", "GET", lambda: pages.show_code())
    app.route("/connexion/code", "POST", pages.submit_code)
    return app
