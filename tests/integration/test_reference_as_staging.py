"""The reference world played as a staging portal, reached through a target profile.

It has no /_test/: identities come from a provisioned accounts file, e-mail goes over SMTP to a
real MailDev, and SMS are read from the gateway's sandbox.

The preflight reports the target's capabilities; a run passes every scenario they allow and
reports the rest as not run, with the reason; a second run takes fresh identities.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from harness_process import run_module, run_scenarios, summary
from real_servers import ServerUnavailable, maildev

from harness.accounts import AccountsFile
from reference_server import provision
from reference_server.config import WorldConfig
from reference_server.world import World

pytestmark = pytest.mark.browser

# Step 1 of the patient wizard, and the clock-bound refusal among its scenarios.
SELECTION = "patient and p9 and not telephone"
# A second, smaller run: two scenarios that each take a patient of their own, in one worker.
SECOND_SELECTION = ("test_le_patient_saisit_son_matricule_et_son_code_dactivation"
                    " or test_un_code_dactivation_erroné_est_refusé")
IDENTITIES = 60
# One MailDev plays the staging mail catcher; the sources are proven on each major elsewhere.
MAILDEV_MAJOR = 2
PROFILE = """\
[portal]
url = "{portal}"

[personas]
source = "accounts"
accounts = "accounts.toml"

[messages.email]
source = "maildev"
url = "{maildev}"

[messages.sms]
source = "sms-sandbox"
url = "{sandbox}"

[clock]
control = false
"""


@pytest.fixture(scope="module")
def staging(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A provisioned world served without /_test/, and its profile; the path of the profile."""
    home = tmp_path_factory.mktemp("staging")
    # Two runs of the selection take a patient each per scenario; some identities are professionals.
    identities = provision.provision(home / "world", count=IDENTITIES, seed=11)
    (home / "accounts.toml").write_text(provision.accounts_toml(identities), encoding="utf-8")
    try:
        catcher = maildev(MAILDEV_MAJOR, home)
        mail = catcher.__enter__()
    except (ServerUnavailable, OSError) as error:
        pytest.fail(f"MailDev is needed and could not be had: {error}", pytrace=False)
    config = WorldConfig(data_dir=home / "world", smtp_relay=("127.0.0.1", mail.smtp_port))
    try:
        with World(config) as urls:
            (home / "staging.toml").write_text(PROFILE.format(
                portal=urls.portal, maildev=mail.url, sandbox=urls.messaging + "sandbox/sms",
            ), encoding="utf-8")
            yield home / "staging.toml"
    finally:
        catcher.__exit__(None, None, None)


def run(
    profile: Path, reports: Path, *selection: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    """One run of a selection against the profile, with its summary."""
    done = run_scenarios(reports, "--target", str(profile), *selection)
    return done, summary(reports)


def test_the_preflight_reports_the_capabilities_of_the_staging_profile(staging: Path):
    preflight = run_module("harness", "check-target", "--target", str(staging), "-m", SELECTION)

    assert preflight.returncode == 0, preflight.stdout + preflight.stderr
    assert f"✓ personas: {IDENTITIES} fresh of {IDENTITIES} in accounts.toml" in preflight.stdout
    assert "✓ e-mail messages: MailDev" in preflight.stdout
    assert "✗ clock: not movable" in preflight.stdout
    assert "the target has no clock: " in preflight.stdout


def test_runs_pass_what_the_target_allows_and_take_fresh_identities_each_time(
    staging: Path, tmp_path: Path
):
    # The first run has two workers choose from the file at once; the second comes after it.
    first, summary = run(staging, tmp_path / "first", "-m", SELECTION, "-n", "2")
    used = AccountsFile(staging.with_name("accounts.toml")).consumed()
    second, again = run(staging, tmp_path / "second", "-m", SELECTION, "-k", SECOND_SELECTION)
    used_twice = AccountsFile(staging.with_name("accounts.toml")).consumed()

    assert first.returncode == 0, first.stdout[-3000:]
    assert summary["scenarios"]["failed"] == 0
    assert summary["scenarios"]["passed"] >= 10
    # The expired-letter scenario needs the clock, which this target does not lend.
    assert summary["scenarios"]["not_run"] >= 1
    assert second.returncode == 0, second.stdout[-3000:]
    assert (again["scenarios"]["passed"], again["scenarios"]["failed"]) == (2, 0), again["scenarios"]
    # An identity the first run used would have its letter used up: each scenario took a new one.
    assert len(used) >= 10 and len(used_twice) >= len(used) + 2
