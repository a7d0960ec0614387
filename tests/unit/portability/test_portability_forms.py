"""The page objects read other portals' error messages, CGU PDF and code request forms."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from harness.verdicts import LOG
from steps.pages.activation import CguPage, CodeRequestForm, Feedback, SecurityStep
from steps.pages.guide import INFO_AND_RELATIONSHIPS, LABELS_OR_INSTRUCTIONS, press

pytestmark = pytest.mark.browser


def show(page: Page, body: str) -> None:
    """Render a page of another portal."""
    page.set_content(f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Portail</title>'
                     f"</head><body>{body}</body></html>")


# Errors ------------------------------------------------------------------------------------------


def refusing_form(answer: str, novalidate: bool = True) -> str:
    """A form whose « Valider » is answered, a moment later, by a page body (the portal's answer)."""
    return (f'<main><form id="f"{" novalidate" if novalidate else ""}>'
            '<label for="m">Matricule</label> <input id="m" name="matricule" required>'
            '<label for="n">Nom</label> <input id="n" name="nom" required> <button>Valider</button></form>'
            '<script>document.getElementById("f").addEventListener("submit", (event) => {'
            "  event.preventDefault();"
            f'  setTimeout(() => {{ document.querySelector("main").innerHTML = {json.dumps(answer)}; }},'
            " 300);"
            "});</script></main>")


FIELDS_AGAIN = '<label for="m">Matricule</label> <input id="m"><label for="n">Nom</label> <input id="n">'


@pytest.mark.parametrize("answer", [
    pytest.param('<form><label for="m">Matricule</label> <input id="m" aria-invalid="true">'
                 '<span role="alert">Le matricule est obligatoire.</span>'
                 '<label for="n">Nom</label> <input id="n" aria-invalid="true">'
                 '<span role="alert">Le nom est obligatoire.</span></form>', id="alert-per-field"),
    pytest.param('<div role="alert"><p>Veuillez corriger les éléments suivants :</p><ul>'
                 "<li>Le matricule est obligatoire.</li><li>Le nom est obligatoire.</li></ul></div>"
                 f"<form>{FIELDS_AGAIN}</form>", id="alert-summary"),
    pytest.param(f'<form><p class="error">Le matricule est invalide.</p>{FIELDS_AGAIN}</form>',
                 id="class-error"),
    pytest.param('<form><label for="m">Matricule</label> <input id="m" class="form-control is-invalid">'
                 '<div class="invalid-feedback">Le matricule est invalide.</div></form>',
                 id="bootstrap-invalid-feedback"),
    pytest.param('<div class="alert alert-danger">Le matricule est invalide.</div>'
                 f"<form>{FIELDS_AGAIN}</form>", id="bootstrap-alert-danger"),
    pytest.param('<form><label for="m">Matricule</label> <input id="m" aria-invalid="true" '
                 'aria-describedby="m-hint m-msg"><span id="m-hint">13 chiffres</span>'
                 '<span id="m-msg">Ce matricule n\'est pas valide.</span></form>',
                 id="aria-invalid-described"),
    pytest.param(f'<div aria-live="assertive">Le matricule est invalide.</div><form>{FIELDS_AGAIN}</form>',
                 id="aria-live-assertive"),
])
def test_an_error_is_seen_however_the_portal_shows_it(page: Page, answer: str):
    show(page, refusing_form(answer))
    press(page, "Valider")
    Feedback(page).wait_for_error()


def test_the_browsers_own_validation_is_seen_as_an_error(page: Page):
    show(page, refusing_form("<p>Jamais montré</p>", novalidate=False))
    press(page, "Valider")
    Feedback(page).wait_for_error()
    assert page.evaluate("document.activeElement.id") == "m"


@pytest.mark.parametrize("answer", [
    pytest.param('<p role="status">Votre demande a bien été enregistrée.</p>', id="success-status"),
    pytest.param('<div role="alert"></div><p class="error" hidden>Le matricule est obligatoire.</p>'
                 '<div aria-live="polite">Demande envoyée.</div>', id="empty-or-hidden-error-slots"),
])
def test_a_page_without_error_is_not_taken_for_one(page: Page, answer: str):
    show(page, refusing_form(answer))
    press(page, "Valider")
    with pytest.raises(AssertionError, match="shows no error message"):
        Feedback(page).wait_for_error()


# The CGU as a PDF --------------------------------------------------------------------------------

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
LINK_TEXT = "Téléchargeables en PDF en cliquant ici"

# Each page of the little portal offers the CGU its own way.
CGU_PAGES = {
    "/attachment": f'<p><a href="/telecharger?document=cgu">{LINK_TEXT}</a></p>',
    "/download-attribute": f'<p><a href="/documents/cgu.pdf" download>{LINK_TEXT}</a></p>',
    "/inline": f'<p><a href="/document?id=cgu">{LINK_TEXT}</a></p>',
    "/new-tab": f'<p><a href="/documents/cgu.pdf" target="_blank" rel="noopener">{LINK_TEXT}</a></p>',
    "/window-open": "<p><button type=\"button\" onclick=\"window.open('/document?id=cgu')\">"
                    f"{LINK_TEXT}</button></p>",
    "/link-in-sentence": '<p>Téléchargeables en PDF en <a href="/documents/cgu.pdf" target="_blank">'
                         "cliquant ici</a></p>",
}


class LittlePortal(BaseHTTPRequestHandler):
    """The CGU page in its variants, and the PDF as a download, inline or under a .pdf name."""

    def do_GET(self) -> None:
        """Answer a page, the PDF, or 404."""
        path = urlsplit(self.path).path
        if path in CGU_PAGES:
            body = (f'<!doctype html><html lang="fr"><meta charset="utf-8"><title>CGU</title>'
                    f"<main><h1>Conditions Générales d'Utilisation</h1>{CGU_PAGES[path]}</main></html>")
            self.answer("text/html; charset=utf-8", body.encode())
        elif path == "/telecharger":
            self.answer("application/octet-stream", PDF, 'attachment; filename="cgu.pdf"')
        elif path in ("/document", "/documents/cgu.pdf"):
            self.answer("application/pdf", PDF, "inline")
        else:
            self.send_error(404)

    def answer(self, kind: str, body: bytes, disposition: str | None = None) -> None:
        """Send a body of a content type."""
        self.send_response(200)
        self.send_header("Content-Type", kind)
        if disposition:
            self.send_header("Content-Disposition", disposition)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        """Stay quiet."""


@pytest.fixture(scope="module")
def little_portal():
    """The little portal on 127.0.0.1, for the whole module."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), LittlePortal)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("variant", list(CGU_PAGES))
def test_the_cgu_pdf_is_fetched_however_it_is_offered(page: Page, little_portal: str, variant: str):
    page.goto(little_portal + variant)
    response = CguPage(page).open_pdf()
    assert response.ok
    assert response.body().startswith(b"%PDF-")
    assert LOG.collected() == []


# The code request form ---------------------------------------------------------------------------

VALUES = {
    "matricule": "1918090138700",
    "last_name": "Schmit",
    "first_name": "Anne",
    "email": "anne.schmit@example.lu",
    "street": "12, rue de la Gare",
    "postcode": "L-1611",
    "locality": "Luxembourg",
}
SEARCH = ('<header><form role="search"><input aria-label="Rechercher" name="q"><button>OK</button></form>'
          "</header>")
STAR = '<span class="required" aria-hidden="true">*</span>'


def labelled_input(name: str, label: str, kind: str = "text") -> str:
    """A field of the reference's kind: a label for it, with an asterisk hidden from its name."""
    return f'<div class="field"><label for="{name}">{label} {STAR}</label><input id="{name}" name="{name}" ' \
           f'type="{kind}"></div>'


REFERENCE_FORM = (
    labelled_input("matricule", "Matricule") + labelled_input("last_name", "Nom")
    + labelled_input("first_name", "Prénom") + labelled_input("email", "E-mail", "email")
    + labelled_input("mobile", "Téléphone portable", "tel")
    + "<fieldset><legend>Adresse postale</legend>" + labelled_input("street", "Rue et numéro")
    + labelled_input("postcode", "Code postal") + labelled_input("locality", "Localité") + "</fieldset>"
)
OTHER_PORTAL_FORM = (
    '<label>Matricule <input name="matricule"></label>'
    '<label>Nom et prénom <input name="full_name"></label>'
    '<label>Adresse e-mail <input type="email" name="email"></label>'
    '<label for="address">Adresse postale</label><textarea id="address" name="address"></textarea>'
    '<label><input type="checkbox" name="consent"> J\'accepte d\'être recontacté</label>'
)
TABLE_FORM = (
    '<input type="hidden" name="token" value="x"><table>'
    '<tr><th id="l1">Matricule</th><td><input aria-labelledby="l1" name="matricule"></td></tr>'
    '<tr><th id="l2">Prénom</th><td><input aria-labelledby="l2" name="first_name"></td></tr>'
    '<tr><th id="l3">Nom</th><td><input aria-labelledby="l3" name="last_name"></td></tr>'
    '<tr><th id="l4">Rue</th><td><input aria-labelledby="l4" name="street"></td></tr>'
    '<tr><th id="l5">Code postal</th><td><input aria-labelledby="l5" name="postcode"></td></tr>'
    '<tr><th id="l6">Ville</th><td><input aria-labelledby="l6" name="locality"></td></tr>'
    '<tr><th id="l7">Pays</th><td><select aria-labelledby="l7" name="country"><option>Luxembourg</option>'
    "</select></td></tr></table>"
)
PLACEHOLDER_FORM = (
    '<input name="matricule" placeholder="Matricule"><input name="first_name" placeholder="Prénom">'
    '<input name="last_name" placeholder="Nom"><input name="email" type="email" placeholder="Courriel">'
    '<input name="street" placeholder="Rue et numéro"><input name="postcode" placeholder="Code postal">'
    '<input name="locality" placeholder="Localité">'
)
EVERY_VALUE = {"mobile": "", **VALUES}


@pytest.mark.parametrize(("markup", "expected", "advice"), [
    pytest.param(REFERENCE_FORM, EVERY_VALUE, None, id="reference"),
    pytest.param(OTHER_PORTAL_FORM, {
        "matricule": "1918090138700", "full_name": "Anne Schmit", "email": "anne.schmit@example.lu",
        "address": "12, rue de la Gare, L-1611 Luxembourg"}, None, id="full-name-and-address-textarea"),
    pytest.param(TABLE_FORM, {key: VALUES[key] for key in (
        "matricule", "first_name", "last_name", "street", "postcode", "locality")}, None,
                 id="table-aria-labelledby"),
    pytest.param(PLACEHOLDER_FORM, VALUES, ("is named by a placeholder only", LABELS_OR_INSTRUCTIONS),
                 id="placeholders-only"),
])
def test_the_request_form_is_filled_field_by_field(
    page: Page, markup: str, expected: dict[str, str], advice: tuple[str, str] | None
):
    show(page, f'{SEARCH}<main><h1>Je n\'ai pas de code d\'activation</h1><form id="request">{markup}'
               "<button>Envoyer ma demande</button></form></main>")
    CodeRequestForm(page).fill(VALUES)
    for name, value in expected.items():
        assert page.locator(f"#request [name={name}]").input_value() == value, name
    assert page.locator("[name=q]").input_value() == ""
    assert [(finding.criterion, advice[0] in finding.message) for finding in LOG.collected()] == (
        [] if advice is None else [(advice[1], True)])


@pytest.mark.parametrize("buttons", [
    pytest.param('<a class="button" href="/patient">Retour</a> '
                 '<button type="submit">Envoyer ma demande</button>', id="link-and-button"),
    pytest.param('<input type="submit" value="Envoyer">', id="input-submit"),
    pytest.param('<button type="reset">Effacer</button> <button>Envoyer</button>', id="reset-and-submit"),
    pytest.param('<button type="button" onclick="history.back()">Annuler</button> '
                 '<input type="submit" value="Envoyer la demande">', id="cancel-and-submit"),
])
def test_the_request_form_is_sent_with_its_own_button(page: Page, buttons: str):
    show(page, f'{SEARCH}<main><form onsubmit="event.preventDefault(); document.body.dataset.sent = 1">'
               f'<label>Matricule <input name="matricule"></label>{buttons}</form></main>')
    CodeRequestForm(page).send()
    expect(page.locator("body[data-sent]")).to_have_count(1)


# Step 3: where the one-time code goes, and the code received -------------------------------------

CHANNELS = ('<label><input type="radio" name="channel" value="mobile"> Mobile</label>'
            '<label><input type="radio" name="channel" value="email"> E-mail</label>')
ASKED = "Code à usage unique à recevoir par"


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param(f'<fieldset><legend>{ASKED}</legend>{CHANNELS}</fieldset>'
                 '<label for="d">Mobile</label> <input id="d" type="tel" name="destination">', None,
                 id="fieldset-and-label"),
    pytest.param(f'<p id="q">{ASKED} :</p><div role="radiogroup" aria-labelledby="q">{CHANNELS}</div>'
                 '<label>Numéro de mobile <input id="d" type="tel" name="destination"></label>', None,
                 id="radiogroup-and-longer-label"),
    pytest.param(f"<p>{ASKED}</p>{CHANNELS}"
                 '<input id="d" type="tel" name="destination" aria-label="Mobile">',
                 ("is not grouped under its question", INFO_AND_RELATIONSHIPS), id="bare-radios"),
])
def test_the_channel_is_chosen_and_the_number_sent(page: Page, markup: str, advice: tuple[str, str] | None):
    sent = []

    def portal(route: Route) -> None:
        sent.append(route.request.post_data)
        route.fulfill(content_type="text/html", body="<main><p>Un code vous a été envoyé.</p></main>")

    page.route("http://portail.test/**", portal)
    show(page, f'<main><h1>Étape 3 : Sécurisation</h1><form method="post" action="http://portail.test/code">'
               f'{markup} <button>Valider</button></form></main>')
    SecurityStep(page).choose_channel("Mobile", "+352 621 123 456")
    assert sent == ["channel=mobile&destination=%2B352+621+123+456"]
    assert [(finding.criterion, advice[0] in finding.message) for finding in LOG.collected()] == (
        [] if advice is None else [(advice[1], True)])


@pytest.mark.parametrize("label", ["Code reçu par SMS ou par E-mail", "Code reçu :", "Code de sécurité"])
def test_the_code_received_is_typed(page: Page, label: str):
    show(page, f'<main><form><label for="c">{label}</label> <input id="c" autocomplete="one-time-code">'
               "<button>Valider</button></form></main>")
    assert SecurityStep(page).code_field().evaluate("(el) => el.id") == "c"
