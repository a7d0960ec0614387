"""`./conformance guide` rebuilds both quick guides from a real run: instructions, screenshots, verdicts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from harness_process import run_module, run_scenarios

pytestmark = pytest.mark.browser

# The CGU page of the patient guide (p. 8): a few scenarios, each with a screenshot per step.
SELECTION = "patient and p8 and not telephone"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reports of a small real run, and its living guides made from them."""
    folder = tmp_path_factory.mktemp("reports")
    run = run_scenarios(folder, "-m", SELECTION, "-p", "no:xdist", step_screenshots=True)
    assert run.returncode == 0, run.stdout[-3000:]
    guide = run_module("harness", "guide", "--reports-dir", str(folder))
    assert guide.returncode == 0, guide.stdout + guide.stderr
    return folder


def article(html: str, requirement: str) -> str:
    """The part of a guide's HTML about one instruction."""
    found = re.search(rf'<article class="[^"]*">\s*<div><span class="id">{requirement}</span>.*?</article>',
                      html, re.DOTALL)
    assert found, f"{requirement} is not in the guide"
    return found.group(0)


def test_every_instruction_of_both_guides_is_there_in_page_order(reports: Path):
    patient = (reports / "guide" / "guide-patient.html").read_text(encoding="utf-8")
    professional = (reports / "guide" / "guide-professionnel.html").read_text(encoding="utf-8")

    assert "Page 8 —" in patient and "Conditions Générales" in patient
    assert patient.index("PAT-06-01") < patient.index("PAT-08-01") < patient.index("PAT-21-01")
    assert "PRO-05-01" in professional and "PAT-08-01" not in professional


def test_an_instruction_of_the_run_shows_its_verdict_and_its_step_screenshot(reports: Path):
    html = (reports / "guide" / "guide-patient.html").read_text(encoding="utf-8")

    covered = article(html, "PAT-08-01")
    assert "Conforme" in covered
    image = re.search(r'<img src="\.\./([^"]+)"', covered)
    assert image and (reports / image.group(1)).is_file()


def test_instructions_outside_the_run_say_why(reports: Path):
    html = (reports / "guide" / "guide-patient.html").read_text(encoding="utf-8")

    assert "Non exécuté" in article(html, "PAT-20-01")
    assert "Hors périmètre" in article(html, "PAT-03-03")


def test_each_guide_is_also_a_pdf_of_several_pages(reports: Path):
    for name in ("guide-patient.pdf", "guide-professionnel.pdf"):
        pdf = (reports / "guide" / name).read_bytes()
        assert pdf.startswith(b"%PDF-")
        assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) > 3


def test_without_a_run_the_command_says_what_to_do(tmp_path: Path):
    guide = run_module("harness", "guide", "--reports-dir", str(tmp_path))

    assert guide.returncode == 1
    assert "run ./conformance run first" in guide.stderr
