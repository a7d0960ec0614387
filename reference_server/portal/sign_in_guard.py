"""Failed sign-ins: after a few, each new try must wait; at the limit, the account locks a while."""

import math

from reference_server.clock import Clock, minutes_to_wait
from reference_server.config import WorldConfig
from reference_server.domain import matricule as matricules
from reference_server.portal.web import HELPDESK_LOWER
from reference_server.storage import Database


class SignInGuard:
    """Count failures per matricule, whether or not it has an account (no enumeration)."""

    def __init__(self, db: Database, clock: Clock, config: WorldConfig) -> None:
        self._db = db
        self._clock = clock
        self._throttle_after = config.sign_in_throttle_after
        self._delay = config.sign_in_throttle_delay.total_seconds()
        self._max = config.sign_in_max_failures
        self._lock = config.sign_in_lock.total_seconds()

    def refusal(self, matricule: str) -> str | None:
        """Why a sign-in may not be tried now, or None when it may."""
        row = self._row(matricule)
        now = self._clock.timestamp()
        if row is None:
            return None
        if row["locked_until"] and now < row["locked_until"]:
            return self._locked_message(row["locked_until"] - now)
        wait = (row["last_failure_at"] or 0) + self._delay - now
        if row["failures"] >= self._throttle_after and wait > 0:
            return f"Trop de tentatives. Veuillez patienter {math.ceil(wait)} secondes avant de réessayer."
        return None

    def lock(self, matricule: str) -> str | None:
        """The lock's message while the account is locked, else None (a throttle is no lock)."""
        row = self._row(matricule)
        now = self._clock.timestamp()
        if row is not None and row["locked_until"] and now < row["locked_until"]:
            return self._locked_message(row["locked_until"] - now)
        return None

    def failure(self, matricule: str) -> str | None:
        """Count a failure; the message of the lock when this one reaches the limit."""
        if not _countable(matricule):
            return None
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO sign_in_attempts (matricule, failures, last_failure_at) VALUES (?, 1, ?)"
                " ON CONFLICT (matricule) DO UPDATE SET failures = failures + 1,"
                " last_failure_at = excluded.last_failure_at",
                (matricule, now),
            )
            failures = conn.execute(
                "SELECT failures FROM sign_in_attempts WHERE matricule = ?", (matricule,)
            ).fetchone()["failures"]
            if failures < self._max:
                return None
            # Locked for a while; the count starts afresh when the lock ends.
            conn.execute(
                "UPDATE sign_in_attempts SET failures = 0, locked_until = ? WHERE matricule = ?",
                (now + self._lock, matricule),
            )
        return self._locked_message(self._lock)

    def success(self, matricule: str) -> None:
        """A complete sign-in forgets the failures."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM sign_in_attempts WHERE matricule = ?", (matricule,))

    def _row(self, matricule: str) -> dict | None:
        """The failure record of a matricule (none for what cannot be one, which is never stored)."""
        if not _countable(matricule):
            return None
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT failures, last_failure_at, locked_until FROM sign_in_attempts"
                " WHERE matricule = ?",
                (matricule,),
            ).fetchone()
        return dict(row) if row else None

    @staticmethod
    def _locked_message(seconds: float) -> str:
        """The lock, how long it lasts, and who can help."""
        minutes = minutes_to_wait(seconds)
        return ("Trop de tentatives infructueuses : votre compte est bloqué pendant "
                f"{minutes} minute(s). Pour toute question, " + HELPDESK_LOWER)


def _countable(typed: str) -> bool:
    """Whether a typed value could be a matricule, so that counting its failures protects someone.

    Anything else has no account behind it: storing it would only let anyone fill the table with
    whatever they type (60,000 characters a try). Its sign-in still gets the same answer.
    """
    return matricules.check(typed, allow_eleven_digits=True).valid
