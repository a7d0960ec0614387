"""Target profiles: read from targets/<name>.toml, secrets from the environment, mistakes named."""

from pathlib import Path

import pytest

from harness.environment import MissingVariable
from harness.profiles import ProfileError, load_profile

STAGING = """\
[portal]
url = "https://portal.staging.example"

[personas]
source = "accounts"
accounts = "staging-accounts.toml"

[messages.email]
source = "imap"
host = "imap.staging.example"
port = 993
ssl = true
user = "${STAGING_IMAP_USER}"
password = "${STAGING_IMAP_PASSWORD}"

[messages.sms]
source = "none"

[clock]
control = false

[browser]
timeout_ms = 10000
headed = true
"""


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("STAGING_IMAP_USER", "qa")
    monkeypatch.setenv("STAGING_IMAP_PASSWORD", "from-the-environment")
    (tmp_path / "targets").mkdir()
    (tmp_path / "targets" / "staging.toml").write_text(STAGING, encoding="utf-8")
    return tmp_path


def test_a_profile_is_found_by_name_with_its_sources_and_secrets_from_the_environment(root: Path):
    profile = load_profile("staging", root)

    assert profile.portal_url == "https://portal.staging.example/"
    assert profile.accounts == root / "targets" / "staging-accounts.toml"
    assert profile.email.kind == "imap"
    assert profile.email.settings["password"] == "from-the-environment"
    assert profile.email.describe() == "imap (imap.staging.example)"
    assert profile.sms.kind == "none"
    assert not profile.clock_control and not profile.uses_test_support
    assert profile.timeout_ms == 10000 and profile.browser == {"headed": True}


def test_a_profile_may_be_named_by_its_path(root: Path):
    assert load_profile("targets/staging.toml", root).name == "staging"


def test_an_unknown_profile_lists_the_known_ones(root: Path):
    with pytest.raises(ProfileError, match=r"known: staging"):
        load_profile("production", root)


def test_a_secret_not_in_the_environment_is_named(root: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("STAGING_IMAP_PASSWORD")

    with pytest.raises(MissingVariable, match="STAGING_IMAP_PASSWORD"):
        load_profile("staging", root)


@pytest.mark.parametrize(("change", "message"), [
    (('url = "https://portal.staging.example"', 'url = "portal"'), "url must be an http"),
    (('source = "imap"', 'source = "pop3"'), "messages.email source must be one of"),
    (('accounts = "staging-accounts.toml"', ""), "needs an accounts file"),
])
def test_mistakes_are_named(root: Path, change: tuple[str, str], message: str):
    path = root / "targets" / "staging.toml"
    path.write_text(STAGING.replace(*change), encoding="utf-8")

    with pytest.raises(ProfileError, match=message):
        load_profile("staging", root)
