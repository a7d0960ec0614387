"""axe-core finds no WCAG 2.1 AA violation on any page state of the reference world.

Every page of the portal, LuxTrust, MyGuichet.lu and the messaging outbox is visited in one
browser, in the states a person meets: empty forms submitted to show their error summaries, both
wizards step by step, the signed-in pages, the error pages, the idle-session warning. Each state is
one axe-core run; a failure lists every violation with its rule, WCAG criterion, page state and an
example node. A few checks axe-core cannot make ride along (rules named « reference-… »): every
field hint is read with its field, and a refused form or an error page says « Erreur » in its
title, moves the focus to its message and marks the refused fields invalid.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Locator, Page, expect
from web_client import json_request

from reference_server.config import TEST_HASHING, WorldConfig
from reference_server.world import World, WorldUrls

pytestmark = pytest.mark.browser

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# WCAG 2.5.3 Label in Name is checked by a rule axe-core still calls experimental: turned on here.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": TAGS},
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "resultTypes": ["violations"],
}
AXE = Axe()
# Hints that no control points to with aria-describedby, as outerHTML.
UNREAD_HINTS_JS = """() => [...document.querySelectorAll('.hint[id], .mg-hint[id]')]
  .filter((hint) => !document.querySelector(`[aria-describedby~="${hint.id}"]`))
  .map((hint) => hint.outerHTML)"""
# What a refusal shows besides its message: the title, where the focus is, the fields marked invalid.
REFUSAL_JS = """() => ({
  title: document.title,
  focused: document.activeElement ? document.activeElement.outerHTML : "",
  focusedAlert: !!document.activeElement && document.activeElement.getAttribute("role") === "alert",
  invalid: document.querySelectorAll('[aria-invalid="true"]').length,
})"""
PASSWORD = "Sante2026ok"
# Generous: several test processes may share the machine's cores.
WAIT_MS = 10_000


@dataclass(frozen=True)
class Violation:
    """One rule (axe-core's or a reference check) broken on one page state, with an example node."""

    state: str
    url: str
    rule: str
    criteria: str
    impact: str
    help: str
    nodes: int
    target: str
    html: str


def criteria_of(tags: list[str]) -> str:
    """The WCAG success criteria an axe rule's tags name, as « 1.4.3 »."""
    found = [".".join(tag[4:]) if len(tag) == 7 else f"{tag[4]}.{tag[5]}.{tag[6:]}"
             for tag in tags if re.fullmatch(r"wcag\d{3,4}", tag)]
    return ", ".join(found) or "best practice"


@dataclass
class Audit:
    """The page states visited so far and what axe-core found on them."""

    states: list[str] = field(default_factory=list)
    violations: list[Violation] = field(default_factory=list)

    def check(self, page: Page, state: str) -> None:
        """Run axe-core, and the hint check, on the page as it is now."""
        self.states.append(state)
        results = AXE.run(page, options=AXE_OPTIONS).response
        for rule in results["violations"]:
            node = rule["nodes"][0]
            self.violations.append(Violation(
                state=state, url=page.url, rule=rule["id"], criteria=criteria_of(rule["tags"]),
                impact=str(rule["impact"]), help=rule["help"], nodes=len(rule["nodes"]),
                target=" ".join(map(str, node["target"])), html=node["html"][:300],
            ))
        unread = page.evaluate(UNREAD_HINTS_JS)
        if unread:
            self.own(page, state, "reference-hint-described", "1.3.1",
                     "A field's hint is read with it (aria-describedby)", unread)

    def check_refusal(self, page: Page, state: str, *, field_refused: bool = True) -> None:
        """Check what a refused form or an error page shows besides its message, then audit it."""
        shown = page.evaluate(REFUSAL_JS)
        if not str(shown["title"]).startswith("Erreur"):
            self.own(page, state, "reference-error-title", "3.3.1",
                     "The title of a page that reports an error starts with « Erreur »", [shown["title"]])
        if not shown["focusedAlert"]:
            self.own(page, state, "reference-error-focus", "3.3.1",
                     "The focus is moved to the error message", [shown["focused"] or "(nothing focused)"])
        if field_refused and not shown["invalid"]:
            self.own(page, state, "reference-error-invalid", "3.3.1",
                     "The refused field is marked aria-invalid", ["(no element with aria-invalid)"])
        self.check(page, state)

    def own(self, page: Page, state: str, rule: str, criterion: str, help: str, nodes: list[object]) -> None:
        """Record a finding of the checks axe-core cannot make."""
        self.violations.append(Violation(
            state=state, url=page.url, rule=rule, criteria=criterion, impact="serious", help=help,
            nodes=len(nodes), target=rule, html=str(nodes[0])[:300]))

    def assert_clean(self) -> None:
        """Fail with every rule broken, its example node and the states it was found on."""
        if not self.violations:
            return
        grouped: dict[tuple[str, str], list[Violation]] = {}
        for violation in self.violations:
            grouped.setdefault((violation.rule, violation.target), []).append(violation)
        lines = [f"{len(grouped)} violation(s) on {len(self.states)} page states:"]
        for found in grouped.values():
            first = found[0]
            states = "; ".join(f"« {v.state} »" for v in found)
            lines.append(f"[WCAG {first.criteria}] {first.rule} ({first.impact}): {first.help}\n"
                         f"    on {len(found)} state(s): {states}\n    first at {first.url}\n"
                         f"    e.g. {first.target} ({first.nodes} node(s)): {first.html}")
        pytest.fail("\n".join(lines), pytrace=False)


@pytest.fixture(scope="module")
def world() -> Iterator[WorldUrls]:
    """A reference world of its own, with the test-support interface and its shortcuts."""
    with World(WorldConfig(test_support=True, hashing=TEST_HASHING)) as urls:
        yield urls


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    """A fresh French-speaking context in the session's browser."""
    context = browser.new_context(locale="fr-LU")
    context.set_default_timeout(WAIT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """The context's one tab."""
    return context.new_page()


@pytest.fixture
def audit() -> Audit:
    """The test's findings, asserted once every state is visited."""
    return Audit()


# Helpers ------------------------------------------------------------------------------------------


def support(world: WorldUrls, path: str, payload: dict[str, object]) -> dict[str, object]:
    """POST to the portal's test-support interface and return its JSON answer."""
    reply = json_request(world.test_support + path, payload)
    assert reply.status == 201, f"{path}: {reply.status} {reply.body}"
    answer = reply.json()
    assert isinstance(answer, dict)
    return answer


def persona(world: WorldUrls, **spec: object) -> dict[str, object]:
    """A new persona of the world's register."""
    return support(world, "personas", {"kind": "patient", **spec})


def account(world: WorldUrls, **spec: object) -> dict[str, object]:
    """A new patient with an activated account and a password."""
    person = persona(world, **spec)
    support(world, "accounts", {"matricule": person["matricule"], "password": PASSWORD})
    return person


def use_session(world: WorldUrls, context: BrowserContext, opened: dict[str, object]) -> None:
    """Give the context, and only it, the portal session a shortcut opened."""
    cookies = opened["cookies"]
    assert isinstance(cookies, list)
    context.clear_cookies()
    context.add_cookies([{"name": c["name"], "value": c["value"], "url": world.portal} for c in cookies])


def sign_in(world: WorldUrls, context: BrowserContext, person: dict[str, object]) -> None:
    """Give the context a signed-in session for the person's account."""
    use_session(world, context, support(world, "sessions", {"matricule": person["matricule"]}))


def open_wizard(world: WorldUrls, context: BrowserContext, step: int) -> str:
    """Put a new patient's wizard at a step in the context's session; returns the step's URL."""
    person = persona(world)
    opened = support(world, "wizards", {"matricule": person["matricule"], "step": step,
                                        "password": PASSWORD, "activation_code": person["activation_code"]})
    use_session(world, context, opened)
    return world.portal + str(opened["url"])


def press(page: Page, name: str, scope: Page | Locator | None = None) -> None:
    """Click a button and wait for the page it leads to."""
    with page.expect_navigation():
        (scope or page).get_by_role("button", name=name, exact=True).click()


def visit(audit: Audit, page: Page, url: str, state: str) -> None:
    """Open a URL and audit the page it shows."""
    page.goto(url)
    audit.check(page, state)


def submitted(audit: Audit, page: Page, button: str, state: str, scope: Page | Locator | None = None) -> None:
    """Submit a form as it is and audit the refusal: its title, focus and fields say it too."""
    press(page, button, scope)
    audit.check_refusal(page, state)


def error_page(audit: Audit, page: Page, url: str, state: str) -> None:
    """Open a URL that leads to an error page and audit it."""
    page.goto(url)
    audit.check_refusal(page, state, field_refused=False)


def luxtrust_login(audit: Audit, page: Page, device: dict[str, object], prefix: str) -> None:
    """Walk LuxTrust's pages with a PIN product, auditing each page and its error states."""
    expect(page.get_by_role("group", name="Choisissez votre produit LuxTrust")).to_be_visible()
    audit.check(page, f"{prefix}: LuxTrust, choix du produit")
    submitted(audit, page, "Continuer", f"{prefix}: LuxTrust, formulaire vide")
    page.get_by_role("radio", name=str(device["label"]), exact=True).check()
    page.get_by_label("Identifiant").fill(str(device["user_id"]))
    page.get_by_label("Mot de passe").fill(str(device["password"]))
    press(page, "Continuer")
    audit.check(page, f"{prefix}: LuxTrust, code PIN")
    submitted(audit, page, "Valider", f"{prefix}: LuxTrust, code PIN vide")
    page.get_by_label("Code PIN").fill(str(device["pin"]))
    press(page, "Valider")


# The portal, as anyone sees it ------------------------------------------------------------------

PUBLIC_PAGES = {
    "": "Accueil",
    "connexion": "Connexion",
    "patient": "Espace patient",
    "professionnel": "Espace professionnel",
    "patients": "Patients",
    "professionnels-de-sante": "Professionnels de santé",
    "acces-services": "Accès services eSanté",
    "editeurs": "Editeurs",
    "infos-esante": "Infos e-santé",
    "aide": "Besoin d'aide",
    "aide/activation-patient": "Guide en ligne",
    "ehelpdesk": "eHelpdesk",
    "recherche?q=DSP": "Recherche",
    "recherche": "Recherche vide",
    "actualites": "Actualités",
}


def test_public_pages(world: WorldUrls, page: Page, audit: Audit):
    for path, state in PUBLIC_PAGES.items():
        visit(audit, page, world.portal + path, state)
    error_page(audit, page, world.portal + "page-qui-n-existe-pas", "Erreur 404")
    page.goto(world.portal)
    page.get_by_role("banner").get_by_role("link", name="Connexion").click()
    expect(page.get_by_role("banner").get_by_role("link", name="Patient", exact=True)).to_be_visible()
    audit.check(page, "Accueil, menu « Connexion » ouvert")
    audit.assert_clean()


def test_sign_in_and_code_request(world: WorldUrls, page: Page, audit: Audit):
    person = account(world)
    visit(audit, page, world.portal + "connexion/matricule", "Connexion par matricule")
    submitted(audit, page, "Se connecter", "Connexion par matricule, formulaire vide")
    page.get_by_label("Matricule").fill(str(person["matricule"]))
    page.get_by_label("Mot de passe").fill(PASSWORD)
    press(page, "Se connecter")
    audit.check(page, "Connexion, code à usage unique")
    submitted(audit, page, "Valider", "Connexion, code à usage unique vide")

    other = persona(world)
    visit(audit, page, world.portal + "activation/patient/demande-de-code", "Demande de code")
    submitted(audit, page, "Envoyer ma demande", "Demande de code, formulaire vide")
    address = other["address"]
    assert isinstance(address, dict)
    for label, value in (("Matricule", other["matricule"]), ("Nom", other["last_name"]),
                         ("Prénom", other["first_name"]), ("E-mail", other["email"]),
                         ("Rue et numéro", address["street"]), ("Code postal", address["postcode"]),
                         ("Localité", address["locality"])):
        page.get_by_role("textbox", name=label, exact=True).fill(str(value))
    press(page, "Envoyer ma demande")
    audit.check(page, "Demande de code envoyée")
    audit.assert_clean()


# The patient's activation wizard ---------------------------------------------------------------


def test_patient_wizard(world: WorldUrls, context: BrowserContext, page: Page, audit: Audit):
    person = persona(world)
    visit(audit, page, world.portal + "activation/patient", "CGU patient")
    submitted(audit, page, "Activer mon compte", "CGU patient non acceptées")
    page.get_by_label("En cochant cette case").check()
    press(page, "Activer mon compte")
    audit.check(page, "Étape 1")
    submitted(audit, page, "Valider", "Étape 1, matricule vide")
    page.get_by_label("Matricule").fill(str(person["matricule"]))
    press(page, "Valider")
    audit.check(page, "Étape 1, question du code")
    submitted(audit, page, "Étape suivante", "Étape 1, sans réponse")
    page.get_by_label("Oui").check()
    submitted(audit, page, "Étape suivante", "Étape 1, code vide")

    visit(audit, page, open_wizard(world, context, 2), "Étape 2")
    submitted(audit, page, "Étape suivante", "Étape 2, mots de passe vides")
    visit(audit, page, open_wizard(world, context, 3), "Étape 3")
    submitted(audit, page, "Valider", "Étape 3, moyen non choisi")
    page.get_by_label("E-mail", exact=True).check()
    press(page, "Valider")
    audit.check(page, "Étape 3, code envoyé")
    submitted(audit, page, "Valider", "Étape 3, code vide")
    visit(audit, page, open_wizard(world, context, 4), "Étape 4")
    press(page, "Étape suivante")
    audit.check(page, "Étape 5, confirmation")
    audit.assert_clean()


# The professional's wizard and LuxTrust ----------------------------------------------------------


def test_professional_wizard_and_luxtrust(world: WorldUrls, page: Page, audit: Audit):
    person = persona(world, kind="professional", luxtrust=["smartcard"])
    device = person["luxtrust"][0]  # type: ignore[index]
    visit(audit, page, world.portal + "activation/professionnel", "CGU professionnel")
    submitted(audit, page, "Activer mon compte", "CGU professionnel non acceptées")
    page.get_by_label("En cochant cette case").check()
    press(page, "Activer mon compte")
    audit.check(page, "Professionnel, étape 1")
    press(page, "Connexion", page.get_by_role("main"))
    luxtrust_login(audit, page, device, "Professionnel")
    audit.check(page, "Professionnel, étape 1, produit associé")
    press(page, "Étape suivante")
    audit.check(page, "Professionnel, étape 2")
    submitted(audit, page, "Étape suivante", "Professionnel, étape 2, formulaire vide")
    page.get_by_label("Oui").check()
    page.get_by_label("Matricule").fill(str(person["matricule"]))
    page.get_by_label("Code d'activation").fill(str(person["activation_code"]))
    press(page, "Étape suivante")
    audit.check(page, "Professionnel, étape 3")
    press(page, "Étape suivante")
    audit.check(page, "Professionnel, étape 4")
    submitted(audit, page, "Valider", "Professionnel, étape 4, moyen non choisi")

    error_page(audit, page, world.luxtrust + "connexion/inconnue", "LuxTrust, transaction inconnue")
    error_page(audit, page, world.luxtrust + "page-qui-n-existe-pas", "LuxTrust, erreur 404")
    audit.assert_clean()


# Signed-in pages: services, account, DSP, assistants ---------------------------------------------


def test_signed_in_pages(world: WorldUrls, context: BrowserContext, page: Page, audit: Audit):
    holder = account(world, dsp_documents=3, trust_circle=2)
    helper = account(world)
    stranger = account(world, dsp_documents=1)
    sign_in(world, context, holder)
    record = f"{world.portal}dsp/{holder['dsp']['record_id']}"  # type: ignore[index]

    visit(audit, page, world.portal + "mes-services", "Mes services eSanté")
    visit(audit, page, world.portal + "mon-compte/informations-personnelles", "Informations personnelles")
    press(page, "Valider", page.get_by_role("main"))
    audit.check(page, "Informations personnelles enregistrées")
    visit(audit, page, world.portal + "mon-compte/moyens-d-authentification", "Moyens d'authentification")
    press(page, "Recevoir un code de confirmation")
    audit.check(page, "Moyens d'authentification, code envoyé")
    submitted(audit, page, "Confirmer", "Moyens d'authentification, code vide")
    visit(audit, page, world.portal + "mon-compte/moyens-d-authentification", "Moyens d'authentification")
    submitted(audit, page, "Valider", "Mot de passe, sans confirmation d'identité",
              page.get_by_role("region", name="Changer mon mot de passe"))

    visit(audit, page, world.portal + "dsp", "DSP, synthèse")
    for suffix, state in (("/documents", "DSP, documents"), ("/ligne-de-vie", "DSP, ligne de vie"),
                          ("/tracabilite", "DSP, traçabilité"), ("/cercle-de-confiance", "DSP, cercle")):
        visit(audit, page, record + suffix, state)
    page.goto(record)
    submitted(audit, page, "Déposer un document", "DSP, dépôt vide")
    visit(audit, page, record + "/assistants/ajouter", "DSP, nouvel assistant")
    visit(audit, page, record + "/assistants/recherche", "DSP, recherche d'assistant")
    submitted(audit, page, "Rechercher", "DSP, recherche vide")
    page.get_by_label("Numéro assuré").fill(str(helper["matricule"]))
    press(page, "Rechercher")
    audit.check(page, "DSP, personne trouvée")
    page.get_by_role("button", name=re.compile(str(helper["matricule"]))).click()
    expect(page.get_by_role("link", name=re.compile(str(helper["matricule"])))).to_be_visible()
    audit.check(page, "DSP, assistant choisi")
    visit(audit, page, world.portal + "dsp/autres-dossiers", "DSP, autres dossiers (aucun)")
    error_page(audit, page, f"{world.portal}dsp/{stranger['dsp']['record_id']}", "Erreur 403")  # type: ignore[index]
    error_page(audit, page, world.portal + "page-qui-n-existe-pas", "Erreur 404, connecté")

    support(world, "dsp/assistants", {"holder": holder["matricule"], "assistant": helper["matricule"]})
    sign_in(world, context, helper)
    visit(audit, page, world.portal + "dsp/autres-dossiers", "DSP, autres dossiers")
    visit(audit, page, record, "DSP d'un autre, en tant qu'assistant")
    audit.assert_clean()


# MyGuichet.lu, LuxTrust Mobile and the outbox ---------------------------------------------------


def test_myguichet_and_luxtrust_mobile(world: WorldUrls, context: BrowserContext, page: Page, audit: Audit):
    person = persona(world, myguichet=True, luxtrust=["mobile"])
    device = person["luxtrust"][0]  # type: ignore[index]
    visit(audit, page, world.myguichet, "MyGuichet.lu, accueil")
    press(page, "Se connecter avec LuxTrust")
    page.get_by_role("radio", name=str(device["label"]), exact=True).check()
    page.get_by_label("Identifiant").fill(str(device["user_id"]))
    page.get_by_label("Mot de passe").fill(str(device["password"]))
    press(page, "Continuer")
    audit.check(page, "LuxTrust Mobile, attente")
    phone = context.new_page()
    visit(audit, phone, f"{world.luxtrust}telephone/{device['serial']}", "LuxTrust Mobile, téléphone")
    with page.expect_navigation(url=re.compile("^" + re.escape(world.myguichet)), timeout=15_000):
        press(phone, "Approuver")
        audit.check(phone, "LuxTrust Mobile, demande approuvée")
    phone.close()

    for path, state in (("mes-demarches", "Mes démarches"), ("mes-donnees", "Mes données"),
                        ("mes-donnees/cadastre", "Source authentique"),
                        ("mes-communications", "Mes communications"), ("parametres", "Paramètres")):
        visit(audit, page, world.myguichet + path, f"MyGuichet.lu, {state}")
    error_page(audit, page, world.myguichet + "page-qui-n-existe-pas", "MyGuichet.lu, erreur 404")
    page.goto(world.myguichet + "parametres")
    page.get_by_label("Adresse e-mail").fill("pas une adresse")
    submitted(audit, page, "Enregistrer", "MyGuichet.lu, coordonnées erronées")

    page.goto(world.myguichet + "mes-donnees")
    page.get_by_role("link", name=re.compile("Dossier de soins partagé", re.IGNORECASE)).click()
    expect(page.get_by_role("heading", name="Dossier de Soins Partagé (DSP)")).to_be_visible()
    audit.check(page, "MyGuichet.lu, DSP, consentement")
    submitted(audit, page, "Valider", "MyGuichet.lu, consentement non coché", page.get_by_role("main"))
    page.get_by_label("Je consens").check()
    press(page, "Valider", page.get_by_role("main"))
    audit.check(page, "MyGuichet.lu, DSP, CGU")
    submitted(audit, page, "Valider", "MyGuichet.lu, CGU non cochées", page.get_by_role("main"))
    page.get_by_label("En cochant cette case").check()
    press(page, "Valider", page.get_by_role("main"))
    audit.check(page, "MyGuichet.lu, compte activé")
    press(page, "Accéder à mon DSP")
    audit.check(page, "Portail, DSP ouvert depuis MyGuichet.lu")

    visit(audit, page, world.messaging, "Passerelle, messages envoyés")
    audit.assert_clean()


# The idle-session warning -------------------------------------------------------------------------


def test_idle_session_warning(world: WorldUrls, context: BrowserContext, page: Page, audit: Audit):
    sign_in(world, context, account(world))
    page.clock.install()
    page.goto(world.portal + "mes-services")
    warning = page.get_by_role("dialog", name="Votre session va bientôt expirer")
    expect(warning).to_be_hidden()

    page.clock.fast_forward("25:01")
    expect(warning).to_be_visible()
    stay = warning.get_by_role("button", name="Rester connecté")
    expect(stay).to_be_focused()
    audit.check(page, "Session bientôt expirée")
    with page.expect_response(lambda reply: reply.request.method == "POST") as renewal:
        stay.click()
    assert renewal.value.status == 204 and renewal.value.url == world.portal + "session/prolonger"
    expect(warning).to_be_hidden()

    page.clock.fast_forward("30:01")
    expired = page.get_by_role("dialog", name="Votre session a expiré")
    expect(expired).to_be_visible()
    expect(expired.get_by_role("link", name="Se reconnecter")).to_be_focused()
    audit.check(page, "Session expirée")
    audit.assert_clean()
