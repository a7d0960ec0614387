"""The people the portal knows of, their activation letters, and requests for new letters."""

import datetime as dt
from dataclasses import dataclass

from reference_server.clock import Clock
from reference_server.domain.codes import new_activation_code
from reference_server.domain.hashing import CodeHasher
from reference_server.storage import Database


@dataclass(frozen=True)
class Person:
    """Someone in the national register, as the portal sees them."""

    matricule: str
    kind: str
    first_name: str
    last_name: str
    birth_date: dt.date
    email: str
    mobile: str
    street: str
    postcode: str
    locality: str


@dataclass(frozen=True)
class CodeRequest:
    """What a person fills in when they have no activation code."""

    matricule: str
    last_name: str
    first_name: str
    email: str
    mobile: str
    street: str
    postcode: str
    locality: str


@dataclass(frozen=True)
class Practice:
    """A professional's entry in the professional register."""

    profession: str
    practice_name: str
    practice_street: str
    practice_postcode: str
    practice_locality: str


class Register:
    """Persons and activation letters, in the portal's database."""

    def __init__(self, db: Database, clock: Clock, hasher: CodeHasher) -> None:
        self._db = db
        self._clock = clock
        self._hasher = hasher

    def add_person(self, person: Person) -> bool:
        """Add a person; False when the matricule is already taken."""
        with self._db.transaction() as conn:
            taken = conn.execute(
                "SELECT 1 FROM persons WHERE matricule = ?", (person.matricule,)
            ).fetchone()
            if taken:
                return False
            conn.execute(
                "INSERT INTO persons VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    person.matricule, person.kind, person.first_name, person.last_name,
                    person.birth_date.isoformat(), person.email, person.mobile,
                    person.street, person.postcode, person.locality, self._clock.timestamp(),
                ),
            )
        return True

    def person(self, matricule: str) -> Person | None:
        """The person with this matricule, if the register has them."""
        with self._db.reading() as conn:
            row = conn.execute("SELECT * FROM persons WHERE matricule = ?", (matricule,)).fetchone()
        if row is None:
            return None
        values = dict(row)
        values.pop("created_at")
        values["birth_date"] = dt.date.fromisoformat(values["birth_date"])
        return Person(**values)

    def add_practice(self, matricule: str, practice: Practice) -> None:
        """Record a professional's practice in the professional register."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO professionals VALUES (?, ?, ?, ?, ?, ?)",
                (matricule, practice.profession, practice.practice_name, practice.practice_street,
                 practice.practice_postcode, practice.practice_locality),
            )

    def practice(self, matricule: str) -> Practice | None:
        """A professional's practice, if the professional register has one."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT profession, practice_name, practice_street, practice_postcode,"
                " practice_locality FROM professionals WHERE matricule = ?",
                (matricule,),
            ).fetchone()
        return Practice(**dict(row)) if row else None

    def issue_letter(self, matricule: str, lifetime: dt.timedelta) -> str:
        """Print a new activation letter and return its code; only its hash is stored."""
        code = new_activation_code()
        # Hashed before the write transaction: other writers never wait for a hash (a legacy
        # Argon2id hasher takes a tenth of a second).
        code_hash = self._hasher.hash(code)
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO activation_letters (matricule, code_hash, issued_at, expires_at)"
                " VALUES (?, ?, ?, ?)",
                (matricule, code_hash, now, now + lifetime.total_seconds()),
            )
        return code

    def record_code_request(self, request: CodeRequest) -> None:
        """Keep a request for a new letter for the helpdesk to handle."""
        with self._db.transaction() as conn:
            conn.execute(
                "INSERT INTO code_requests (matricule, last_name, first_name, email, mobile,"
                " street, postcode, locality, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    request.matricule, request.last_name, request.first_name, request.email,
                    request.mobile, request.street, request.postcode, request.locality,
                    self._clock.timestamp(),
                ),
            )

    def code_requests(self, matricule: str) -> list[CodeRequest]:
        """The requests recorded for a matricule, oldest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT matricule, last_name, first_name, email, mobile, street, postcode, locality"
                " FROM code_requests WHERE matricule = ? ORDER BY id",
                (matricule,),
            ).fetchall()
        return [CodeRequest(**dict(row)) for row in rows]
