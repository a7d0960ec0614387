"""Write the living guides as HTML beside the run's reports, and print each to PDF with Chromium."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from bottle import template
from playwright.sync_api import sync_playwright

from harness.browser import BrowserUnavailable, ensure_browser, launch_args
from harness.living_guide.build import VERDICT_WORDS, Guide, GuideError, build_guides

TEMPLATES = [str(Path(__file__).parent / "templates")]
GUIDE_DIR = "guide"
# The images are the run's own files: the guide refers to them from reports/guide/.
IMAGE_BASE = "../"


def render(guide: Guide) -> str:
    """The HTML of one guide."""
    return template("guide", template_lookup=TEMPLATES, guide=guide, verdict_words=VERDICT_WORDS,
                    image_base=IMAGE_BASE)


def write_html(guides: Sequence[Guide], out: Path) -> list[Path]:
    """Write each guide's HTML file; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for guide in guides:
        path = out / f"guide-{guide.key}.html"
        path.write_text(render(guide), encoding="utf-8")
        written.append(path)
    return written


def print_pdfs(pages: Sequence[Path]) -> list[Path]:
    """Print each HTML file to a PDF beside it, in the Chromium the scenarios use."""
    choice = ensure_browser()
    printed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_args(choice))
        try:
            for html in pages:
                page = browser.new_page()
                # Loaded from the file, so that the screenshots' relative paths resolve.
                page.goto(html.resolve().as_uri(), wait_until="load")
                pdf = html.with_suffix(".pdf")
                page.pdf(path=str(pdf), format="A4", print_background=True, prefer_css_page_size=True)
                page.close()
                printed.append(pdf)
        finally:
            browser.close()
    return printed


def main(argv: Sequence[str], root: Path) -> int:
    """Build both guides from a run's reports, in HTML and PDF."""
    parser = argparse.ArgumentParser(prog="conformance guide",
                                     description="Rebuild both quick guides from the last run.")
    parser.add_argument("--reports-dir", default="reports", help="the run's reports (default: reports)")
    parser.add_argument("--no-pdf", action="store_true", help="write the HTML only")
    options = parser.parse_args(argv)
    reports = root / options.reports_dir
    try:
        guides = build_guides(reports, root / "features" / "requirements.toml")
    except GuideError as error:
        print(error, file=sys.stderr)
        return 1
    html = write_html(guides, reports / GUIDE_DIR)
    try:
        pdf = [] if options.no_pdf else print_pdfs(html)
    except BrowserUnavailable as error:
        print(f"{error}\nThe HTML guides are written; --no-pdf skips the PDF.", file=sys.stderr)
        return 1
    for path in [*html, *pdf]:
        print(path.relative_to(root) if path.is_relative_to(root) else path)
    return 0
