"""« Mon Compte » → « Gérer mon compte » (professional guide pp. 12–14, shared with patients)."""

from bottle import Bottle, HTTPResponse, redirect, response

from reference_server.domain import codes, contact, password
from reference_server.domain.contact import Channel, mask
from reference_server.luxtrust_client import LuxTrustIdentity
from reference_server.portal.accounts import Account, LastMeansOfSignIn
from reference_server.portal.luxtrust_login import associate_own_product, association_refusal
from reference_server.portal.messages import notify, send_code
from reference_server.portal.messaging_client import GatewayError
from reference_server.portal.my_services import ACCOUNT_KEY
from reference_server.portal.one_time_codes import OneTimeVerdict
from reference_server.portal.services import PortalServices
from reference_server.portal.web import SessionPlugin, current_session, flash, form_text, render

BASE = "/mon-compte"
MEANS = f"{BASE}/moyens-d-authentification"
PERSONAL = f"{BASE}/informations-personnelles"
FRESH_KEY = "fresh_code"
CHANGE_KEY = "contact_change"
NEEDS_FRESH_CODE = (
    "Pour modifier vos moyens d'authentification, confirmez d'abord votre identité "
    "avec un code à usage unique."
)
POLICY = (
    "La longueur minimum du mot de passe est de 8 caractères",
    "Le mot de passe doit comporter au minimum 1 caractère(s) alphabétique(s)",
    "Le mot de passe doit comporter au minimum 1 caractère(s) numérique(s)",
)
NOTICE_NOT_SENT = (
    "Votre modification n'a pas été enregistrée : l'avis qui vous en informe n'a pas pu être "
    "envoyé. Rien n'a été modifié. Veuillez réessayer dans quelques instants."
)
LAST_MEANS = (
    "Ce produit LuxTrust est votre dernier moyen de connexion : il ne peut pas être "
    "supprimé. Définissez d'abord un mot de passe."
)
CONTACT_NAMES = {"sms": "numéro de téléphone portable", "email": "adresse e-mail"}

Errors = dict[str, list[str]]


