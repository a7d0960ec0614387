"""The patient's activation pages: the CGU, the five wizard steps and the code request form."""

from typing import ClassVar

from playwright.sync_api import Download, Locator, Page

from steps.pages.guide import act, activate, by_role, labelled, press, words


class Feedback:
    """What a page says back: its alerts (errors) and status messages."""

    def __init__(self, page: Page) -> None:
        self.alerts = page.get_by_role("alert")
        self.status = page.get_by_role("status")


class CguPage:
    """« ACTIVATION DE MON COMPTE eSANTÉ »: prerequisites, CGU and acceptance (p. 8)."""

    ACCEPT_LABEL = "En cochant cette case, j'accepte les Conditions Générales d'Utilisation."

    def __init__(self, page: Page) -> None:
        self.page = page
        self.acceptance = labelled(page, self.ACCEPT_LABEL)
        self.pdf_link = page.get_by_role("link", name="Téléchargeables en PDF en cliquant ici")

    def text(self, wording: str) -> Locator:
        """A sentence of the page, matched by its words."""
        return self.page.get_by_text(wording)

    def accept(self) -> None:
        """Tick the CGU acceptance box."""
        act(self.page, f"checkbox « {self.ACCEPT_LABEL} »", self.acceptance.check)

    def activate(self) -> None:
        """Click « Activer mon compte »."""
        press(self.page, "Activer mon compte")

    def download_pdf(self) -> Download:
        """Download the CGU through « Téléchargeables en PDF en cliquant ici »."""
        with self.page.expect_download() as download:
            act(self.page, "link « Téléchargeables en PDF en cliquant ici »",
                lambda: activate(self.page, self.pdf_link))
        return download.value


class ProgressBar:
    """The wizard's progress bar; the current step is marked with aria-current="step"."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.current = page.locator('[aria-current="step"]')

    def step(self, name: str) -> Locator:
        """A step of the bar, by the name the guide gives it."""
        return self.page.get_by_role("listitem").filter(has_text=name)


class ActivationCodeStep:
    """Step 1: matricule, « Avez-vous reçu votre code d'activation ? », the code (p. 9)."""

    QUESTION = "Avez-vous reçu votre code d'activation ?"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.matricule = labelled(page, "Matricule")
        self.question = by_role(page, "group", self.QUESTION)
        self.code = labelled(page, "Code d'activation")

    def enter_matricule(self, matricule: str) -> None:
        """Type the matricule and press « Valider »."""
        act(self.page, "field « Matricule »", lambda: self.matricule.fill(matricule))
        press(self.page, "Valider")

    def answer(self, choice: str) -> None:
        """Answer « Oui » or « Non » to the question about the letter."""
        radio = by_role(self.question, "radio", choice)
        act(self.page, f"« {choice} » of « {self.QUESTION} »", radio.check)

    def enter_code(self, code: str) -> None:
        """Type the activation code from the letter."""
        act(self.page, "field « Code d'activation »", lambda: self.code.fill(code))

    def next(self) -> None:
        """Press « Étape suivante »."""
        press(self.page, "Étape suivante")


class PasswordStep:
    """Step 2: a personal password and its confirmation (p. 10)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.password = page.get_by_label(words("Mot de passe"))
        self.confirmation = page.get_by_label(words("Confirmation du mot de passe"))

    def choose(self, password: str, confirmation: str) -> None:
        """Type the password and its confirmation."""
        act(self.page, "field « Mot de passe »", lambda: self.password.fill(password))
        act(self.page, "field « Confirmation »", lambda: self.confirmation.fill(confirmation))

    def next(self) -> None:
        """Press « Étape suivante »."""
        press(self.page, "Étape suivante")

    def back(self) -> None:
        """Press « Étape précédente »."""
        press(self.page, "Étape précédente")


class SecurityStep:
    """Step 3: where the one-time code goes, then the code received (pp. 11–12)."""

    CHANNEL_QUESTION = "Code à usage unique à recevoir par"
    CODE_LABEL = "Code reçu par SMS ou par E-mail"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.channels = by_role(page, "group", self.CHANNEL_QUESTION)
        self.code = labelled(page, self.CODE_LABEL)
        # Some portals show the channel and the code on one page, each with its « Valider ».
        self.code_form = page.locator("form").filter(has=self.code)

    def choose_channel(self, channel: str, destination: str) -> None:
        """Pick « Mobile » or « E-mail », type the number or address, press « Valider »."""
        act(self.page, f"« {channel} » of « {self.CHANNEL_QUESTION} »",
            by_role(self.channels, "radio", channel).check)
        box = by_role(self.page, "textbox", channel)
        act(self.page, f"field « {channel} »", lambda: box.fill(destination))
        self._submit("Valider")

    def enter_code(self, code: str) -> None:
        """Type the code received and press its « Valider »."""
        act(self.page, f"field « {self.CODE_LABEL} »", lambda: self.code.fill(code))
        press(self.page, "Valider", scope=self.code_form)

    def ask_new_code(self) -> None:
        """Ask for a new code to be sent."""
        self._submit("Recevoir un nouveau code")

    def _submit(self, text: str) -> None:
        """Press a control that sends a code, returning once the portal has answered."""
        # Messages are read out of band afterwards, so the sending must be over by then.
        with self.page.expect_response(lambda response: response.request.method == "POST"):
            press(self.page, text)


class OtherMeansStep:
    """Step 4: a LuxTrust product may be associated; it is optional (p. 13)."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def skip(self) -> None:
        """Go on without LuxTrust: « Étape suivante »."""
        press(self.page, "Étape suivante")


class ConfirmationStep:
    """Step 5: « Votre activation est terminée! » and « Connectez-vous » (p. 14)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.done = page.get_by_text(words("Votre activation est terminée!"))
        self.sign_in = page.get_by_role("link", name=words("Connectez-vous")).or_(
            page.get_by_role("button", name=words("Connectez-vous"))
        )


class CodeRequestForm:
    """« Je n'ai pas de code d'activation »: the form asking for a new letter (p. 7)."""

    LABELS: ClassVar[dict[str, str]] = {
        "matricule": "Matricule",
        "last_name": "Nom",
        "first_name": "Prénom",
        "email": "E-mail",
        "street": "Rue et numéro",
        "postcode": "Code postal",
        "locality": "Localité",
    }

    def __init__(self, page: Page) -> None:
        self.page = page

    def input(self, key: str) -> Locator:
        """One of the form's fields."""
        return labelled(self.page, self.LABELS[key])

    def fill(self, values: dict[str, str]) -> None:
        """Type the given values into their fields."""
        for key, value in values.items():
            box = self.input(key)
            act(self.page, f"field « {self.LABELS[key]} »", lambda box=box, value=value: box.fill(value))

    def send(self) -> None:
        """Send the request."""
        press(self.page, "Envoyer ma demande")
