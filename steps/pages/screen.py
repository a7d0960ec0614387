"""What a screen shows of a page: how wide the page is, and where its headings and controls lie."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from playwright.sync_api import Locator, Page

# The ARIA roles of what a person reads or touches: headings, links, buttons and form fields.
# A file input is a button to Playwright.
ROLES = ("heading", "link", "button", "textbox", "searchbox", "combobox", "listbox", "checkbox",
         "radio", "spinbutton")
# Layout rounds to fractions of a pixel; a pixel more is not a cut-off control.
TOLERANCE_PX = 1.0

# For each element: where it lies across the page, the nearest box that cuts part of it off,
# and whether its own text overflows a box that hides the overflow.
PLACEMENTS_JS = """
(elements) => {
  const text = (value) => (value || "").replace(/\\s+/g, " ").trim().slice(0, 60);
  const labelledBy = (el) => (el.getAttribute("aria-labelledby") || "").split(/\\s+/)
    .map((id) => document.getElementById(id)).filter(Boolean).map((ref) => ref.textContent).join(" ");
  const nameOf = (el) => text(el.getAttribute("aria-label") || labelledBy(el)
    || (el.labels && el.labels.length ? el.labels[0].textContent : "") || el.textContent
    || el.getAttribute("title") || el.getAttribute("name"));
  const kindOf = (el) => {
    if (el.getAttribute("role")) return el.getAttribute("role");
    if (/^H[1-6]$/.test(el.tagName)) return "heading";
    if (el.tagName === "A") return "link";
    if (el.matches("button, input[type=submit], input[type=button], input[type=reset], input[type=file]")) {
      return "button";
    }
    return el.matches("input, select, textarea") ? "field" : el.tagName.toLowerCase();
  };
  const describe = (el) => (nameOf(el) ? `${kindOf(el)} « ${nameOf(el)} »` : kindOf(el));
  const placements = [];
  for (const el of elements) {
    const box = el.getBoundingClientRect();
    // Shrunk to a pixel for screen readers only: nothing a person sees.
    if (box.width <= 1 || box.height <= 1) continue;
    // Moved out of the page on purpose, as skip links are until they take the focus.
    if (box.right + scrollX <= 0 || box.bottom + scrollY <= 0) continue;
    let cutBy = "";
    let screenReaderOnly = false;
    for (let ancestor = el.parentElement; ancestor && ancestor !== document.body;
         ancestor = ancestor.parentElement) {
      if (getComputedStyle(ancestor).overflowX === "visible") continue;
      const clip = ancestor.getBoundingClientRect();
      if (clip.width <= 1 || clip.height <= 1) { screenReaderOnly = true; break; }
      if (box.left < clip.left - 1 || box.right > clip.right + 1) { cutBy = describe(ancestor); break; }
    }
    if (screenReaderOnly) continue;
    const field = el.matches("input, select, textarea");
    const hides = getComputedStyle(el).overflowX !== "visible";
    placements.push({
      what: describe(el),
      left: box.left + scrollX,
      right: box.right + scrollX,
      cut_by: cutBy,
      // A field's value scrolls inside it by design; other elements should show their text.
      text_cut: !field && hides && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1,
    });
  }
  return placements;
}
"""

PAGE_WIDTH_JS = """
() => [
  document.documentElement.clientWidth,
  Math.max(document.documentElement.scrollWidth, document.body ? document.body.scrollWidth : 0),
]
"""


@dataclass(frozen=True)
class Placement:
    """Where a heading, link, button or field lies across the page, in CSS pixels."""

    what: str
    left: float
    right: float
    # The box that cuts part of it off, if any.
    cut_by: str = ""
    # Its own text overflows it and is hidden.
    text_cut: bool = False


@dataclass(frozen=True)
class ScreenFit:
    """How a page lies on the screen: the screen's width, the page's, and its elements."""

    screen_width: float
    page_width: float
    placements: tuple[Placement, ...] = ()


class Screen:
    """The screen a page is shown on, measured as it is now."""

    def __init__(self, page: Page) -> None:
        self.page = page

    def elements(self) -> Locator:
        """Every heading, link, button and form field that is not hidden."""
        locator = self.page.get_by_role(ROLES[0])
        for role in ROLES[1:]:
            locator = locator.or_(self.page.get_by_role(role))  # type: ignore[arg-type]
        return locator

    def measure(self) -> ScreenFit:
        """Measure the page once it has loaded, with its stylesheets."""
        self.page.wait_for_load_state()
        screen_width, page_width = self.page.evaluate(PAGE_WIDTH_JS)
        placements = self.elements().evaluate_all(PLACEMENTS_JS)
        return ScreenFit(screen_width, page_width, tuple(Placement(**found) for found in placements))


def layout_problems(fit: ScreenFit) -> list[str]:
    """Say what of a page does not fit its screen's width: sideways scrolling, cut-off elements."""
    problems = []
    if fit.page_width > fit.screen_width + TOLERANCE_PX:
        problems.append(f"the page is {fit.page_width:g} px wide, so it scrolls sideways")
    problems.extend(_placement_problems(fit.screen_width, fit.placements))
    return problems


def _placement_problems(screen_width: float, placements: Iterable[Placement]) -> list[str]:
    """Say which elements lie partly off the screen, are cut off by a box, or hide their text."""
    problems = []
    for placement in placements:
        if placement.left < -TOLERANCE_PX or placement.right > screen_width + TOLERANCE_PX:
            problems.append(f"{placement.what} lies at {placement.left:g}–{placement.right:g} px, "
                            f"beyond the screen's 0–{screen_width:g} px")
        elif placement.cut_by:
            problems.append(f"{placement.what} is cut off by {placement.cut_by}")
        elif placement.text_cut:
            problems.append(f"{placement.what} does not show all its text")
    return problems
