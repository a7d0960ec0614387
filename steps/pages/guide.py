"""Locating by the guides' own words, with failures that name the words a page does not show."""

import re
from collections.abc import Callable
from weakref import WeakSet

from playwright.sync_api import BrowserContext, Frame, Locator, Page, Response
from playwright.sync_api import Error as PlaywrightError

# Typographic variants the guides themselves mix: « Etape » and « Étape », « terminée! » and
# « terminée ! ». Anything else must match the guide's words, ignoring case.
_VARIANTS = {"É": "[ÉE]", "È": "[ÈE]", "À": "[ÀA]"}

# What Playwright's log says when another element would receive a click or tap.
_COVERED = "intercepts pointer events"

# The contexts that emulate a touch screen, as the fixture creating each one recorded it.
# Weak, so that a context ends with its scenario and nothing carries over to the next one.
_TOUCH_SCREENS: WeakSet[BrowserContext] = WeakSet()


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


def use_touch(context: BrowserContext) -> None:
    """Have the controls of a context's pages tapped, as on a phone, rather than clicked."""
    _TOUCH_SCREENS.add(context)


def has_touch_screen(page: Page) -> bool:
    """Tell whether a page's context was recorded as a touch screen."""
    return page.context in _TOUCH_SCREENS


def activate(page: Page, target: Locator) -> None:
    """Tap the target on a touch screen, as a finger would, and click it anywhere else."""
    if has_touch_screen(page):
        target.tap()
    else:
        target.click()


def press(page: Page, text: str, scope: Page | Locator | None = None) -> None:
    """Click or tap the guide's link or button, or fail naming the words the page lacks."""
    act(page, f"link or button « {text} »", lambda: activate(page, control(scope or page, text)))


def submit(page: Page, text: str, scope: Page | Locator | None = None) -> None:
    """Press a form's button and return once the page it leads to has loaded."""
    load_after(page, lambda: press(page, text, scope))


def load_after(page: Page, action: Callable[[], None]) -> None:
    """Run an action that leads to another page, and return once that page has loaded."""

    def is_final_document(response: Response) -> bool:
        # A redirect is not the end: wait for the page it leads to.
        return response.request.is_navigation_request() and not 300 <= response.status < 400

    def is_main_frame(frame: Frame) -> bool:
        return frame == page.main_frame

    # A tap, unlike a click, returns before the page it leads to replaces this one: wait for the
    # server's answer, then for the browser to show it, so that nothing reads the old page.
    with page.expect_response(is_final_document), page.expect_event("framenavigated", is_main_frame):
        action()
    page.wait_for_load_state()


def act(page: Page, what: str, action: object) -> None:
    """Run a Playwright action; a missing or covered element fails, naming the guide's words."""
    try:
        action()  # type: ignore[operator]
    except PlaywrightError as error:
        first_line = str(error).splitlines()[0] if str(error) else type(error).__name__
        # On a small screen a control may be there but under another element: say so.
        problem = ("is covered by another element and cannot be pressed" if _COVERED in str(error)
                   else "was not found")
        raise GuideWordingMissing(f"The guide's {what} {problem} on {page.url} ({first_line})") from error
