"""The patient's activation pages: the CGU, the five wizard steps and the code request form."""

import re
from collections.abc import Callable
from typing import ClassVar

from playwright.sync_api import APIResponse, Locator, Page, Response
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from steps.pages.guide import (
    INFO_AND_RELATIONSHIPS,
    LABELS_OR_INSTRUCTIONS,
    GuideWordingMissing,
    Way,
    act,
    activate,
    choice,
    control,
    field,
    find_control,
    labelled,
    press,
    press_in_form_of,
    question,
    resolve,
    words,
    words_within,
)

# What a person sees as an error: an alert, error text marked as such, the message of a field
# marked invalid, or the browser's own message on a field it would not send. Any of these tells
# them they were refused. A status message (role=status, a polite live region) is not one by
# itself: it also says « your request was saved ».
VISIBLE_ERROR_JS = """
(selectors) => {
  const shown = (el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length)
    && getComputedStyle(el).visibility !== "hidden";
  const said = (el) => shown(el) && el.textContent.trim().length > 0;
  if ([...document.querySelectorAll(selectors.announced)].some(said)) return true;
  const styled = document.querySelectorAll(selectors.styled);
  if ([...styled].some((el) => said(el) && !el.matches("input, select, textarea, form, body, main"))) {
    return true;
  }
  // A field marked invalid (aria-invalid) with its message shown beside it (ARIA21).
  const invalid = document.querySelectorAll('[aria-invalid]:not([aria-invalid="false"])');
  const messages = [...invalid].flatMap((el) => ((el.getAttribute("aria-errormessage") || "") + " "
    + (el.getAttribute("aria-describedby") || "")).split(/\\s+/).filter(Boolean))
    .map((id) => document.getElementById(id)).filter(Boolean);
  if (messages.some(said)) return true;
  // A form the browser would not send focuses its first invalid field and shows its message.
  const focused = document.activeElement;
  return !!(focused && focused.matches("input, select, textarea") && focused.matches(":invalid")
    && focused.validationMessage);
}
"""

# Errors announced to assistive technologies, and text a style sheet marks as an error.
ANNOUNCED_ERRORS = '[role="alert"], [aria-live="assertive"]'
STYLED_ERRORS = ('[class*="error" i], [class*="erreur" i], [class*="invalid" i], [class*="alert-danger" i],'
                 ' [id*="error" i], [id*="erreur" i]')

# How long a followed link may take to bring its document (a download or a PDF).
DOCUMENT_WAIT_MS = 10_000
# A form's default button: the first of its submit buttons, which Enter presses.
_DEFAULT_SUBMIT = "button:default, input[type=submit]:default, input[type=image]:default"


