"""Settings of the reference world, with the values the guides and the issue rules give."""

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class HashingConfig:
    """Argon2id cost parameters; RFC 9106's low-memory profile by default."""

    time_cost: int = 3
    memory_cost_kib: int = 65536
    parallelism: int = 4


# Argon2id at its cheapest, for the worlds tests start: they check behaviour, not the cost of
# guessing a stolen hash, and a scenario should not spend a tenth of a second per password.
TEST_HASHING = HashingConfig(time_cost=1, memory_cost_kib=1024, parallelism=1)


@dataclass(frozen=True)
class WorldConfig:
    """Everything the world needs to start: where state lives, ports, lifetimes and limits."""

    data_dir: Path | None = None
    test_support: bool = False
    # The test-support shortcuts to a persona's later states (activated, signed in, assistant).
    test_shortcuts: bool = True
    portal_port: int = 0
    messaging_port: int = 0
    luxtrust_port: int = 0
    myguichet_port: int = 0
    # A mail catcher (host, port) that also receives every e-mail the gateway keeps, by plain SMTP.
    smtp_relay: tuple[str, int] | None = None
    activation_code_ttl: dt.timedelta = dt.timedelta(days=90)
    one_time_code_ttl: dt.timedelta = dt.timedelta(minutes=10)
    max_attempts: int = 5
    # Codes the activation wizards may send for one letter, in any number of sessions: beyond,
    # someone is scripting the gateway. Codes the gateway did not take do not count.
    max_codes_per_wizard: int = 10
    # Sign-in and account-settings codes one account may have sent within the window: beyond it,
    # resending is SMS or e-mail bombing, not a person waiting for a slow message. Codes the gateway
    # did not take do not count here either.
    max_codes_per_account: int = 10
    codes_per_account_window: dt.timedelta = dt.timedelta(hours=1)
    session_idle_timeout: dt.timedelta = dt.timedelta(minutes=30)
    # Sign-in: after this many failures each new try waits, and at the limit the account locks.
    sign_in_throttle_after: int = 3
    sign_in_throttle_delay: dt.timedelta = dt.timedelta(seconds=30)
    sign_in_max_failures: int = 5
    sign_in_lock: dt.timedelta = dt.timedelta(minutes=15)
    # The largest document a DSP accepts (« 5 Mo »).
    dsp_max_document_bytes: int = 5 * 1024 * 1024
    # How long a fresh one-time code opens the account's sensitive settings.
    fresh_code_window: dt.timedelta = dt.timedelta(minutes=5)
    # How long MyGuichet.lu's ticket to the DSP may wait for the browser to present it.
    myguichet_ticket_ttl: dt.timedelta = dt.timedelta(seconds=60)
    hashing: HashingConfig = field(default_factory=HashingConfig)
    # « Numéro assuré » look-ups one signed-in account may make within the window: each shows a
    # name, and matricules can be guessed.
    dsp_searches_per_window: int = 10
    dsp_search_window: dt.timedelta = dt.timedelta(minutes=15)
