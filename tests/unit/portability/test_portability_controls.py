"""The page objects find the header, buttons, fields, radios, wizard step and tabs in others' markup."""

import pytest
from playwright.sync_api import Page, expect

from harness.verdicts import LOG
from steps.pages.activation import ActivationCodeStep, CguPage, PasswordStep, ProgressBar
from steps.pages.guide import (
    INFO_AND_RELATIONSHIPS,
    LABELS_OR_INSTRUCTIONS,
    NAME_ROLE_VALUE,
    GuideWordingAmbiguous,
    GuideWordingMissing,
    field,
    press,
    tab,
    tab_marked_open,
)
from steps.pages.portal import PortalHeader
from steps.pages.professional import LuxTrustProductStep

pytestmark = pytest.mark.browser

# What a fallback is expected to record: words of its advisory and its WCAG criterion.
Advice = tuple[str, str]

QUESTION = "Avez-vous reçu votre code d'activation ?"

# Records which element was pressed, without leaving the page: links and submit buttons alike.
PRESSED_JS = """<script>
document.addEventListener("click", (event) => {
  const pressed = event.target.closest("[data-id]");
  if (pressed) { document.body.dataset.pressed = pressed.dataset.id; event.preventDefault(); }
});
</script>"""


def show(page: Page, body: str) -> None:
    """Render a page of another portal, recording the element each click lands on."""
    page.set_content(f'<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Portail</title>'
                     f"</head><body>{body}{PRESSED_JS}</body></html>")


def pressed(page: Page) -> str | None:
    """The data-id of the element last clicked."""
    return page.evaluate("document.body.dataset.pressed")


def assert_advised(advice: Advice | None) -> None:
    """No finding for the preferred structure; else one advisory naming the fallback and criterion."""
    found = LOG.collected()
    if advice is None:
        assert found == []
        return
    words, criterion = advice
    assert len(found) == 1, found
    assert found[0].verdict == "accessibility"
    assert words in found[0].message
    assert found[0].criterion == criterion


# The header's « Connexion », with another « Connexion » lower in the content --------------------

LOWER_CONNEXION = ('<div class="content"><h1>Portail eSanté</h1><p>Bienvenue sur le portail.</p>'
                   '<p>Déjà un compte ? <a href="/connexion" data-id="content">Connexion</a></p></div>')


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param('<header><a href="/">eSanté</a> <a href="/connexion" data-id="top">Connexion</a></header>',
                 None, id="header"),
    pytest.param('<div role="banner"><span>eSanté</span> <button data-id="top">Connexion</button></div>',
                 None, id="role-banner"),
    pytest.param('<header><nav aria-label="Navigation principale"><ul><li><a href="/">Accueil</a></li>'
                 '<li><a href="/connexion" data-id="top">Connexion</a></li></ul></nav></header>',
                 None, id="header-nav"),
    pytest.param('<div class="top-bar"><span>eSanté</span> <a href="/connexion" data-id="top">Connexion</a>'
                 "</div>", ("outside any banner landmark", INFO_AND_RELATIONSHIPS), id="plain-div"),
])
def test_header_connexion_is_the_top_bar_one(page: Page, markup: str, advice: Advice | None):
    show(page, markup + LOWER_CONNEXION)
    PortalHeader(page).open_connexion()
    assert pressed(page) == "top"
    assert_advised(advice)


def test_two_connexion_side_by_side_without_banner_are_ambiguous(page: Page):
    show(page, '<div class="top"><a href="/a">Connexion</a> <a href="/b">Connexion</a></div>')
    with pytest.raises(GuideWordingAmbiguous, match="Connexion"):
        PortalHeader(page).open_connexion()


# « Connexion » in the page's content rather than in the header (professional guide p. 5) -------

HEADER_CONNEXION = '<header><a href="/connexion" data-id="top">Connexion</a></header>'


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param(HEADER_CONNEXION + '<main><h1>Associer un produit LuxTrust</h1>'
                 '<button data-id="step">Connexion</button></main>', None, id="main"),
    pytest.param('<div role="banner"><a href="/connexion" data-id="top">Connexion</a></div>'
                 '<div role="main"><h1>Associer un produit LuxTrust</h1>'
                 '<a href="/luxtrust" data-id="step">Connexion</a></div>', None, id="role-main"),
    pytest.param(HEADER_CONNEXION + '<div class="content"><h1>Associer un produit LuxTrust</h1>'
                 '<button data-id="step">Connexion</button></div>',
                 ("outside the main landmark", INFO_AND_RELATIONSHIPS), id="no-main"),
])
def test_step_connexion_is_the_contents_one(page: Page, markup: str, advice: Advice | None):
    show(page, markup)
    LuxTrustProductStep(page).connect()
    assert pressed(page) == "step"
    assert_advised(advice)