class Feedback:
    """What a page says back: its alerts (errors) and status messages."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.alerts = page.get_by_role("alert")
        self.status = page.get_by_role("status")

    def errors(self) -> Locator:
        """Every element that shows an error: alerts first, then text styled as an error."""
        return self.page.locator(ANNOUNCED_ERRORS).or_(
            self.page.locator(STYLED_ERRORS).filter(has_not=self.page.locator("input, select, textarea")))

    def wait_for_error(self) -> None:
        """Wait until the page shows an error a person can see, by any of the usual means."""
        try:
            self.page.wait_for_function(VISIBLE_ERROR_JS,
                                        arg={"announced": ANNOUNCED_ERRORS, "styled": STYLED_ERRORS})
        except PlaywrightTimeoutError as error:
            raise AssertionError(
                f"The page shows no error message on {self.page.url} (no alert, live region, "
                "error text, nor the browser's own message on a field)"
            ) from error

    def messages(self) -> Locator:
        """Everything that says something back: errors and status messages."""
        return self.errors().or_(self.status)


class CguPage:
    """« ACTIVATION DE MON COMPTE eSANTÉ »: prerequisites, CGU and acceptance (p. 8)."""

    ACCEPT_LABEL = "En cochant cette case, j'accepte les Conditions Générales d'Utilisation."
    PDF_LINK = "Téléchargeables en PDF en cliquant ici"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.acceptance = labelled(page, self.ACCEPT_LABEL)

    def text(self, wording: str) -> Locator:
        """A sentence of the page, matched by its words."""
        return self.page.get_by_text(wording)

    def acceptance_box(self) -> Locator:
        """The CGU acceptance box, by its label or, failing that, the box beside its words."""
        shown = self.page.get_by_text(words(self.ACCEPT_LABEL)).filter(has_not=self.page.locator("input"))
        # A box usually comes before its words; a field's words, before the field.
        unlabelled = "is not associated with its label"
        return resolve(self.page, f"checkbox « {self.ACCEPT_LABEL} »", [
            Way(labelled(self.page, self.ACCEPT_LABEL)),
            Way(shown.locator("xpath=preceding::input[@type='checkbox'][1]"), fallback=unlabelled,
                criterion=LABELS_OR_INSTRUCTIONS),
            Way(shown.locator("xpath=following::input[@type='checkbox'][1]"), fallback=unlabelled,
                criterion=LABELS_OR_INSTRUCTIONS),
        ])

    def accept(self) -> None:
        """Tick the CGU acceptance box."""
        box = self.acceptance_box()
        act(self.page, f"checkbox « {self.ACCEPT_LABEL} »", box.check)

    def activate(self) -> None:
        """Click « Activer mon compte »."""
        press(self.page, "Activer mon compte")

    def open_pdf(self) -> APIResponse:
        """Follow « Téléchargeables en PDF… » and fetch what it leads to, however it is shown."""
        link = find_control(self.page, self.PDF_LINK)

        def follow() -> None:
            act(self.page, f"link « {self.PDF_LINK} »", lambda: activate(self.page, link))

        try:
            url = self._document_url(link, follow)
        except PlaywrightTimeoutError as error:
            raise GuideWordingMissing(
                f"The guide's link « {self.PDF_LINK} » led to no document on {self.page.url}") from error
        # The browser's PDF viewer consumes the body: ask again, with the person's cookies.
        return self.page.context.request.get(url)

    def _document_url(self, link: Locator, follow: Callable[[], None]) -> str:
        """The address of the document a link brings: as a download, in the page or in a new tab."""
        # A link with a download attribute brings a download and no response event; any other
        # way (an attachment, the PDF shown in this page or in a new tab) starts with its response.
        if link.get_attribute("download") is not None:
            with self.page.expect_download(timeout=DOCUMENT_WAIT_MS) as downloaded:
                follow()
            return downloaded.value.url
        with self.page.context.expect_event("response", is_document_response,
                                            timeout=DOCUMENT_WAIT_MS) as answered:
            follow()
        return answered.value.url


def is_document_response(response: Response) -> bool:
    """Tell whether a response brings a document to read rather than a web page's resource."""
    headers = response.headers
    kind = headers.get("content-type", "")
    disposition = headers.get("content-disposition", "")
    return ("pdf" in kind or ".pdf" in disposition.lower() or "attachment" in disposition.lower()
            or response.url.lower().split("?")[0].endswith(".pdf"))


# A step's own heading, as some portals title each step: « Étape 2 : Mot de passe »,
# « Étape 2 sur 5 : Mot de passe », « Étape 2/5 – Mot de passe » or « 2. Mot de passe ».
_STEP_HEADING = r"^\s*(?:(?:[ÉE]tape\s*)?\d+(?:\s*(?:\/|sur)\s*\d+)?\s*[-–:.)]?\s*)?{name}\s*$"
# Classes that mark the current item of a list, as style sheets commonly name it.
_CURRENT_CLASS = '[class*="current" i], [class*="active" i], [class*="en-cours" i], [class*="selected" i]'


