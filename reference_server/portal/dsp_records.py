"""The shared care record (DSP): records, documents, circle of trust, assistants and the trace."""

import datetime as dt
import secrets
import sqlite3
from dataclasses import dataclass
from enum import Enum
from zoneinfo import ZoneInfo

from reference_server.clock import Clock, minutes_to_wait
from reference_server.config import WorldConfig
from reference_server.portal.rate_limits import Counted, RateLimit
from reference_server.storage import Database

LUXEMBOURG = ZoneInfo("Europe/Luxembourg")
# « 5 Mo », as the upload form says.
MAX_DOCUMENT_BYTES = 5 * 1024 * 1024
ASSISTANT_TYPE = "Assistant DSP"
DOCUMENT_KINDS = ("Compte rendu", "Résultat d'analyse", "Imagerie", "Ordonnance", "Autre")
AS_ASSISTANT = " en tant qu'assistant"
# « Numéro assuré » look-ups, per signed-in account: each one found shows a person's name.
DSP_SEARCHES = Counted("dsp_searches", "viewer", at="searched_at")
TOO_MANY_SEARCHES = ("Vous avez fait trop de recherches de numéro assuré. "
                     "Veuillez patienter {minutes} minute(s) avant de réessayer.")


@dataclass(frozen=True)
class Holder:
    """A person as the DSP names them."""

    matricule: str
    first_name: str
    last_name: str
    birth_date: dt.date

    @property
    def full_name(self) -> str:
        """« Prénom Nom »."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Record:
    """One person's DSP, under its opaque id."""

    id: str
    owner: Holder


class Access(Enum):
    """Why a person may use a record."""

    OWNER = "owner"
    ASSISTANT = "assistant"


@dataclass(frozen=True)
class Visit:
    """A record, who views it, and their access to it; None means refused."""

    record: Record
    viewer: str
    access: Access | None


@dataclass(frozen=True)
class Document:
    """A document of a record, without its content."""

    id: int
    title: str
    kind: str
    author: str
    media_type: str
    size: int
    date: dt.date


@dataclass(frozen=True)
class NewDocument:
    """A document about to be stored."""

    title: str
    kind: str
    media_type: str
    content: bytes


@dataclass(frozen=True)
class SeededDocument:
    """A document the test-support interface puts in a record, with its author and date."""

    document: NewDocument
    author: str
    date: dt.date


@dataclass(frozen=True)
class Professional:
    """A member of the « Cercle Médical de Confiance »."""

    name: str
    type: str
    role: str
    contact: str
    email: str
    practice: str
    since: dt.date


@dataclass(frozen=True)
class Assistant:
    """A person with the same rights as the owner on a record."""

    id: int
    holder: Holder
    type: str
    role: str


@dataclass(frozen=True)
class TraceEntry:
    """One line of the « Traçabilité »."""

    at: dt.datetime
    who: str
    action: str


class Refusal(Enum):
    """Why someone cannot be made an assistant, or why a change was not made."""

    NOT_FOUND = "not_found"
    OWNER = "owner"
    DUPLICATE = "duplicate"
    NO_ACCESS = "no_access"


@dataclass(frozen=True)
class Candidate:
    """The outcome of looking for a future assistant: the person, or why not."""

    holder: Holder | None
    refusal: Refusal | None = None


