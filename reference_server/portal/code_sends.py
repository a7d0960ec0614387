"""How many one-time codes an account may have sent within a window, whatever the session."""

import math

from reference_server.clock import Clock
from reference_server.config import WorldConfig
from reference_server.portal.web import HELPDESK
from reference_server.storage import Database


class CodeSendLimit:
    """Count the codes sent to each account and refuse more than the cap within the window."""

    def __init__(self, db: Database, clock: Clock, config: WorldConfig) -> None:
        self._db = db
        self._clock = clock
        self._cap = config.max_codes_per_account
        self._window = config.codes_per_account_window.total_seconds()

    def reserve(self, matricule: str) -> str | None:
        """Count one more code for the account; why not, when the cap is reached, else None."""
        now = self._clock.timestamp()
        since = now - self._window
        with self._db.transaction() as conn:
            # Sends older than the window no longer count: forgetting them bounds the table.
            conn.execute("DELETE FROM code_sends WHERE matricule = ? AND sent_at <= ?", (matricule, since))
            rows = conn.execute(
                "SELECT sent_at FROM code_sends WHERE matricule = ? ORDER BY sent_at", (matricule,)
            ).fetchall()
            if len(rows) >= self._cap:
                return self._refusal(rows[0]["sent_at"] + self._window - now)
            conn.execute("INSERT INTO code_sends (matricule, sent_at) VALUES (?, ?)", (matricule, now))
        return None

    @staticmethod
    def _refusal(seconds: float) -> str:
        """When a new code may be asked for again, and who can help meanwhile."""
        minutes = max(1, math.ceil(seconds / 60))
        return (
            "Trop de codes ont été demandés. Vous pourrez demander un nouveau code dans "
            f"{minutes} minute(s). Pour toute question, contactez notre helpdesk au "
            f"{HELPDESK['phone']} ou par mail ({HELPDESK['email']})."
        )