class ProgressBar:
    """The wizard's progress bar; its current step is marked with aria-current="step"."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.current = page.locator('[aria-current="step"], [aria-current="true"]')

    def ways_to(self, name: str) -> list[Way]:
        """How a reader tells the wizard is at a step: marked in the bar, titled, or styled."""
        pattern = words_within(name)
        heading = re.compile(_STEP_HEADING.format(name=_source(name)), re.IGNORECASE)
        unmarked = "is not marked as current in the progress bar (aria-current=\"step\")"
        return [
            Way(self.current.filter(has_text=pattern)),
            Way(self.page.get_by_role("heading", name=heading),
                fallback=f"{unmarked}; its heading tells it", criterion=INFO_AND_RELATIONSHIPS),
            Way(self.page.get_by_role("listitem").filter(has_text=pattern).and_(
                self.page.locator(_CURRENT_CLASS)),
                fallback=f"{unmarked}; only its style tells it", criterion=INFO_AND_RELATIONSHIPS),
        ]

    def at(self, name: str) -> Locator:
        """Wait until the wizard shows the named step as the current one."""
        return resolve(self.page, f"current step « {name} »", self.ways_to(name))

    def showing(self, name: str) -> Locator:
        """Whatever would tell a reader that the wizard is at the named step."""
        ways = self.ways_to(name)
        found = ways[0].locator
        for way in ways[1:]:
            found = found.or_(way.locator)
        return found

    def steps(self, names: list[str]) -> Locator:
        """The items of the list that names every step: the progress bar, however it marks its current step."""
        bar = self.page.get_by_role("list")
        for name in names:
            bar = bar.filter(has=self.page.get_by_role("listitem").filter(has_text=words_within(name)))
        return bar.get_by_role("listitem")

    def step(self, name: str) -> Locator:
        """A step of the bar, by the name the guide gives it."""
        return self.page.get_by_role("listitem").filter(has_text=name)


def _source(name: str) -> str:
    """The pattern source of a step's name, with the guides' typographic variants."""
    return words_within(name).pattern


class ActivationCodeStep:
    """Step 1: matricule, « Avez-vous reçu votre code d'activation ? », the code (p. 9)."""

    QUESTION = "Avez-vous reçu votre code d'activation ?"

    def __init__(self, page: Page) -> None:
        self.page = page
        self.matricule = labelled(page, "Matricule")
        self.question = question(page, self.QUESTION)
        self.code = labelled(page, "Code d'activation")

    def matricule_field(self) -> Locator:
        """« Matricule », found as a reader finds it."""
        return field(self.page, "Matricule")

    def code_field(self) -> Locator:
        """« Code d'activation », found as a reader finds it."""
        return field(self.page, "Code d'activation")

    def enter_matricule(self, matricule: str) -> None:
        """Type the matricule and press « Valider »."""
        box = self.matricule_field()
        act(self.page, "field « Matricule »", lambda: box.fill(matricule))
        press_in_form_of(self.page, box, "Valider")

    def answer(self, answer: str) -> None:
        """Answer « Oui » or « Non » to the question about the letter."""
        radio = choice(self.page, self.QUESTION, answer)
        act(self.page, f"« {answer} » of « {self.QUESTION} »", radio.check)

    def enter_code(self, code: str) -> None:
        """Type the activation code from the letter."""
        box = self.code_field()
        act(self.page, "field « Code d'activation »", lambda: box.fill(code))

    def next(self) -> None:
        """Press « Étape suivante »."""
        press(self.page, "Étape suivante")

    def send_code(self) -> None:
        """Press « Étape suivante » and return once the portal has answered."""
        with self.page.expect_response(lambda response: response.request.method == "POST"):
            self.next()

    def go_on_without_code(self) -> None:
        """After « Non »: press « Étape suivante » where the page offers it, else stay on what it shows."""
        offered = resolve(self.page, "link or button « Étape suivante », or the request form", [
            Way(control(self.page, "Étape suivante")),
            Way(self.page.get_by_role("textbox", name=words_within("mail"))),
        ])
        if offered.evaluate("(el) => !el.matches('input, textarea')"):
            act(self.page, "link or button « Étape suivante »", lambda: activate(self.page, offered))


class PasswordStep:
    """Step 2: a personal password and its confirmation (p. 10)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.password = page.get_by_label(words("Mot de passe"))
        self.confirmation = page.get_by_label(words("Confirmation du mot de passe"))

    def password_fields(self) -> tuple[Locator, Locator]:
        """The password and its confirmation, found as a reader finds them."""
        return field(self.page, "Mot de passe"), self.confirmation_field()

    def confirmation_field(self) -> Locator:
        """The confirmation: « Confirmation du mot de passe », else the second password field."""
        return resolve(self.page, "field « Confirmation du mot de passe »", [
            Way(labelled(self.page, "Confirmation du mot de passe")),
            Way(labelled(self.page, "Confirmation")),
            Way(self.page.get_by_label(re.compile(r"confirm", re.IGNORECASE))),
            Way(self.page.get_by_placeholder(re.compile(r"confirm", re.IGNORECASE)),
                fallback="is named by a placeholder only", criterion=LABELS_OR_INSTRUCTIONS),
        ])

    def choose(self, password: str, confirmation: str) -> None:
        """Type the password and its confirmation."""
        first, second = self.password_fields()
        act(self.page, "field « Mot de passe »", lambda: first.fill(password))
        act(self.page, "field « Confirmation »", lambda: second.fill(confirmation))

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
        self.code = labelled(page, self.CODE_LABEL)

    def code_field(self) -> Locator:
        """The field for the code received, by the guide's words or as « Code »."""
        return resolve(self.page, f"field « {self.CODE_LABEL} »", [
            Way(labelled(self.page, self.CODE_LABEL)),
            Way(self.page.get_by_label(re.compile(r"\bcode\b", re.IGNORECASE))),
        ])

    def choose_channel(self, channel: str, destination: str) -> None:
        """Pick « Mobile » or « E-mail », type the number or address, press « Valider »."""
        radio = choice(self.page, self.CHANNEL_QUESTION, channel)
        act(self.page, f"« {channel} » of « {self.CHANNEL_QUESTION} »", radio.check)
        box = resolve(self.page, f"field « {channel} »", [
            Way(self.page.get_by_role("textbox", name=words(channel))),
            Way(self.page.get_by_role("textbox", name=words_within(channel))),
        ])
        act(self.page, f"field « {channel} »", lambda: box.fill(destination))
        self._sending(lambda: press_in_form_of(self.page, box, "Valider"))

    def enter_code(self, code: str) -> None:
        """Type the code received and press its « Valider »."""
        box = self.code_field()
        act(self.page, f"field « {self.CODE_LABEL} »", lambda: box.fill(code))
        press_in_form_of(self.page, box, "Valider")

    def ask_new_code(self) -> None:
        """Ask for a new code to be sent."""
        self._sending(lambda: press(self.page, "Recevoir un nouveau code"))

    def _sending(self, action: Callable[[], None]) -> None:
        """Run an action that sends a code, returning once the portal has answered."""
        # Messages are read out of band afterwards, so the sending must be over by then.
        with self.page.expect_response(lambda response: response.request.method == "POST"):
            action()


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


