"""The security profile's scenarios (features/securite/), bound to the step modules the conftest loads."""

import pytest
from pytest_bdd import scenarios

# Every scenario drives a browser: asking for the page up front lets the report plugin and
# Playwright's settings see it before the first step runs.
pytestmark = pytest.mark.usefixtures("scenario_page")

scenarios("securite")
