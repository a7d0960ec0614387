"""What the portal says back: error messages, tied to the field they concern."""

import re

from playwright.sync_api import Page, expect
from pytest_bdd import parsers, then

from steps.pages.activation import Feedback
from steps.pages.guide import labelled


@then(parsers.parse("un message d'erreur concerne le champ « {label} »"))
def _(page: Page, label: str) -> None:
    """The page announces an error and marks the guide's field as invalid."""
    expect(Feedback(page).alerts, "the page announces no error (role=alert)").to_be_visible()
    # Radio buttons may share the field's label (« Mobile »): the invalid one is the field.
    invalid = labelled(page, label).and_(page.locator('[aria-invalid="true"]'))
    expect(invalid, f"the field « {label} » is not marked invalid (aria-invalid)").to_be_visible()


@then(parsers.parse("un message d'erreur indique « {text} »"))
@then(parsers.parse("un message d'erreur renvoie vers le helpdesk « {text} »"))
def _(page: Page, text: str) -> None:
    """The page's error messages contain the given words."""
    expect(Feedback(page).alerts).to_contain_text(re.compile(re.escape(text), re.IGNORECASE))


@then(parsers.parse("aucun message d'erreur n'indique « {text} »"))
def _(page: Page, text: str) -> None:
    """No error message contains the given words: each broken rule has its own message."""
    alerts = Feedback(page).alerts
    expect(alerts).to_be_visible()
    expect(alerts).not_to_contain_text(re.compile(re.escape(text), re.IGNORECASE))
