"""How many one-time codes may be sent for an account, or for a letter, whatever the session."""

from reference_server.clock import Clock, minutes_to_wait
from reference_server.config import WorldConfig
from reference_server.portal.rate_limits import Counted, RateLimit
from reference_server.portal.web import HELPDESK_LOWER, HELPDESK_TEXT
from reference_server.storage import Database

WIZARD_TOO_MANY = "Trop de codes ont été demandés. " + HELPDESK_TEXT


# Sign-in and account-settings codes, per account and hour.
PER_ACCOUNT = Counted("code_sends", "matricule")
# The activation wizards' codes, per letter for its whole life: a new wizard buys no new codes.
PER_LETTER = Counted("letter_code_sends", "letter_id")


def per_account(db: Database, clock: Clock, config: WorldConfig) -> RateLimit:
    """Sign-in and account-settings codes: so many per account within the hour, then wait."""
    return RateLimit(db, clock, PER_ACCOUNT, config.max_codes_per_account, config.codes_per_account_window,
                     _wait_refusal)


def per_letter(db: Database, clock: Clock, config: WorldConfig) -> RateLimit:
    """The wizards' codes: so many per activation letter for its life, then the helpdesk."""
    return RateLimit(db, clock, PER_LETTER, config.max_codes_per_wizard, config.activation_code_ttl,
                     lambda _seconds: WIZARD_TOO_MANY)


def _wait_refusal(seconds: float) -> str:
    """When a new code may be asked for again, and who can help meanwhile."""
    minutes = minutes_to_wait(seconds)
    return ("Trop de codes ont été demandés. Vous pourrez demander un nouveau code dans "
            f"{minutes} minute(s). Pour toute question, " + HELPDESK_LOWER)