class DspRecords:
    """Every read and change of DSP records; each change is traced in its own transaction."""

    def __init__(self, db: Database, clock: Clock, max_document_bytes: int = MAX_DOCUMENT_BYTES) -> None:
        self._db = db
        self._clock = clock
        self.max_document_bytes = max_document_bytes

    def today(self) -> dt.date:
        """The world's date in Luxembourg, which the record's dates use."""
        return self._clock.now().astimezone(LUXEMBOURG).date()

    # Records and access ---------------------------------------------------------------------------

    def own_record(self, matricule: str) -> Record:
        """A person's record, opened the first time they (or the test-support interface) ask."""
        with self._db.transaction() as conn:
            record = self._ensure_record(conn, matricule)
        return record

    def visit(self, record_id: str, viewer: str, action: str | None = None) -> Visit | None:
        """Check the viewer's access and trace the visit or its refusal; None for unknown ids."""
        with self._db.transaction() as conn:
            record = _record(conn, record_id)
            if record is None:
                return None
            actor = _holder(conn, viewer)
            access = _access(conn, record, viewer)
            if access is None:
                self._trace(conn, record.id, actor, f"Accès refusé à {actor.full_name}")
            elif action:
                self._trace(conn, record.id, actor, action + _suffix(access))
        return Visit(record, viewer, access)

    def assisted(self, matricule: str) -> list[Record]:
        """The records a person is an assistant of, by their owners' names."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT r.id, p.matricule, p.first_name, p.last_name, p.birth_date"
                " FROM dsp_assistants a JOIN dsp_records r ON r.id = a.record_id"
                " JOIN persons p ON p.matricule = r.owner"
                " WHERE a.matricule = ? ORDER BY p.first_name, p.last_name, r.id",
                (matricule,),
            ).fetchall()
        return [Record(row["id"], _holder_of(row)) for row in rows]

    # Documents ------------------------------------------------------------------------------------

    def documents(self, record_id: str, limit: int | None = None) -> list[Document]:
        """A record's documents, newest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT id, title, kind, author, media_type, length(content) AS size, document_date"
                " FROM dsp_documents WHERE record_id = ?"
                " ORDER BY document_date DESC, id DESC LIMIT ?",
                (record_id, -1 if limit is None else limit),
            ).fetchall()
        return [_document_of(row) for row in rows]

    def download(self, record_id: str, viewer: str, document_id: int) -> tuple[Document, bytes] | None:
        """A document and its content, the download traced; None if not in this record."""
        with self._db.transaction() as conn:
            record = _record(conn, record_id)
            access = _access(conn, record, viewer) if record else None
            row = conn.execute(
                "SELECT id, title, kind, author, media_type, length(content) AS size, document_date,"
                " content FROM dsp_documents WHERE record_id = ? AND id = ?",
                (record_id, document_id),
            ).fetchone()
            if access is None or row is None:
                return None
            document = _document_of(row)
            action = f"a téléchargé le document « {document.title} »"
            self._trace(conn, record_id, _holder(conn, viewer), action + _suffix(access))
        return document, bytes(row["content"])

    def deposit(self, record_id: str, viewer: str, new: NewDocument) -> bool:
        """Store a document dated today, written by the viewer; False if they lost access."""
        with self._db.transaction() as conn:
            record = _record(conn, record_id)
            access = _access(conn, record, viewer) if record else None
            if access is None:
                return False
            actor = _holder(conn, viewer)
            _insert_document(conn, record_id, new, actor.full_name, self.today(), self._clock.timestamp(),
                             deposited_by=viewer)
            self._trace(conn, record_id, actor, f"a déposé le document « {new.title} »" + _suffix(access))
        return True

    # Circle of trust ------------------------------------------------------------------------------

    def trust_circle(self, record_id: str) -> list[Professional]:
        """The professionals of a record's circle of trust, in the order they joined."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT name, type, role, contact, email, practice, since FROM dsp_trust_circle"
                " WHERE record_id = ? ORDER BY id",
                (record_id,),
            ).fetchall()
        return [Professional(**{**dict(row), "since": dt.date.fromisoformat(row["since"])}) for row in rows]

    # Assistants -----------------------------------------------------------------------------------

    def assistants(self, record_id: str) -> list[Assistant]:
        """A record's assistants, in the order they were added."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT a.id, a.type, a.role, p.matricule, p.first_name, p.last_name, p.birth_date"
                " FROM dsp_assistants a JOIN persons p USING (matricule)"
                " WHERE a.record_id = ? ORDER BY a.id",
                (record_id,),
            ).fetchall()
        return [Assistant(row["id"], _holder_of(row), row["type"], row["role"]) for row in rows]

    def candidate(self, record_id: str, matricule: str) -> Candidate:
        """Whether the holder of a number could become an assistant of the record."""
        with self._db.reading() as conn:
            record = _record(conn, record_id)
            if record is None:
                return Candidate(None, Refusal.NOT_FOUND)
            return _candidate(conn, record, matricule)

    def add_assistant(self, record_id: str, viewer: str, matricule: str, role: str) -> Candidate:
        """Make an account holder an assistant, checking everything again, and trace it."""
        with self._db.transaction() as conn:
            record = _record(conn, record_id)
            access = _access(conn, record, viewer) if record else None
            if record is None or access is None:
                return Candidate(None, Refusal.NO_ACCESS)
            found = _candidate(conn, record, matricule)
            if found.refusal or found.holder is None:
                return found
            conn.execute(
                "INSERT INTO dsp_assistants (record_id, matricule, type, role, added_by, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (record_id, matricule, ASSISTANT_TYPE, role, viewer, self._clock.timestamp()),
            )
            action = f"a ajouté {found.holder.full_name} comme assistant DSP"
            self._trace(conn, record_id, _holder(conn, viewer), action + _suffix(access))
        return found

    def remove_assistant(self, record_id: str, viewer: str, assistant_id: int) -> Candidate:
        """Take an assistant's rights away at once, and trace it."""
        with self._db.transaction() as conn:
            record = _record(conn, record_id)
            access = _access(conn, record, viewer) if record else None
            if record is None or access is None:
                return Candidate(None, Refusal.NO_ACCESS)
            row = conn.execute(
                "SELECT p.matricule, p.first_name, p.last_name, p.birth_date FROM dsp_assistants a"
                " JOIN persons p USING (matricule) WHERE a.record_id = ? AND a.id = ?",
                (record_id, assistant_id),
            ).fetchone()
            if row is None:
                return Candidate(None, Refusal.NOT_FOUND)
            removed = _holder_of(row)
            conn.execute("DELETE FROM dsp_assistants WHERE id = ?", (assistant_id,))
            action = f"a retiré {removed.full_name} des assistants DSP"
            self._trace(conn, record_id, _holder(conn, viewer), action + _suffix(access))
        return Candidate(removed)

    # Trace ----------------------------------------------------------------------------------------

    def trace(self, record_id: str) -> list[TraceEntry]:
        """Every access and action on a record, newest first."""
        with self._db.reading() as conn:
            rows = conn.execute(
                "SELECT at, actor_name, action FROM dsp_trace WHERE record_id = ? ORDER BY id DESC",
                (record_id,),
            ).fetchall()
        return [
            TraceEntry(dt.datetime.fromtimestamp(row["at"], dt.UTC).astimezone(LUXEMBOURG),
                       row["actor_name"], row["action"])
            for row in rows
        ]

    # Test support ---------------------------------------------------------------------------------

    def seed(self, owner: str, documents: list[SeededDocument], circle: list[Professional]) -> Record:
        """Open a person's record with documents and a circle of trust, all or nothing."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            record = self._ensure_record(conn, owner)
            for seeded in documents:
                _insert_document(conn, record.id, seeded.document, seeded.author, seeded.date, now,
                                 deposited_by=None)
            conn.executemany(
                "INSERT INTO dsp_trust_circle (record_id, name, type, role, contact, email, practice,"
                " since) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(record.id, p.name, p.type, p.role, p.contact, p.email, p.practice, p.since.isoformat())
                 for p in circle],
            )
        return record

    def _trace(self, conn: sqlite3.Connection, record_id: str, actor: Holder, action: str) -> None:
        """Write one line of the trace inside the caller's transaction."""
        conn.execute(
            "INSERT INTO dsp_trace (record_id, at, actor, actor_name, action) VALUES (?, ?, ?, ?, ?)",
            (record_id, self._clock.timestamp(), actor.matricule, actor.full_name, action),
        )

    def _ensure_record(self, conn: sqlite3.Connection, owner: str) -> Record:
        """The owner's record, created inside the caller's transaction if there is none yet."""
        conn.execute(
            "INSERT OR IGNORE INTO dsp_records (id, owner, created_at) VALUES (?, ?, ?)",
            (secrets.token_urlsafe(12), owner, self._clock.timestamp()),
        )
        row = conn.execute("SELECT id FROM dsp_records WHERE owner = ?", (owner,)).fetchone()
        record = _record(conn, row["id"])
        if record is None:
            raise LookupError("the record just opened cannot be read")
        return record


