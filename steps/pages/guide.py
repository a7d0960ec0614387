"""Locating by the guides' own words, with failures that name the words a page does not show."""

import re

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, Response

# Typographic variants the guides themselves mix: « Etape » and « Étape », « terminée! » and
# « terminée ! ». Anything else must match the guide's words, ignoring case.
_VARIANTS = {"É": "[ÉE]", "È": "[ÈE]", "À": "[ÀA]"}


class GuideWordingMissing(AssertionError):
    """The page does not show a control or text with the guide's words."""


def words(text: str) -> re.Pattern[str]:
    """A pattern matching the guide's words as a whole accessible name or text."""
    pattern = ""
    for char in text.strip():
        if char.upper() in _VARIANTS and char.isupper():
            pattern += _VARIANTS[char]
        elif char.isspace():
            pattern += r"\s+"
        elif char in "!?:;":
            pattern += r"\s?" + re.escape(char)
        elif char == "/":
            # Playwright sends patterns as /source/flags: a bare slash would end the source.
            pattern += r"\/"
        else:
            pattern += re.escape(char)
    # A trailing asterisk marks a required field, as in the guides' screenshots (« Matricule * »).
    return re.compile(rf"^\s*{pattern}\s*\*?\s*$", re.IGNORECASE)


def phone_number(text: str) -> re.Pattern[str]:
    """A phone number however it is grouped or bracketed: « +352 27… » or « (+352) 27… »."""
    return re.compile(r"[\s()]*".join(re.escape(part) for part in re.findall(r"\+?\d+", text)))


def control(scope: Page | Locator, text: str) -> Locator:
    """The link or button the guide names; the guides show both for the same controls."""
    name = words(text)
    return scope.get_by_role("link", name=name).or_(scope.get_by_role("button", name=name))


def by_role(scope: Page | Locator, role: str, text: str) -> Locator:
    """An element of a given ARIA role whose accessible name is the guide's words."""
    return scope.get_by_role(role, name=words(text))  # type: ignore[arg-type]


def labelled(scope: Page | Locator, label: str) -> Locator:
    """A form field by its label, as the guide names it."""
    return scope.get_by_label(words(label))


def press(page: Page, text: str, scope: Page | Locator | None = None) -> None:
    """Click the guide's link or button, or fail naming the words the page lacks."""
    act(page, f"link or button « {text} »", lambda: control(scope or page, text).click())


def submit(page: Page, text: str, scope: Page | Locator | None = None) -> None:
    """Press a form's button and return once the page it leads to has loaded."""

    def is_final_document(response: Response) -> bool:
        # A redirect is not the end: wait for the page it leads to.
        return response.request.is_navigation_request() and not 300 <= response.status < 400

    with page.expect_response(is_final_document):
        press(page, text, scope)
    page.wait_for_load_state()


def act(page: Page, what: str, action: object) -> None:
    """Run a Playwright action; a missing element becomes a failure naming the guide's words."""
    try:
        action()  # type: ignore[operator]
    except PlaywrightError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise GuideWordingMissing(
            f"The guide's {what} was not found on {page.url} ({first_line})"
        ) from error