# What a person types in a form whose fields the guide does not name, by the words of each label.
# Order matters: « Nom et prénom » before « Prénom » before « Nom ».
_FIELD_MEANINGS = (
    ("matricule", r"matricule|identifica"),
    ("full_name", r"nom\s+et\s+pr[ée]nom|pr[ée]nom\s+et\s+nom"),
    ("first_name", r"pr[ée]nom"),
    ("last_name", r"\bnom\b"),
    ("email", r"e-?mail|courriel"),
    ("mobile", r"t[ée]l[ée]phone|mobile|gsm|portable"),
    ("postcode", r"code\s+postal"),
    ("locality", r"localit|ville|commune"),
    ("street", r"rue|adresse"),
)


class CodeRequestForm:
    """« Je n'ai pas de code d'activation »: the form asking for a new letter (p. 7)."""

    # The reference's fields; the guide only says « remplissez le formulaire ».
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
        """One of the reference's fields."""
        return labelled(self.page, self.LABELS[key])

    def matricule(self) -> Locator:
        """The matricule field, found as a reader finds it."""
        return field(self.page, "Matricule")

    def form(self) -> Locator:
        """The request form: the one holding the matricule field."""
        return self.page.locator("form").filter(has=self.matricule())

    def fill(self, values: dict[str, str]) -> dict[str, str]:
        """Fill each field by what its label asks for; return what went in, by label."""
        typed: dict[str, str] = {}
        for box in self._fields().all():
            label = box_label(box)
            value = value_for(label, values)
            if value is not None:
                act(self.page, f"field « {label} »", lambda box=box, value=value: box.fill(value))
                typed[label] = value
        return typed

    def values(self) -> dict[str, str]:
        """What each field of the form holds now, by its label."""
        return {box_label(box): box.input_value() for box in self._fields().all()}

    def _fields(self) -> Locator:
        """The fields a person types into."""
        return self.form().locator("input:not([type=hidden]):not([type=submit]):not([type=button])"
                                   ":not([type=checkbox]):not([type=radio]), textarea")

    def send(self) -> None:
        """Send the request with the form's own button: its submit button, beside a reset or back one."""
        form = self.form()
        # The form's default button (the one Enter would press, CSS :default); else its only button.
        button = resolve(self.page, "the request form's button", [
            Way(form.locator(_DEFAULT_SUBMIT)), Way(form.get_by_role("button")),
        ])
        act(self.page, "the request form's button", lambda: activate(self.page, button))


def box_label(box: Locator) -> str:
    """What a field is called: its label, its accessible name or its placeholder."""
    return str(box.evaluate(
        "(el) => (el.labels && el.labels.length ? el.labels[0].textContent"
        " : el.getAttribute('aria-label') || (el.getAttribute('aria-labelledby') || '').split(/\\s+/)"
        ".map((id) => (document.getElementById(id) || {}).textContent || '').join(' ')"
        " || el.getAttribute('placeholder') || el.name || '').replace(/\\s+/g, ' ').trim()"
    ))


def value_for(label: str, values: dict[str, str]) -> str | None:
    """The persona's value a field's label asks for, or None for a field the persona leaves alone."""
    for key, pattern in _FIELD_MEANINGS:
        if re.search(pattern, label, re.IGNORECASE):
            if key == "full_name" and "first_name" in values:
                return f"{values['first_name']} {values['last_name']}"
            if key == "street" and "street" in values and "postcode" in values and "adresse" in label.lower() \
                    and "rue" not in label.lower():
                return f"{values['street']}, {values['postcode']} {values['locality']}"
            return values.get(key)
    return None
