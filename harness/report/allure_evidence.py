"""The scenarios' evidence as Allure attachments, when allure-pytest-bdd writes results (--alluredir).

allure-pytest-bdd makes each scenario an Allure test and each step an Allure step; this adds what
the report plugin keeps: the screenshot after each step, the final one, and the trace of a
failure. allure-pytest-bdd closes a step before the report plugin's screenshot of it is taken,
so the step screenshots are attached to the scenario, named after their step.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PNG = "image/png"
ZIP = "application/zip"
_EXTENSIONS = {PNG: "png", ZIP: "zip"}


def active(config: pytest.Config) -> bool:
    """Tell whether allure-pytest-bdd writes results in this run (it is installed and --alluredir given)."""
    if not getattr(config.option, "allure_report_dir", None):
        return False
    # The `allure` extra is optional: without it no Allure option exists anyway.
    return importlib.util.find_spec("allure") is not None


def attach(config: pytest.Config, path: Path, name: str, mime_type: str) -> None:
    """Attach a file to the running Allure test, if Allure results are written."""
    if not active(config):
        return
    import allure  # Imported here: allure-pytest-bdd is an optional extra.

    try:
        allure.attach.file(str(path), name=name, attachment_type=mime_type, extension=_EXTENSIONS[mime_type])
    except Exception:  # The evidence must never be what fails a scenario.
        return