# Queries shared by the service's transactions ---------------------------------------------------


def _record(conn: sqlite3.Connection, record_id: str) -> Record | None:
    """A record with its owner's identity."""
    row = conn.execute(
        "SELECT r.id, p.matricule, p.first_name, p.last_name, p.birth_date"
        " FROM dsp_records r JOIN persons p ON p.matricule = r.owner WHERE r.id = ?",
        (record_id,),
    ).fetchone()
    return Record(row["id"], _holder_of(row)) if row else None


def _holder(conn: sqlite3.Connection, matricule: str) -> Holder:
    """A person of the register; signed-in viewers always are one."""
    row = conn.execute(
        "SELECT matricule, first_name, last_name, birth_date FROM persons WHERE matricule = ?",
        (matricule,),
    ).fetchone()
    if row is None:
        raise LookupError("the viewer is not in the register")
    return _holder_of(row)


def _holder_of(row: sqlite3.Row) -> Holder:
    """A holder from a row carrying a person's identity columns."""
    return Holder(row["matricule"], row["first_name"], row["last_name"],
                  dt.date.fromisoformat(row["birth_date"]))


def _access(conn: sqlite3.Connection, record: Record | None, viewer: str) -> Access | None:
    """The viewer's access to a record, read in the caller's transaction: revocation is immediate."""
    if record is None:
        return None
    if record.owner.matricule == viewer:
        return Access.OWNER
    row = conn.execute(
        "SELECT 1 FROM dsp_assistants WHERE record_id = ? AND matricule = ?", (record.id, viewer)
    ).fetchone()
    return Access.ASSISTANT if row else None


