"""What the portal says back: a refusal is judged by what a person sees, its markup apart.

Conformance asks that an error be visible (an alert, a live region, error text, or the browser's
own message). Which field is marked invalid, and how, is an accessibility finding; an error's
exact wording is the reference's.
"""

from playwright.sync_api import Page
from pytest_bdd import parsers, then

from steps.pages.activation import Feedback
from steps.soft_checks import does_not_say_in_error, error_announced, field_marked_invalid, says_in_error


@then(parsers.parse("un message d'erreur concerne le champ « {label} »"))
def _(page: Page, label: str) -> None:
    """The page shows an error; the field it concerns should be marked invalid."""
    Feedback(page).wait_for_error()
    error_announced(page)
    field_marked_invalid(page, label)


@then(parsers.parse("un message d'erreur indique « {text} »"))
@then(parsers.parse("un message d'erreur renvoie vers le helpdesk « {text} »"))
def _(page: Page, text: str) -> None:
    """The page shows an error; the reference's says the given words."""
    Feedback(page).wait_for_error()
    says_in_error(page, text)


@then(parsers.parse("aucun message d'erreur n'indique « {text} »"))
def _(page: Page, text: str) -> None:
    """The page shows an error; the reference's names only the rules that are broken."""
    Feedback(page).wait_for_error()
    does_not_say_in_error(page, text)
