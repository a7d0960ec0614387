"""Locating as a person reads: the guides' words first, structure as a preference with a fallback.

Every locator here starts from the guide's words. Structure (a landmark, the enclosing form, a
label association) narrows the search when the page has it; when it does not, the element is
found the way a reader would find it, and the fallback is recorded as an accessibility advisory
(`harness.verdicts.advise`). What a reader could not resolve either still fails, naming the
guide's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from weakref import WeakSet

from playwright.sync_api import BrowserContext, Frame, Locator, Page, Response, expect
from playwright.sync_api import Error as PlaywrightError

from harness.verdicts import advise

# Typographic variants the guides themselves mix: « Etape » and « Étape », « terminée! » and
# « terminée ! ». Anything else must match the guide's words, ignoring case.
_VARIANTS = {"É": "[ÉE]", "È": "[ÈE]", "À": "[ÀA]"}

# What Playwright's log says when another element would receive a click or tap.
_COVERED = "intercepts pointer events"

# WCAG 2.1 success criteria the fallbacks fall short of.
INFO_AND_RELATIONSHIPS = "1.3.1 Info and Relationships"
NAME_ROLE_VALUE = "4.1.2 Name, Role, Value"
LABELS_OR_INSTRUCTIONS = "3.3.2 Labels or Instructions"

# How long a page may take to show its main landmark before the whole page is read instead.
LANDMARK_WAIT_MS = 2_000

# The form fields a label may name, for the fallbacks that look next to the guide's words.
_FIELDS = "input:not([type=hidden]), select, textarea"

# The contexts that emulate a touch screen, as the fixture creating each one recorded it.
# Weak, so that a context ends with its scenario and nothing carries over to the next one.
_TOUCH_SCREENS: WeakSet[BrowserContext] = WeakSet()


class GuideWordingMissing(AssertionError):
    """The page does not show a control or text with the guide's words."""


class GuideWordingAmbiguous(AssertionError):
    """The guide's words name several elements that a reader could not tell apart either."""


def words(text: str) -> re.Pattern[str]:
    """A pattern matching the guide's words as a whole accessible name or text."""
    # A label may end with a colon, as French forms write « Matricule : », or a required mark.
    return re.compile(rf"^\s*{_words_source(text)}(?:\s*[:*])*\s*$", re.IGNORECASE)


def words_first(text: str) -> re.Pattern[str]:
    """A pattern matching a name that starts with the guide's words and then qualifies them."""
    return re.compile(rf"^\s*{_words_source(text)}\b", re.IGNORECASE)


def words_within(text: str) -> re.Pattern[str]:
    """A pattern matching the guide's words anywhere in a longer text."""
    return re.compile(_words_source(text), re.IGNORECASE)


def _words_source(text: str) -> str:
    """The regular expression source of the guide's words, with the guides' own variants."""
    pattern = ""
    for char in text.strip():
        if char.upper() in _VARIANTS and char.isupper():
            pattern += _VARIANTS[char]
        elif char.isspace():
            pattern += r"\s+"
        elif char in "!?:;":
            pattern += r"\s?" + re.escape(char)
        elif char in "'’":
            # Typewriter and typographic apostrophes are the same letter to a reader.
            pattern += "['’]"
        elif char == "/":
            # Playwright sends patterns as /source/flags: a bare slash would end the source.
            pattern += r"\/"
        else:
            pattern += re.escape(char)
    return pattern


def phone_number(text: str) -> re.Pattern[str]:
    """A phone number however it is grouped or bracketed: « +352 27… » or « (+352) 27… »."""
    return re.compile(r"[\s()]*".join(re.escape(part) for part in re.findall(r"\+?\d+", text)))


# The resolver: ways to find one thing, in order of preference -----------------------------------


@dataclass(frozen=True)
class Way:
    """One way to find an element; a way other than the first is a fallback worth reporting."""

    locator: Locator
    # Said of the element when this way is the one that found it: "was found outside any banner".
    fallback: str | None = None
    criterion: str = INFO_AND_RELATIONSHIPS


# How a reader picks one of several visible matches, or None where no reader could.
Pick = Callable[[Locator], Locator | None]