def _candidate(conn: sqlite3.Connection, record: Record, matricule: str) -> Candidate:
    """Refuse the owner, persons without an activated account, and current assistants."""
    if matricule == record.owner.matricule:
        return Candidate(record.owner, Refusal.OWNER)
    row = conn.execute(
        "SELECT p.matricule, p.first_name, p.last_name, p.birth_date"
        " FROM accounts a JOIN persons p USING (matricule) WHERE a.matricule = ?",
        (matricule,),
    ).fetchone()
    if row is None:
        return Candidate(None, Refusal.NOT_FOUND)
    holder = _holder_of(row)
    taken = conn.execute(
        "SELECT 1 FROM dsp_assistants WHERE record_id = ? AND matricule = ?", (record.id, matricule)
    ).fetchone()
    return Candidate(holder, Refusal.DUPLICATE if taken else None)


def _suffix(access: Access) -> str:
    """What an assistant's actions end with in the trace."""
    return AS_ASSISTANT if access is Access.ASSISTANT else ""


def _insert_document(
    conn: sqlite3.Connection, record_id: str, new: NewDocument, author: str, date: dt.date, now: float,
    *, deposited_by: str | None,
) -> None:
    """Store one document inside the caller's transaction."""
    conn.execute(
        "INSERT INTO dsp_documents (record_id, title, kind, author, media_type, content, document_date,"
        " deposited_by, deposited_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record_id, new.title, new.kind, author, new.media_type, new.content, date.isoformat(),
         deposited_by, now),
    )


def _document_of(row: sqlite3.Row) -> Document:
    """A document from its row."""
    return Document(row["id"], row["title"], row["kind"], row["author"], row["media_type"], row["size"],
                    dt.date.fromisoformat(row["document_date"]))


def dsp_search_limit(db: Database, clock: Clock, config: WorldConfig) -> RateLimit:
    """« Numéro assuré » look-ups: so many per account within the window, found or not, then wait."""
    return RateLimit(db, clock, DSP_SEARCHES, config.dsp_searches_per_window, config.dsp_search_window,
                     lambda seconds: TOO_MANY_SEARCHES.format(minutes=minutes_to_wait(seconds)))
