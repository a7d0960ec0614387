"""MyGuichet.lu's citizens, their contacts, and their consent to share the identifier with eSanté."""

import datetime as dt
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.storage import Database


@dataclass(frozen=True)
class Citizen:
    """A person with a MyGuichet.lu private space."""

    national_id: str
    given_name: str
    family_name: str
    email: str | None
    mobile: str | None

    @property
    def full_name(self) -> str:
        """The name the private space greets."""
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class Consent:
    """The citizen's answer to the eSanté consent: when given, and when revoked if it was."""

    granted_at: dt.datetime
    revoked_at: dt.datetime | None

    @property
    def active(self) -> bool:
        """Whether MyGuichet.lu may share the identifier now."""
        return self.revoked_at is None


class Citizens:
    """Read and write citizens and their consents in MyGuichet.lu's database."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def enrol(self, citizen: Citizen) -> bool:
        """Open a private space; False when the identifier has one already."""
        with self._db.transaction() as conn:
            inserted = conn.execute(
                "INSERT OR IGNORE INTO citizens (national_id, given_name, family_name, email,"
                " mobile, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                (citizen.national_id, citizen.given_name, citizen.family_name, citizen.email,
                 citizen.mobile, self._clock.timestamp()),
            ).rowcount
        return inserted == 1

    def get(self, national_id: str) -> Citizen | None:
        """The citizen with that identifier, if they have a private space."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT national_id, given_name, family_name, email, mobile FROM citizens"
                " WHERE national_id = ?",
                (national_id,),
            ).fetchone()
        return Citizen(**dict(row)) if row else None

    def set_contacts(self, national_id: str, *, email: str | None, mobile: str | None) -> None:
        """Replace the citizen's e-mail address and mobile number, already checked."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE citizens SET email = ?, mobile = ? WHERE national_id = ?",
                (email, mobile, national_id),
            )

    def consent(self, national_id: str) -> Consent | None:
        """The citizen's eSanté consent, if they ever gave it."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT granted_at, revoked_at FROM esante_consents WHERE national_id = ?",
                (national_id,),
            ).fetchone()
        if row is None:
            return None
        revoked = row["revoked_at"]
        return Consent(self._time(row["granted_at"]), self._time(revoked) if revoked else None)

    def grant(self, national_id: str) -> None:
        """Record the consent, or renew one that was revoked."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO esante_consents (national_id, granted_at) VALUES (?, ?)"
                " ON CONFLICT (national_id) DO UPDATE SET granted_at = excluded.granted_at,"
                " revoked_at = NULL",
                (national_id, self._clock.timestamp()),
            )

    def revoke(self, national_id: str) -> None:
        """Record that the consent is withdrawn."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE esante_consents SET revoked_at = ? WHERE national_id = ? AND revoked_at IS NULL",
                (self._clock.timestamp(), national_id),
            )

    @staticmethod
    def _time(timestamp: float) -> dt.datetime:
        """A stored time, in UTC like the world's clock."""
        return dt.datetime.fromtimestamp(timestamp, tz=dt.UTC)
