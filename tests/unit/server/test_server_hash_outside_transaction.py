"""Slow work stays out of write transactions: codes are hashed before the transaction opens."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reference_server.clock import Clock
from reference_server.domain.hashing import CodeHasher
from reference_server.portal.one_time_codes import OneTimeCodes
from reference_server.portal.register import Person, Register
from reference_server.portal.services import SCHEMA_FILE
from reference_server.storage import Database

MATRICULE = "1980010112345"


class WatchedDatabase(Database):
    """The portal's SQLite database, which knows while one of its write transactions is open."""

    writing = False

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, flagged while it is open."""
        with super().transaction() as conn:
            self.writing = True
            try:
                yield conn
            finally:
                self.writing = False


class WatchingHasher(CodeHasher):
    """The real code hasher, noting whether each hash was made inside a write transaction."""

    def __init__(self, db: WatchedDatabase) -> None:
        super().__init__(b"k" * 32)
        self.db = db
        self.inside: list[bool] = []

    def hash(self, code: str) -> str:
        """Hash, and note where."""
        self.inside.append(self.db.writing)
        return super().hash(code)


def watched(tmp_path: Path) -> tuple[WatchedDatabase, WatchingHasher]:
    """A fresh portal database and a hasher that watches it."""
    schema = (Path(__file__).parents[3] / "reference_server" / "portal" / SCHEMA_FILE).read_text()
    db = WatchedDatabase(tmp_path / "portal.sqlite3", schema)
    return db, WatchingHasher(db)


def test_a_one_time_code_is_hashed_before_its_transaction(tmp_path: Path):
    db, hasher = watched(tmp_path)
    codes = OneTimeCodes(db, Clock(), hasher, dt.timedelta(minutes=10), 5)

    issued = codes.issue("wizard:session", "activation", "sms", "+352621000000")

    assert hasher.inside == [False]
    assert codes.check(issued.id, "wizard:session", issued.code).verdict == "accepted"


def test_an_activation_code_is_hashed_before_its_transaction(tmp_path: Path):
    db, hasher = watched(tmp_path)
    register = Register(db, Clock(), hasher)
    register.add_person(Person(MATRICULE, "patient", "Anne", "Muller", dt.date(1980, 1, 1),
                               "anne@example.lu", "+352621000000", "1 rue de la Gare", "1234",
                               "Luxembourg"))

    register.issue_letter(MATRICULE, dt.timedelta(days=90))

    assert hasher.inside == [False]
