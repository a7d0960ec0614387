"""The portal's and MyGuichet.lu's tables come from their schema.sql, which older data still opens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import reference_server.myguichet
import reference_server.portal
from reference_server.storage import Database

PORTAL = Path(reference_server.portal.__file__).parent
SCHEMAS = {
    "portal": PORTAL / "schema.sql",
    "myguichet": Path(reference_server.myguichet.__file__).parent / "schema.sql",
}
# What each schema gained since data directories were first written: dropped to make an older one.
ADDED = {
    "portal": ("DROP INDEX sessions_by_last_seen", "DROP TABLE dsp_searches",
               "DROP TABLE letter_code_sends"),
    "myguichet": ("DROP INDEX sessions_by_last_seen",),
}


def opened(directory: Path, system: str) -> Database:
    """The system's database in a data directory, opened as the system opens it."""
    return Database(directory / f"{system}.sqlite3", SCHEMAS[system].read_text(encoding="utf-8"))


def tables(db: Database) -> set[str]:
    """The names of the database's tables."""
    with db.reading() as conn:
        return {row["name"] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def idle_cleanup_plan(db: Database) -> str:
    """How SQLite runs the sessions' idle cleanup (sessions.py), as EXPLAIN QUERY PLAN says it."""
    with db.reading() as conn:
        rows = conn.execute("EXPLAIN QUERY PLAN DELETE FROM sessions WHERE last_seen < ?", (0,)).fetchall()
    return " ".join(row["detail"] for row in rows)


def test_the_portal_schema_creates_every_table_and_no_module_creates_one(tmp_path: Path):
    assert {"dsp_searches", "letter_code_sends", "code_sends"} <= tables(opened(tmp_path, "portal"))
    for source in sorted(PORTAL.glob("*.py")):
        assert "CREATE TABLE" not in source.read_text(encoding="utf-8").upper(), source.name


@pytest.mark.parametrize("system", SCHEMAS)
def test_idle_sessions_are_found_through_an_index(tmp_path: Path, system: str):
    plan = idle_cleanup_plan(opened(tmp_path, system))

    assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, plan


@pytest.mark.parametrize("system", SCHEMAS)
def test_a_data_directory_written_before_opens_and_gains_what_is_new(tmp_path: Path, system: str):
    before = tables(opened(tmp_path, system))
    with sqlite3.connect(tmp_path / f"{system}.sqlite3") as conn:
        for statement in ADDED[system]:
            conn.execute(statement)

    again = opened(tmp_path, system)

    assert tables(again) == before
    assert "USING INDEX" in idle_cleanup_plan(again)
