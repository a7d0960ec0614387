"""SQLite through the standard library: one file per system, WAL mode, one connection per use."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class Database:
    """A SQLite file with its schema, handing out short-lived connections."""

    def __init__(self, path: Path, schema: str) -> None:
        self.path = path
        conn = self._connect()
        try:
            # WAL lets readers go on while one writer commits, which suits a threaded server.
            conn.execute("PRAGMA journal_mode=WAL")
            # executescript runs the statements in their own transaction.
            conn.executescript(schema)
        finally:
            conn.close()

    def _connect(self) -> sqlite3.Connection:
        """Open a connection in autocommit mode so that transactions are explicit."""
        conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys=ON")
        return conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction taken at once, so read-then-write sequences cannot interleave."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        finally:
            conn.close()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """A connection for reads that see one consistent snapshot."""
        conn = self._connect()
        try:
            conn.execute("BEGIN")
            yield conn
            conn.execute("COMMIT")
        finally:
            conn.close()
