"""The portal on a phone: each page fits the screen's width, with nothing cut off."""

from playwright.sync_api import Page
from pytest_bdd import then

from steps.pages.guide import has_touch_screen
from steps.pages.screen import Screen, layout_problems


@then("la page tient dans l'écran du téléphone")
def _(page: Page) -> None:
    """No sideways scrolling, and every heading, link, button and field within the screen's width."""
    # The step before it waited for the page's content; the page is measured once, as shown.
    assert has_touch_screen(page), "this step measures a phone's screen: tag the scenario @telephone"
    fit = Screen(page).measure()
    problems = layout_problems(fit)
    assert not problems, (
        f"The page {page.url} does not fit the phone's screen, {fit.screen_width:g} px wide:\n  - "
        + "\n  - ".join(problems)
    )