# Buttons -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param('<button type="submit" data-id="next">Étape suivante</button>', None, id="button"),
    pytest.param('<form><input type="submit" value="Étape suivante" data-id="next"></form>', None,
                 id="input-submit"),
    pytest.param('<a href="/etape-2" class="btn" data-id="next">Étape suivante</a>', None, id="link"),
    pytest.param('<button data-id="next">Etape suivante</button>', None, id="no-accent"),
    pytest.param('<button data-id="next">ÉTAPE SUIVANTE <span aria-hidden="true">→</span></button>', None,
                 id="capitals-and-arrow"),
    pytest.param('<div role="button" tabindex="0" data-id="next">Étape suivante</div>', None,
                 id="role-button"),
    pytest.param('<span class="btn" onclick="void 0" data-id="next">Étape suivante</span>',
                 ("is not exposed as a link or button", NAME_ROLE_VALUE), id="clickable-span"),
])
def test_button_is_pressed_whatever_its_element(page: Page, markup: str, advice: Advice | None):
    show(page, f"<main><p>Étape 1 terminée.</p>{markup}</main>")
    press(page, "Étape suivante")
    assert pressed(page) == "next"
    assert_advised(advice)


def test_a_button_with_other_words_fails_naming_the_guides(page: Page):
    show(page, '<main><button>Continuer</button></main>')
    with pytest.raises(GuideWordingMissing, match="« Étape suivante »"):
        press(page, "Étape suivante")


def test_two_identical_buttons_in_the_same_place_are_ambiguous(page: Page):
    show(page, '<main><form><input aria-label="Code"><button>Valider</button> <button>Valider</button>'
               "</form></main>")
    with pytest.raises(GuideWordingAmbiguous, match="« Valider »"):
        press(page, "Valider")


# Fields ------------------------------------------------------------------------------------------

FIELDS = [
    pytest.param('<label for="m">Matricule</label> <input id="m" name="matricule">', None, id="label-for"),
    pytest.param('<label>Matricule <input id="m" name="matricule"></label>', None, id="wrapping-label"),
    pytest.param('<span id="m-label">Matricule</span> <input id="m" aria-labelledby="m-label">', None,
                 id="aria-labelledby"),
    pytest.param('<input id="m" aria-label="Matricule">', None, id="aria-label"),
    pytest.param('<label for="m">Matricule <span aria-hidden="true">*</span></label> <input id="m" required>',
                 None, id="label-with-asterisk"),
    pytest.param('<label for="m">Matricule :</label> <input id="m">', None, id="label-with-colon"),
    pytest.param('<input id="m" placeholder="Matricule">',
                 ("is named by a placeholder only", LABELS_OR_INSTRUCTIONS), id="placeholder-only"),
    pytest.param('<p>Matricule</p> <input id="m" name="matricule">',
                 ("is not associated with its label", LABELS_OR_INSTRUCTIONS), id="text-before"),
    pytest.param('<table><tr><td>Matricule *</td><td><input id="m"></td></tr></table>',
                 ("is not associated with its label", LABELS_OR_INSTRUCTIONS), id="table-cell-before"),
]


@pytest.mark.parametrize(("markup", "advice"), FIELDS)
def test_field_is_found_by_the_guides_words(page: Page, markup: str, advice: Advice | None):
    show(page, f'<main><form><p>Saisissez votre numéro.</p>{markup}<input type="hidden" name="t">'
               "</form></main>")
    assert field(page, "Matricule").evaluate("(el) => el.id") == "m"
    assert_advised(advice)


@pytest.mark.parametrize(("markup", "advice"), FIELDS)
def test_matricule_is_typed_and_its_form_sent(page: Page, markup: str, advice: Advice | None):
    show(page, f'<main><form>{markup} <button data-id="valider">Valider</button></form>'
               '<form><label>Recherche <input></label><button>Valider</button></form></main>')
    ActivationCodeStep(page).enter_matricule("1918090138700")
    assert page.locator("#m").input_value() == "1918090138700"
    assert pressed(page) == "valider"
    assert_advised(advice)


def test_matricule_without_a_form_is_sent_with_the_next_valider(page: Page):
    show(page, '<main><div><button>Valider</button></div><div><label for="m">Matricule</label>'
               '<input id="m"> <button data-id="valider">Valider</button></div></main>')
    ActivationCodeStep(page).enter_matricule("1918090138700")
    assert pressed(page) == "valider"
    assert_advised(("is not in a form with the field it sends", INFO_AND_RELATIONSHIPS))