def resolve(page: Page, what: str, ways: Sequence[Way], pick: Pick | None = None) -> Locator:
    """The element the guide's words name: the first way that finds it, waiting for the page."""
    visible = [way.locator.filter(visible=True) for way in ways]
    # Most often the preferred way finds the one element at once: no wait, no other way to try.
    if ways[0].fallback is None and visible[0].count() == 1:
        return visible[0]
    anything = visible[0]
    for locator in visible[1:]:
        anything = anything.or_(locator)
    try:
        # Playwright's waiting assertion, so that a page still loading is waited for.
        expect(anything).not_to_have_count(0)
    except AssertionError as error:
        raise GuideWordingMissing(f"The guide's {what} was not found on {page.url}") from error
    for way, locator in zip(ways, visible, strict=True):
        found = _one(page, what, locator, pick)
        if found is None:
            continue
        if way.fallback:
            advise(f"the guide's {what} {way.fallback}", way.criterion, page.url)
        return found
    # The page changed between the wait and the count: say what was looked for.
    raise GuideWordingMissing(f"The guide's {what} was not found on {page.url}")


def _one(page: Page, what: str, locator: Locator, pick: Pick | None) -> Locator | None:
    """The single element a locator finds, a reader's pick among several, or None for none."""
    count = locator.count()
    if count == 0:
        return None
    if count == 1:
        return locator
    chosen = pick(locator) if pick else None
    if chosen is None:
        raise GuideWordingAmbiguous(
            f"The guide's {what} is ambiguous on {page.url}: {count} visible elements match "
            "and nothing tells a reader which one is meant"
        )
    return chosen


def topmost(locator: Locator) -> Locator | None:
    """The match highest on the page, as a reader's eye finds the top bar's « Connexion »."""
    tops = locator.evaluate_all("(els) => els.map((el) => el.getBoundingClientRect().top)")
    highest = min(tops)
    # Two matches on the same line (a desktop and a mobile menu) are not told apart by height.
    if sum(1 for top in tops if abs(top - highest) < 1) > 1:
        return None
    return locator.nth(tops.index(highest))


def in_content(locator: Locator) -> Locator | None:
    """The one match outside the page's header, navigation and footer: the step's own control."""
    outside = locator.evaluate_all(
        "(els) => els.map((el) => !el.closest('header, nav, footer, [role=banner], [role=navigation],"
        " [role=contentinfo]'))"
    )
    return locator.nth(outside.index(True)) if outside.count(True) == 1 else None


def first_after(anchor: Locator) -> Pick:
    """A pick of the match that follows an element (the field being filled) in reading order."""

    def pick(locator: Locator) -> Locator | None:
        follows = locator.evaluate_all(
            "(els, anchor) => els.map((el) => !!(anchor.compareDocumentPosition(el) & 4))",
            anchor.element_handle(),
        )
        return locator.nth(follows.index(True)) if True in follows else None

    return pick


# Controls and fields --------------------------------------------------------------------------


def control(scope: Page | Locator, text: str) -> Locator:
    """The link or button the guide names; the guides show both for the same controls."""
    name = words(text)
    return scope.get_by_role("link", name=name).or_(scope.get_by_role("button", name=name))


def _any_field(scope: Page | Locator) -> Locator:
    """Any form field, as an inner locator: `has` and `has_not` query it within each element."""
    # A locator built from a scope would be looked for inside each element, scope included.
    return (scope if isinstance(scope, Page) else scope.page).locator(_FIELDS)


def clickable_text(scope: Page | Locator, text: str) -> Locator:
    """Words a reader would click although the page does not expose them as a link or button."""
    return scope.get_by_text(words(text), exact=False).filter(
        has_not=_any_field(scope)
    ).locator("xpath=ancestor-or-self::*[@onclick or @tabindex or self::label][1]")


def link_in_words(scope: Page | Locator, text: str) -> Locator:
    """The link inside the guide's words: « … en cliquant ici » where only « cliquant ici » is one."""
    return scope.get_by_text(words(text), exact=False).get_by_role("link")


def find_control(page: Page, text: str, scope: Locator | None = None, where: str = "",
                 pick: Pick | None = None) -> Locator:
    """The guide's link or button: in the preferred part of the page, else where a reader sees it."""
    what = f"link or button « {text} »"
    ways = [Way(control(scope, text))] if scope is not None else []
    ways.append(Way(control(page, text), fallback=f"was found outside {where}" if where else None))
    # The sentence around a link tells its purpose (WCAG 2.4.4 "in context"): no advisory.
    ways.append(Way(link_in_words(page, text)))
    ways.append(Way(clickable_text(page, text), fallback="is not exposed as a link or button",
                    criterion=NAME_ROLE_VALUE))
    return resolve(page, what, ways, pick)


def by_role(scope: Page | Locator, role: str, text: str) -> Locator:
    """An element of a given ARIA role whose accessible name is the guide's words."""
    return scope.get_by_role(role, name=words(text))  # type: ignore[arg-type]


