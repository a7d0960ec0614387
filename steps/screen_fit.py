"""The portal on a phone: each page fits the screen's width, with nothing cut off.

The guides do not speak of phones; WCAG 2.1 AA does (1.4.10 Reflow), so a page that does not fit
is an accessibility advisory, which fails the step under --strict as on the reference world.
"""

from playwright.sync_api import Page
from pytest_bdd import then

from harness.verdicts import advise
from steps.pages.guide import has_touch_screen
from steps.pages.screen import Screen, layout_problems

REFLOW = "1.4.10 Reflow"


@then("la page tient dans l'écran du téléphone")
def _(page: Page) -> None:
    """No sideways scrolling, and every heading, link, button and field within the screen's width."""
    # The step before it waited for the page's content; the page is measured once, as shown.
    assert has_touch_screen(page), "this step measures a phone's screen: tag the scenario @telephone"
    fit = Screen(page).measure()
    problems = layout_problems(fit)
    if problems:
        advise(f"the page does not fit the phone's screen, {fit.screen_width:g} px wide:\n  - "
               + "\n  - ".join(problems), REFLOW, page.url)