def test_a_field_with_other_words_fails_naming_the_guides(page: Page):
    show(page, '<main><form><label for="m">Numéro d\'identification</label><input id="m"></form></main>')
    with pytest.raises(GuideWordingMissing, match="« Matricule »"):
        ActivationCodeStep(page).enter_matricule("1918090138700")


@pytest.mark.parametrize(("markup", "advised"), [
    pytest.param('<label for="p">Mot de passe</label><input id="p" type="password">'
                 '<label for="c">Confirmation du mot de passe</label><input id="c" type="password">', 0,
                 id="label-for"),
    pytest.param('<label>Mot de passe <input id="p" type="password"></label>'
                 '<label>Confirmation <input id="c" type="password"></label>', 0, id="wrapping-confirmation"),
    pytest.param('<span id="lp">Mot de passe</span><input id="p" type="password" aria-labelledby="lp">'
                 '<span id="lc">Confirmer le mot de passe</span>'
                 '<input id="c" type="password" aria-labelledby="lc">', 0, id="aria-labelledby-confirmer"),
    pytest.param('<input id="p" type="password" placeholder="Mot de passe">'
                 '<input id="c" type="password" placeholder="Confirmation du mot de passe">', 2,
                 id="placeholders-only"),
])
def test_password_and_confirmation_are_typed(page: Page, markup: str, advised: int):
    show(page, f"<main><h1>Étape 2 : Mot de passe</h1><form>{markup}</form></main>")
    PasswordStep(page).choose("Secret-1234!", "Secret-1234?")
    assert page.locator("#p").input_value() == "Secret-1234!"
    assert page.locator("#c").input_value() == "Secret-1234?"
    assert [finding.criterion for finding in LOG.collected()] == [LABELS_OR_INSTRUCTIONS] * advised


# Radio questions ---------------------------------------------------------------------------------

RADIOS = ('<input type="radio" id="oui" name="r" value="oui"><label for="oui">Oui</label>'
          '<input type="radio" id="non" name="r" value="non"><label for="non">Non</label>')
WRAPPED_RADIOS = ('<label><input type="radio" name="r" value="oui"> Oui</label>'
                  '<label><input type="radio" name="r" value="non"> Non</label>')
OTHER_QUESTION = ('<fieldset><legend>Êtes-vous résident ?</legend><label><input type="radio" name="o" '
                  'value="autre"> Oui</label><label><input type="radio" name="o"> Non</label></fieldset>')


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param(f"<fieldset><legend>{QUESTION}</legend>{RADIOS}</fieldset>", None, id="fieldset-legend"),
    pytest.param('<p id="q">Avez-vous reçu votre code d’activation ?</p>'
                 f'<div role="radiogroup" aria-labelledby="q">{WRAPPED_RADIOS}</div>', None,
                 id="radiogroup-labelledby"),
    pytest.param(f'<div role="group" aria-label="{QUESTION}">{RADIOS}</div>', None, id="group-aria-label"),
    pytest.param(f"{OTHER_QUESTION}<fieldset><legend><h2>{QUESTION}</h2></legend>{WRAPPED_RADIOS}</fieldset>",
                 None, id="second-of-two-questions"),
    pytest.param(f"<p>{QUESTION}</p>{WRAPPED_RADIOS}",
                 ("is not grouped under its question", INFO_AND_RELATIONSHIPS), id="bare-radios"),
])
def test_answer_is_checked_under_its_question(page: Page, markup: str, advice: Advice | None):
    show(page, f"<main><form>{markup}</form></main>")
    step = ActivationCodeStep(page)
    expect(step.question).to_have_count(1)
    step.answer("Oui")
    assert page.locator("input[value=oui]").is_checked()
    expect(page.locator("input[value=autre]:checked")).to_have_count(0)
    assert_advised(advice)


# The wizard's current step -----------------------------------------------------------------------

NAMES = ["Code d'activation", "Mot de passe", "Sécurisation", "Autres moyens", "Confirmation"]
BY_HEADING = ("its heading tells it", INFO_AND_RELATIONSHIPS)
BY_STYLE = ("only its style tells it", INFO_AND_RELATIONSHIPS)


