"""Checks whose failure belongs to another verdict: recorded as findings, never failing conformance.

Each runs once the conformance assertion before it has waited for the page, so it reads the
page as it is. Under --strict (--all-verdicts) a finding fails its step, as a failed check would.
"""

import re

from playwright.sync_api import Locator, Page

from harness.verdicts import advise, differs
from steps.pages.activation import Feedback
from steps.pages.guide import labelled, words_within

ERROR_IDENTIFICATION = "3.3.1 Error Identification"
STATUS_MESSAGES = "4.1.3 Status Messages"


def error_texts(page: Page) -> str:
    """Everything the page's error messages say, as one text."""
    return " ".join(Feedback(page).errors().filter(visible=True).all_inner_texts())


def says_in_error(page: Page, text: str) -> None:
    """The reference's error names the given words; another portal may word it otherwise."""
    if not re.search(re.escape(text), error_texts(page), re.IGNORECASE):
        differs(f"the error message does not say « {text} »", page.url)


def does_not_say_in_error(page: Page, text: str) -> None:
    """The reference gives each broken rule its own message, so a kept rule is not named."""
    if re.search(re.escape(text), error_texts(page), re.IGNORECASE):
        differs(f"the error message says « {text} », a rule the entry keeps", page.url)


def says(page: Page, text: str, where: Locator | None = None) -> None:
    """The reference shows these words; another portal may say it otherwise."""
    scope = where or page.locator("body")
    if scope.get_by_text(words_within(text)).filter(visible=True).count() == 0:
        differs(f"the page does not say « {text} »", page.url)


def error_announced(page: Page) -> None:
    """An error should be announced to assistive technologies (role=alert or a live region)."""
    announced = page.locator('[role="alert"], [aria-live="assertive"], [aria-live="polite"]')
    if announced.filter(visible=True).count() == 0:
        advise("the error is shown but not announced (no role=\"alert\" or live region)",
               STATUS_MESSAGES, page.url)


def field_marked_invalid(page: Page, label: str) -> None:
    """The field in error should carry aria-invalid="true", so that its state is announced."""
    # Radio buttons may share the field's label (« Mobile »): the invalid one is the field.
    invalid = labelled(page, label).and_(page.locator('[aria-invalid="true"]'))
    if invalid.count() == 0:
        advise(f"the field « {label} » in error is not marked invalid (aria-invalid)",
               ERROR_IDENTIFICATION, page.url)