class AccountPages:
    """The two tabs of « Gérer mon compte », each change checked on the server."""

    def __init__(self, services: PortalServices) -> None:
        self.services = services

    # Who is signed in ------------------------------------------------------------------------------

    def account(self) -> Account:
        """The signed-in account; anyone else is sent to sign in."""
        number = current_session().data.get(ACCOUNT_KEY)
        found = self.services.accounts.get(str(number)) if number else None
        if found is None:
            flash("Veuillez vous connecter pour gérer votre compte.")
            redirect("/connexion")
        return found

    def fresh(self) -> bool:
        """Whether a one-time code was confirmed recently enough for sensitive changes."""
        confirmed_at = current_session().data.get(FRESH_KEY)
        window = self.services.config.fresh_code_window.total_seconds()
        if not isinstance(confirmed_at, int | float):
            return False
        return self.services.clock.timestamp() - confirmed_at < window

    # « Informations personnelles » (p. 14) ------------------------------------------------------

    def show_personal(self) -> str:
        """Personal data and « NOTIFICATIONS PAR E-MAILS »."""
        return render("account_personal.tpl", account=self.account(), tab="personal")

    def save_personal(self) -> None:
        """Persist the two notification preferences."""
        account = self.account()
        self.services.accounts.set_notifications(
            account.matricule,
            events=form_text("notify_events") == "oui",
            surveys=form_text("notify_surveys") == "oui",
        )
        flash("Vos préférences de notification sont enregistrées.")
        redirect(PERSONAL)

    # « Moyens d'authentification » (pp. 12–13) --------------------------------------------------

    def show_means(self, errors: Errors | None = None, **typed: str) -> str:
        """Fresh code, mobile and e-mail, LuxTrust products, password."""
        account = self.account()
        if errors:
            response.status = 422
        session = current_session().data
        return render(
            "account_means.tpl",
            account=account,
            tab="means",
            errors=errors or {},
            fresh=self.fresh(),
            fresh_sent_to=session.get("fresh_sent_to") if session.get("fresh_code_id") else None,
            change=session.get(CHANGE_KEY),
            products=self.services.accounts.products(account.matricule),
            policy=POLICY,
            mobile=typed.get("mobile", account.mobile or ""),
            email=typed.get("email", account.email or ""),
            window_minutes=int(self.services.config.fresh_code_window.total_seconds() // 60),
        )

    def send_fresh_code(self) -> str:
        """Send a code to the means registered on the account."""
        account = self.account()
        destination = account.code_destination
        if destination is None:
            return self.show_means({"fresh": ["Aucun moyen de recevoir un code n'est enregistré."]})
        refusal = self._send_refusal(account)
        if refusal:
            return self.show_means({"fresh": [refusal]})
        channel, value = destination
        issued = self.services.codes.issue(self._owner("fresh"), "fresh", channel, value)
        try:
            send_code(self.services, channel, value, issued.code, "confirmer votre identité")
        except GatewayError:
            # A code nobody received does not count against the account.
            self.services.code_sends.release(account.matricule)
            return self.show_means({"fresh": ["Le code n'a pas pu être envoyé. Veuillez réessayer."]})
        current_session().data.update(fresh_code_id=issued.id, fresh_sent_to=mask(Channel(channel), value))
        redirect(MEANS)
        raise AssertionError("unreachable")

    def confirm_fresh_code(self) -> str:
        """A right code opens the sensitive settings for a few minutes."""
        account = self.account()
        session = current_session().data
        message = self._check_code(account, session.get("fresh_code_id"), "fresh")
        if message:
            return self.show_means({"fresh_code": [message]})
        session.pop("fresh_code_id", None)
        session[FRESH_KEY] = self.services.clock.timestamp()
        redirect(MEANS)
        raise AssertionError("unreachable")

    def change_contact(self, channel: str) -> str:
        """A new number or address: prove it with a code sent there before it takes effect."""
        account = self.account()
        field = "mobile" if channel == "sms" else "email"
        typed = form_text(field)
        if not self.fresh():
            return self.show_means({field: [NEEDS_FRESH_CODE]}, **{field: typed})
        checked = contact.check(Channel(channel), typed)
        if checked.error:
            return self.show_means({field: [checked.error]}, **{field: typed})
        refusal = self.services.code_sends.reserve(account.matricule)
        if refusal:
            return self.show_means({field: [refusal]}, **{field: typed})
        issued = self.services.codes.issue(self._owner("contact"), "contact", channel, checked.value)
        try:
            send_code(self.services, channel, checked.value, issued.code, "confirmer cette adresse")
        except GatewayError:
            self.services.code_sends.release(account.matricule)
            return self.show_means({field: ["Le code n'a pas pu être envoyé. Veuillez réessayer."]})
        current_session().data[CHANGE_KEY] = {
            "channel": channel, "value": checked.value, "code_id": issued.id,
            "sent_to": mask(Channel(channel), checked.value), "name": CONTACT_NAMES[channel],
        }
        redirect(MEANS)
        raise AssertionError("unreachable")

    def confirm_contact(self) -> str:
        """The code sent to the new value makes the change; the holder is told."""
        account = self.account()
        change = current_session().data.get(CHANGE_KEY)
        if not change or not self.fresh():
            return self.show_means({"change_code": [NEEDS_FRESH_CODE]})
        if not change.get("proven"):
            message = self._check_code(account, change.get("code_id"), "contact")
            if message:
                return self.show_means({"change_code": [message]})
            # The code is used up: a notice that cannot leave now may be retried without it.
            change["proven"] = True
        what = f"Votre {change['name']} eSanté a été modifié(e) : {change['sent_to']}."
        if not self._notify(account, what):
            return self._gateway_down("change_code")
        self.services.accounts.set_contact(account.matricule, change["channel"], change["value"])
        current_session().data.pop(CHANGE_KEY, None)
        flash(f"Votre {change['name']} a été modifié(e).")
        redirect(MEANS)
        raise AssertionError("unreachable")

    def change_password(self) -> str:
        """Define or change the password, after a fresh code, following the policy."""
        account = self.account()
        if not self.fresh():
            return self.show_means({"new_password": [NEEDS_FRESH_CODE]})
        chosen, confirmation = form_text("new_password"), form_text("new_password_confirmation")
        found = password.problems(chosen, confirmation)
        if found:
            errors: Errors = {}
            for message in found:
                field = "new_password_confirmation" if message == password.MISMATCH else "new_password"
                errors.setdefault(field, []).append(message)
            return self.show_means(errors)
        new_hash = self.services.hasher.hash(chosen)
        verb = "modifié" if account.has_password else "défini"
        if not self._notify(account, f"Le mot de passe de votre compte eSanté a été {verb}."):
            return self._gateway_down("new_password")
        self.services.accounts.set_password(account.matricule, new_hash)
        flash(f"Votre mot de passe a été {verb}.")
        redirect(MEANS)
        raise AssertionError("unreachable")

    def remove_product(self, serial: str) -> str:
        """Remove a LuxTrust product, unless it is the last way to sign in; its notice goes first."""
        account = self.account()
        if not self.fresh():
            return self.show_means({"products": [NEEDS_FRESH_CODE]})
        try:
            self.services.accounts.check_removable(account.matricule)
        except LastMeansOfSignIn:
            return self.show_means({"products": [LAST_MEANS]})
        owned = {product.serial for product in self.services.accounts.products(account.matricule)}
        if serial in owned:
            return self._remove_owned_product(account, serial)
        redirect(MEANS)
        raise AssertionError("unreachable")

    def _remove_owned_product(self, account: Account, serial: str) -> str:
        """Tell the holder, then remove the product: with the gateway down, neither happens."""
        if not self._notify(account, f"Le produit LuxTrust {serial} a été retiré de votre compte eSanté."):
            return self._gateway_down("products")
        try:
            removed = self.services.accounts.remove_product(account.matricule, serial)
        except LastMeansOfSignIn:
            # Another session removed the other way to sign in after the check above.
            return self.show_means({"products": [LAST_MEANS]})
        if removed:
            flash(f"Le produit LuxTrust {serial} a été supprimé de votre compte.")
        redirect(MEANS)
        raise AssertionError("unreachable")

    def luxtrust_returned(self, identity: LuxTrustIdentity) -> None:
        """LuxTrust vouched for a product: tell the holder, then associate it if it is theirs."""
        account = self.account()
        refusal = NEEDS_FRESH_CODE if not self.fresh() else None
        refusal = refusal or association_refusal(self.services, account.matricule, identity)
        if refusal:
            flash(refusal)
            return
        what = (f"Le produit LuxTrust {identity.device_label} {identity.device_serial} "
                "a été associé à votre compte eSanté.")
        if not self._notify(account, what):
            # Shown at LuxTrust's return address: a new LuxTrust login is needed to try again.
            raise HTTPResponse(self._gateway_down("products"), status=503)
        associate_own_product(self.services, account.matricule, identity)

    def _send_refusal(self, account: Account) -> str | None:
        """Why no code may be sent now: the account is locked, or has had enough codes."""
        return self.services.guard.lock(account.matricule) or self.services.code_sends.reserve(
            account.matricule
        )

    def _check_code(self, account: Account, code_id: object, purpose: str) -> str | None:
        """None when the typed code is right, else why not; failures count against the account."""
        if not isinstance(code_id, int):
            return "Demandez d'abord un code."
        # Per account, across codes and sessions: a new code must not buy new guesses.
        refusal = self.services.guard.refusal(account.matricule)
        if refusal:
            return refusal
        typed = codes.clean_one_time_code(form_text("code"))
        outcome = self.services.codes.check(code_id, self._owner(purpose), typed)
        if outcome.verdict is OneTimeVerdict.ACCEPTED:
            self.services.guard.success(account.matricule)
            return None
        locked = self.services.guard.failure(account.matricule)
        if locked:
            return locked
        if outcome.verdict is OneTimeVerdict.WRONG:
            return f"Le code saisi est incorrect. Il vous reste {outcome.tries_left} essai(s)."
        return "Ce code n'est plus valable. Demandez un nouveau code."

    def _notify(self, account: Account, what: str) -> bool:
        """Send the notice of a change before making it, so that neither happens without the other."""
        try:
            notify(self.services, account, "Modification de votre compte eSanté", what)
        except GatewayError:
            return False
        return True

    def _gateway_down(self, field: str) -> str:
        """The page again, saying that nothing was changed because the notice could not leave."""
        page = self.show_means({field: [NOTICE_NOT_SENT]})
        response.status = 503
        return page

    def _owner(self, purpose: str) -> str:
        """Codes of the account pages belong to the signed-in session."""
        return f"account-{purpose}:{current_session().key}"


def create_app(services: PortalServices) -> tuple[Bottle, AccountPages]:
    """The /mon-compte/ pages, and the object LuxTrust's return for an association calls."""
    app = Bottle()
    app.install(SessionPlugin(services.sessions))
    pages = AccountPages(services)
    app.route(BASE, "GET", lambda: redirect(PERSONAL))
    app.route(PERSONAL, "GET", pages.show_personal)
    app.route(PERSONAL, "POST", pages.save_personal)
    app.route(MEANS, "GET", lambda: pages.show_means())
    app.route(f"{MEANS}/code", "POST", pages.send_fresh_code)
    app.route(f"{MEANS}/code/confirmer", "POST", pages.confirm_fresh_code)
    app.route(f"{MEANS}/mobile", "POST", lambda: pages.change_contact("sms"))
    app.route(f"{MEANS}/email", "POST", lambda: pages.change_contact("email"))
    app.route(f"{MEANS}/confirmer", "POST", pages.confirm_contact)
    app.route(f"{MEANS}/mot-de-passe", "POST", pages.change_password)
    app.route(f"{MEANS}/produits/<serial>/supprimer", "POST", pages.remove_product)
    return app, pages
