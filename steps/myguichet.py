"""Activation through MyGuichet.lu, its consent and its way to the DSP (patient guide pp. 3–5)."""

import re
from collections.abc import Callable

import pytest
from faker import Faker
from playwright.sync_api import Page, expect
from pytest_bdd import given, parsers, then, when

from harness.targets import TargetCapabilityMissing
from steps.journeys.account import sign_in_as_patient_with_luxtrust
from steps.journeys.activation import activated_patient
from steps.journeys.actors import Actor
from steps.journeys.dsp import open_own_dsp
from steps.journeys.luxtrust import PRODUCT_TYPES
from steps.journeys.myguichet import (
    DSP_PAGE,
    activate_through_myguichet,
    sign_in_to_myguichet,
    space_of,
    words_of_success,
)
from steps.pages.account import AuthenticationMeansTab
from steps.pages.dsp import DspPage
from steps.pages.guide import main_content, press, words
from steps.pages.myguichet import DspConsentPage, MyDataPage, SettingsPage
from steps.pages.myguichet import MyGuichetSpace as SpacePage
from steps.pages.professional import MyServicesPage


def myguichet_actor(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A patient with a MyGuichet.lu space and a LuxTrust product, or not run where none exists."""
    try:
        return new_actor("patient", luxtrust=[PRODUCT_TYPES[product]], myguichet=True)
    except TargetCapabilityMissing as missing:
        pytest.skip(f"not run on this target: {missing}")


# Who --------------------------------------------------------------------------------------------


@given(parsers.parse("un patient qui a un espace privé sur MyGuichet.lu et un « {product} » LuxTrust, "
                     "sans compte eSanté"), target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A persona MyGuichet.lu knows, with a LuxTrust product and no eSanté account yet."""
    return myguichet_actor(new_actor, product)


@given(parsers.parse("un patient dont le compte eSanté est déjà activé sur le portail, qui a aussi un "
                     "espace privé sur MyGuichet.lu et un « {product} » LuxTrust"), target_fixture="actor")
def _(new_actor: Callable[..., Actor], faker: Faker, product: str) -> Actor:
    """A persona who activated with the letter's code (pp. 6–14), without associating the product."""
    actor = myguichet_actor(new_actor, product)
    activated_patient(actor, faker)
    return actor


@given(parsers.parse("un patient qui a activé son compte eSanté depuis MyGuichet.lu avec son « {product} »"),
       target_fixture="actor")
def _(new_actor: Callable[..., Actor], product: str) -> Actor:
    """A persona who went through pp. 4–5 and is still signed in to MyGuichet.lu."""
    actor = myguichet_actor(new_actor, product)
    activate_through_myguichet(actor, product)
    return actor


# What they do -----------------------------------------------------------------------------------


@when(parsers.parse("il se connecte à MyGuichet.lu avec son « {product} »"))
def _(actor: Actor, product: str) -> None:
    """MyGuichet.lu's sign-in, through LuxTrust."""
    sign_in_to_myguichet(actor, product)


@when(parsers.parse("il clique sur « {entry} » dans son espace privé MyGuichet.lu"))
def _(page: Page, entry: str) -> None:
    """One of the private space's menu entries."""
    SpacePage(page).open(entry)


@when(parsers.parse("il clique sur « {source} » dans le catalogue"))
def _(page: Page, source: str) -> None:
    """A source of « Mes données »."""
    press(page, source, scope=MyDataPage(page).content)


@when("il coche « Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté. »")
def _(page: Page) -> None:
    """The consent of page 5."""
    DspConsentPage(page).tick_consent()


@when("il coche la case d'acceptation des Conditions Générales d'Utilisation de la Plateforme eSanté et du DSP")
def _(page: Page) -> None:
    """« En cochant cette case, je reconnais avoir lu et accepté les Conditions Générales … »."""
    DspConsentPage(page).tick_cgu()


@when("il clique sur « Valider » sur MyGuichet.lu")
def _(page: Page) -> None:
    """The DSP page's « Valider »."""
    DspConsentPage(page).validate()


@when("il clique sur « Accéder à mon DSP » sur MyGuichet.lu")
def _(page: Page) -> None:
    """From MyGuichet.lu to the DSP on the eSanté portal."""
    DspConsentPage(page).open_dsp()


@when("il révoque son consentement dans « Paramètres »")
def _(page: Page) -> None:
    """« Paramètres » → « Révoquer mon consentement »."""
    SpacePage(page).open("Paramètres")
    SettingsPage(page).revoke()


@when(parsers.parse("il se connecte au portail eSanté avec son « {product} »"))
def _(actor: Actor, product: str) -> None:
    """The portal's own LuxTrust sign-in (pp. 15–16)."""
    sign_in_as_patient_with_luxtrust(actor, product)


@when("il ouvre son DSP depuis « Mes services eSanté »")
def _(actor: Actor) -> None:
    """« Dossier de Soins Partagé (DSP) » in « Mes services eSanté » (p. 17)."""
    open_own_dsp(actor)


# What they see ----------------------------------------------------------------------------------


@then(parsers.parse("le menu de MyGuichet.lu propose « {a} », « {b} », « {c} » et « {d} »"))
def _(page: Page, a: str, b: str, c: str, d: str) -> None:
    """The private space's menu (p. 4)."""
    space = SpacePage(page)
    for entry in (a, b, c, d):
        expect(space.menu_entry(entry), f"the menu lacks « {entry} »").to_be_visible()


@then(parsers.parse("le fil d'Ariane indique « {trail} »"))
def _(page: Page, trail: str) -> None:
    """« Accueil > Mes données », whatever the spacing around the separators."""
    parts = [re.escape(part.strip()) for part in trail.split(">")]
    expect(SpacePage(page).breadcrumb).to_have_text(re.compile(r"^\s*" + r"\s*>\s*".join(parts) + r"\s*$"))


@then(parsers.parse("la page demande « {text} »"))
def _(page: Page, text: str) -> None:
    """The page's instruction, in the guide's words."""
    expect(main_content(page)).to_contain_text(text)


@then("le catalogue regroupe les sources authentiques")
def _(page: Page, datatable: list[list[str]]) -> None:
    """The groups of the catalogue, in the guide's order."""
    expected = [row[0] for row in datatable[1:]]
    expect(MyDataPage(page).groups()).to_have_text([words(name) for name in expected])


@then(parsers.parse("« {source} » figure sous « {group} »"))
def _(page: Page, source: str, group: str) -> None:
    """A source listed in its group."""
    expect(MyDataPage(page).source(source, group)).to_be_visible()


@then("la page « Dossier de Soins Partagé (DSP) » présente la « Procédure d'accès aux services eSanté » et le « Consentement »")
def _(page: Page) -> None:
    """The headings of page 5's first screenshot."""
    space = SpacePage(page)
    for heading in (DSP_PAGE, "Procédure d'accès aux services eSanté", "Consentement"):
        expect(space.heading(heading), f"no heading « {heading} »").to_be_visible()
    expect(space.content).to_contain_text("nécessite de disposer d'un compte eSanté")


@then("elle indique que le compte eSanté peut y être activé comme méthode alternative au courrier postal")
def _(page: Page) -> None:
    """« … activé comme méthode alternative au courrier postal envoyé par l'Agence eSanté »."""
    expect(SpacePage(page).content).to_contain_text("méthode alternative au courrier postal")


@then("elle indique que le consentement est révocable à tout moment dans l'onglet Paramètres")
def _(page: Page) -> None:
    """The hint under the consent box, in the guide's words."""
    expect(SpacePage(page).content).to_contain_text(
        "Ce consentement est révocable à tout moment dans l'onglet Paramètres."
    )


@then("MyGuichet.lu demande d'accepter les « Conditions Générales d'Utilisation (CGU) »")
def _(page: Page) -> None:
    """The second screenshot of page 5."""
    expect(SpacePage(page).heading("Conditions Générales d'Utilisation (CGU)")).to_be_visible()
    expect(DspConsentPage(page).cgu_box).to_be_visible()


@then("MyGuichet.lu affiche « Votre compte eSanté est activé! Vous pouvez maintenant accéder à votre DSP »")
def _(page: Page) -> None:
    """The last words of page 5."""
    expect(SpacePage(page).content).to_contain_text(words_of_success())


@then("MyGuichet.lu indique que son compte eSanté était déjà actif, sans redemander les CGU")
def _(page: Page) -> None:
    """A person already active is told so, and nothing is asked again."""
    consent = DspConsentPage(page)
    expect(consent.content).to_contain_text(re.compile(r"déjà (actif|activé)", re.IGNORECASE))
    expect(consent.cgu_box).to_have_count(0)
    expect(consent.content).not_to_contain_text(words_of_success())


@then(parsers.parse("MyGuichet.lu refuse en indiquant « {text} »"))
def _(page: Page, text: str) -> None:
    """An error on the DSP page, in MyGuichet.lu's words."""
    expect(DspConsentPage(page).errors).to_contain_text(text)


@then("MyGuichet.lu redemande le consentement")
def _(page: Page) -> None:
    """The consent box is offered again, unticked."""
    expect(DspConsentPage(page).consent_box).not_to_be_checked()


@then("MyGuichet.lu confirme que son identifiant national n'est plus partagé avec l'Agence eSanté")
def _(page: Page) -> None:
    """The notice after revoking, in « Paramètres »."""
    expect(SettingsPage(page).notices).to_contain_text(
        "MyGuichet.lu ne partage plus votre identifiant national avec l'Agence eSanté"
    )


@then("la page DSP de MyGuichet.lu rappelle que le consentement a été révoqué et ne propose plus d'accéder au DSP")
def _(page: Page) -> None:
    """After revoking: consent asked again, the revocation recalled, no way to the DSP."""
    consent = DspConsentPage(page)
    expect(consent.content).to_contain_text("révoqué")
    expect(consent.consent_box).not_to_be_checked()
    expect(consent.content.get_by_role("button", name=words("Accéder à mon DSP"))).to_have_count(0)


@then("les moyens d'authentification du portail reprennent l'adresse e-mail et le numéro de téléphone de MyGuichet.lu")
def _(page: Page, actor: Actor) -> None:
    """« Mon adresse email et mon numéro de téléphone MyGuichet.lu seront utilisés … » (p. 5)."""
    space = space_of(actor.persona)
    means = AuthenticationMeansTab(page)
    assert space.email and space.mobile, "the target gave the MyGuichet.lu space no e-mail or phone"
    expect(means.email).to_have_value(re.compile(rf"^\s*{re.escape(space.email)}\s*$", re.IGNORECASE))
    # However the portal groups the number, its digits end with MyGuichet.lu's national number.
    expect(means.mobile).to_be_visible()
    shown = re.sub(r"\D", "", means.mobile.input_value())
    assert shown.endswith(space.mobile.removeprefix("+352")), f"the portal shows {shown!r}"


@then("son DSP s'ouvre sur le portail eSanté")
def _(page: Page, actor: Actor) -> None:
    """The record's header names its owner; the portal, not MyGuichet.lu, shows it."""
    expect(DspPage(page).owner).to_contain_text(actor.persona.last_name)
    expect(page.get_by_role("navigation", name="Espace privé")).to_have_count(0)


@then("il est connecté au portail eSanté")
def _(page: Page) -> None:
    """« Mes services eSanté » after the portal's own sign-in."""
    expect(MyServicesPage(page).heading).to_be_visible()
