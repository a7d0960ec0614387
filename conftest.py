"""Root configuration: fixtures, step modules and the report plugin, loaded once for all tests."""

from pathlib import Path

import pytest

from harness.requirements import (
    collect_scenarios,
    load_catalogue,
    requirement_marker_names,
    security_marker_names,
)

pytest_plugins = [
    "fixtures.personas",
    "fixtures.world",
    "fixtures.browser",
    "fixtures.playwright_settings",
    "harness.report.plugin",
    "harness.workers",
    # The journeys the step modules share, first: pytest rewrites the asserts of the modules it
    # marks before they are imported, and marking the package marks every journey module.
    "steps.journeys",
    "steps.journeys.actors",
    "steps.luxtrust",
    "steps.navigation",
    "steps.activation",
    "steps.professional_activation",
    "steps.authentication",
    "steps.account",
    "steps.dsp",
    "steps.delegation",
    "steps.one_time_codes",
    "steps.feedback",
    "steps.myguichet",
    "steps.screen_fit",
    "steps.security_authentication",
    "steps.security_sessions",
    "steps.security_access",
    "steps.security_account",
]

CATALOGUE = Path(__file__).parent / "features" / "requirements.toml"
GUIDE_TAGS = {
    "patient": "a scenario taken from the patient quick guide",
    "professionnel": "a scenario taken from the health professional quick guide",
    "refus": "a scenario checking that the portal refuses something",
    "horloge": "a scenario that needs the target's clock control",
    "telephone": "a scenario run on an emulated phone (--phone-device), tapping instead of clicking",
    "reference": "a scenario on what the reference world does where the guides are silent",
    "accessibilite": "a scenario on what WCAG 2.1 AA asks of the pages, beyond the guides",
    "securite": "a scenario on what OWASP ASVS 5.0 / NIST SP 800-63B ask of any portal, beyond the guides",
}


@pytest.fixture(scope="session")
def base_url(portal_url: str) -> str:
    """pytest-playwright's base URL is the portal under test (a conftest fixture outranks plugins')."""
    return portal_url


def pytest_configure(config: pytest.Config) -> None:
    """Register the feature files' tags, so --strict-markers catches a mistyped one."""
    for tag, meaning in GUIDE_TAGS.items():
        config.addinivalue_line("markers", f"{tag}: {meaning}")
    for page in range(1, 22):
        config.addinivalue_line("markers", f"p{page}: guide page {page}")
    for marker in requirement_marker_names(load_catalogue(CATALOGUE)):
        config.addinivalue_line("markers", f"{marker}: guide requirement {marker}")
    for marker in security_marker_names(collect_scenarios(CATALOGUE.parent)):
        config.addinivalue_line("markers", f"{marker}: security requirement (ASVS 5.0 or NIST SP 800-63B)")