def steps_list(marked: str = "", current_class: str = "") -> str:
    """A progress bar at step 2, « Mot de passe », marked by an attribute and/or a class."""
    current = f" {marked}" + (f' class="{current_class}"' if current_class else "")
    items = "".join(f"<li{current if name == 'Mot de passe' else ''}><span>{number}</span> {name}</li>"
                    for number, name in enumerate(NAMES, start=1))
    return f'<ol class="progress">{items}</ol>'


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param(steps_list('aria-current="step"'), None, id="aria-current-step"),
    pytest.param(steps_list('aria-current="true"', "current"), None, id="aria-current-true-and-class"),
    pytest.param(steps_list() + "<h1>Étape 2 : Mot de passe</h1>", BY_HEADING, id="step-heading"),
    pytest.param(steps_list() + "<h2>Etape 2 - Mot de passe</h2>", BY_HEADING, id="step-heading-no-accent"),
    pytest.param(steps_list() + "<h1>Étape 2 sur 5 : Mot de passe</h1>", BY_HEADING, id="heading-of-five"),
    pytest.param(steps_list() + "<h1>Étape 2/5 – Mot de passe</h1>", BY_HEADING, id="step-heading-slash"),
    pytest.param(steps_list() + "<h2>2. Mot de passe</h2>", BY_HEADING, id="step-heading-number-only"),
    pytest.param(steps_list(current_class="current"), BY_STYLE, id="li-class-current"),
    pytest.param(steps_list(current_class="step is-active"), BY_STYLE, id="li-class-active"),
])
def test_current_step_is_read_as_a_person_reads_it(page: Page, markup: str, advice: Advice | None):
    show(page, f'<main>{markup}<form><label>Mot de passe <input type="password"></label></form></main>')
    ProgressBar(page).at("Mot de passe")
    expect(ProgressBar(page).showing("Mot de passe").first).to_be_visible()
    assert_advised(advice)


def test_another_current_step_is_not_taken_for_the_guides(page: Page):
    show(page, '<main><ol><li aria-current="step">Code d\'activation</li><li>Mot de passe</li></ol>'
               "<h1>Étape 1 : Code d'activation</h1></main>")
    with pytest.raises(GuideWordingMissing, match="« Mot de passe »"):
        ProgressBar(page).at("Mot de passe")


# The open tab: found by its words; marked open by aria-current or aria-selected, else an advisory --


MEANS, PERSONAL = "Moyens d'authentification", "Informations personnelles"


@pytest.mark.parametrize(("markup", "marked"), [
    pytest.param(f'<nav aria-label="Mon compte"><a href="/perso">{PERSONAL}</a>'
                 f'<a href="/moyens" aria-current="page">{MEANS}</a></nav>', True, id="links-aria-current"),
    pytest.param(f'<div role="tablist"><button role="tab" aria-selected="false">{PERSONAL}</button>'
                 f'<button role="tab" aria-selected="true">{MEANS}</button></div>', True,
                 id="role-tab-buttons"),
    pytest.param(f'<ul role="tablist"><li role="presentation"><a role="tab" href="#perso" '
                 f'aria-selected="false">{PERSONAL}</a></li><li role="presentation"><a role="tab" '
                 f'href="#moyens" aria-selected="true">{MEANS}</a></li></ul>', True, id="role-tab-links"),
    pytest.param(f'<ul class="tabs"><li><a href="/perso">{PERSONAL}</a></li>'
                 f'<li class="active"><a href="/moyens" class="active">{MEANS}</a></li></ul>', False,
                 id="class-active-only"),
])
def test_open_tab_is_found_and_its_marking_told(page: Page, markup: str, marked: bool):
    show(page, f"<main><h1>Gérer mon compte</h1>{markup}</main>")
    expect(tab(page, MEANS)).to_be_visible()
    assert tab_marked_open(page, MEANS) is marked
    assert not tab_marked_open(page, PERSONAL)


# The CGU acceptance box --------------------------------------------------------------------------

ACCEPT = "En cochant cette case, j'accepte les Conditions Générales d'Utilisation."


@pytest.mark.parametrize(("markup", "advice"), [
    pytest.param(f'<input type="checkbox" id="cgu"> <label for="cgu">{ACCEPT}</label>', None, id="label-for"),
    pytest.param(f'<label><input type="checkbox" id="cgu"> {ACCEPT}</label>', None, id="wrapping-label"),
    pytest.param(f'<input type="checkbox" id="cgu" aria-labelledby="l"> <span id="l">{ACCEPT}</span>', None,
                 id="aria-labelledby"),
    pytest.param(f'<input type="checkbox" id="cgu"> <span>{ACCEPT}</span>',
                 ("is not associated with its label", LABELS_OR_INSTRUCTIONS), id="words-after-box"),
    pytest.param(f'<p>{ACCEPT}</p> <input type="checkbox" id="cgu">',
                 ("is not associated with its label", LABELS_OR_INSTRUCTIONS), id="words-before-box"),
])
def test_the_cgu_box_is_ticked(page: Page, markup: str, advice: Advice | None):
    show(page, f'<main><h1>Activation de mon compte eSanté</h1><form>{markup}<p><button>Activer mon compte'
               '</button></p><label>Recherche <input id="q"></label></form></main>')
    CguPage(page).accept()
    assert page.locator("#cgu").is_checked()
    assert_advised(advice)