def labelled(scope: Page | Locator, label: str) -> Locator:
    """A form field by its label, as the guide names it."""
    return scope.get_by_label(words(label))


def field(page: Page, label: str, scope: Locator | None = None) -> Locator:
    """The form field the guide names: by its label, else by a placeholder or the words before it."""
    # The page itself rather than its body: the field found serves as an inner locator
    # (`form_of`), and one starting at the body would be looked for inside the form.
    where: Page | Locator = scope if scope is not None else page
    text = where.get_by_text(words(label), exact=False).filter(has_not=_any_field(where))
    ways = [
        Way(labelled(where, label)),
        # « Matricule (13 chiffres) » is still the guide's « Matricule » to a reader.
        Way(where.get_by_label(words_first(label))),
        Way(where.get_by_placeholder(words(label)), fallback="is named by a placeholder only",
            criterion=LABELS_OR_INSTRUCTIONS),
        Way(text.locator("xpath=following::*[self::input[not(@type='hidden')] or self::select"
                         " or self::textarea][1]"),
            fallback="is not associated with its label", criterion=LABELS_OR_INSTRUCTIONS),
    ]
    return resolve(page, f"field « {label} »", ways)


def choice(page: Page, question: str, answer: str) -> Locator:
    """The radio button answering a question: within the question's group, else by its own label."""
    grouped = page.get_by_role("group", name=words(question)).or_(
        page.get_by_role("radiogroup", name=words(question)))
    ways = [
        Way(grouped.get_by_role("radio", name=words(answer))),
        Way(page.get_by_role("radio", name=words(answer)),
            fallback=f"is not grouped under its question « {question} » (fieldset and legend, "
                     "or a named radiogroup)"),
    ]
    return resolve(page, f"answer « {answer} » to « {question} »", ways)


def question(page: Page, text: str) -> Locator:
    """A question the guide asks: the group of answers it names, else its words on the page."""
    grouped = page.get_by_role("group", name=words(text)).or_(
        page.get_by_role("radiogroup", name=words(text)))
    # Its words only where no group bears them: else a legend and its fieldset would be two.
    ungrouped = page.locator("html").filter(has_not=grouped).get_by_text(words(text))
    return grouped.or_(ungrouped)


# The page's structure, with the reader's fallbacks ----------------------------------------------


def tab(page: Page, name: str) -> Locator:
    """A tab by the guide's words: a link or button, or an element with role=tab."""
    return control(page, name).or_(by_role(page, "tab", name))


def tab_marked_open(page: Page, name: str) -> bool:
    """Tell whether the tab is exposed as the open one: the current page, or the selected tab."""
    marked = page.locator('[aria-current="page"], [aria-current="true"], [role="tab"][aria-selected="true"]')
    return tab(page, name).and_(marked).count() > 0


def main_content(page: Page) -> Locator:
    """The page's main content: the main landmark, else the whole page (noted as an advisory)."""
    main = page.get_by_role("main")
    try:
        # A tap returns before the page it leads to is shown: give that page time to come.
        expect(main).to_have_count(1, timeout=LANDMARK_WAIT_MS)
    except AssertionError:
        advise("the page has no single main landmark; its whole body was read", INFO_AND_RELATIONSHIPS,
               page.url)
        return page.locator("body")
    return main


def top_bar(page: Page) -> Locator:
    """The top of the page: the banner landmark, else the whole page read from the top."""
    return page.get_by_role("banner")


def form_of(page: Page, element: Locator) -> Locator:
    """The form holding an element: pages have several « Valider », one per form."""
    return page.locator("form").filter(has=element)


def press_in_form_of(page: Page, anchor: Locator, text: str) -> None:
    """Press the button of the form an element belongs to, else the first one after it."""
    what = f"link or button « {text} »"
    ways = [
        Way(control(form_of(page, anchor), text)),
        Way(control(page, text), fallback="is not in a form with the field it sends"),
    ]
    target = resolve(page, what, ways, pick=first_after(anchor))
    act(page, what, lambda: activate(page, target))


# Acting ---------------------------------------------------------------------------------------


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


def press(page: Page, text: str, scope: Page | Locator | None = None, where: str = "",
          pick: Pick | None = None) -> None:
    """Click or tap the guide's link or button, or fail naming the words the page lacks."""
    preferred = scope if isinstance(scope, Locator) else None
    target = find_control(page, text, preferred, where, pick)
    act(page, f"link or button « {text} »", lambda: activate(page, target))


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
