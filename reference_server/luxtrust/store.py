"""LuxTrust's own SQLite file: devices, browser sessions, logins under way, codes and the signing key."""

import hashlib
import hmac
import json
import secrets
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from joserfc.jwk import RSAKey

from reference_server.clock import Clock
from reference_server.storage import Database

SCHEMA = """
-- Times are seconds since the epoch, in the world's clock.

-- Values created once and kept across restarts, such as the key that makes subjects.
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The private JWKs that sign ID tokens; the newest one signs, all are published.
CREATE TABLE IF NOT EXISTS signing_keys (
    kid TEXT PRIMARY KEY,
    private_jwk TEXT NOT NULL,
    created_at REAL NOT NULL
);

CREATE TABLE IF NOT EXISTS devices (
    serial TEXT PRIMARY KEY,
    type TEXT NOT NULL
        CHECK (type IN ('token', 'smartcard', 'signing_stick', 'eid', 'mobile')),
    user_id TEXT NOT NULL UNIQUE,
    national_id TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    pin_hash TEXT,
    -- Kept in clear, unlike passwords and PINs: checking a TOTP code needs the secret itself.
    totp_secret TEXT,
    -- The last time-step counter accepted, so that no code is ever accepted twice.
    last_totp_counter INTEGER,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_at REAL,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS devices_by_person ON devices (national_id);

-- A browser's session: only a hash of the cookie's token is kept.
CREATE TABLE IF NOT EXISTS browser_sessions (
    id TEXT PRIMARY KEY,
    csrf TEXT NOT NULL,
    last_seen REAL NOT NULL
);

-- An authorization request being answered, bound to the browser session that made it.
CREATE TABLE IF NOT EXISTS login_transactions (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    state TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('product', 'proof', 'mobile')),
    device_serial TEXT REFERENCES devices (serial),
    mobile_request TEXT UNIQUE,
    mobile_status TEXT CHECK (mobile_status IN ('pending', 'approved', 'refused')),
    mobile_requested_at REAL,
    notice TEXT,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS transactions_by_device ON login_transactions (device_serial, mobile_status);

-- Only a hash of each code is kept: a copy of the file holds no usable code.
CREATE TABLE IF NOT EXISTS authorization_codes (
    code_hash TEXT PRIMARY KEY,
    client_id TEXT NOT NULL,
    redirect_uri TEXT NOT NULL,
    nonce TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    device_serial TEXT NOT NULL REFERENCES devices (serial),
    auth_time REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL
);
"""

CODE_RETENTION_SECONDS = 24 * 3600
TRANSACTION_COLUMNS = (
    "id, session_id, client_id, redirect_uri, state, nonce, code_challenge, step, device_serial,"
    " mobile_request, mobile_status, mobile_requested_at, notice, expires_at"
)


def digest(secret: str) -> str:
    """The stored form of a random, high-entropy secret (a code or a token); SHA-256 is enough."""
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class Person:
    """The holder of a device, as the national register names them."""

    national_id: str
    given_name: str
    family_name: str


@dataclass(frozen=True)
class Device:
    """A LuxTrust device as stored, with its hashed secrets and its failure count."""

    serial: str
    type: str
    user_id: str
    person: Person
    password_hash: str
    pin_hash: str | None
    totp_secret: str | None
    failures: int
    locked: bool


@dataclass(frozen=True)
class NewDevice:
    """What enrolling a device stores."""

    serial: str
    type: str
    user_id: str
    person: Person
    password_hash: str
    pin_hash: str | None
    totp_secret: str | None


@dataclass(frozen=True)
class LoginTransaction:
    """An authorization request and how far its login has gone."""

    id: str
    session_id: str
    client_id: str
    redirect_uri: str
    state: str
    nonce: str
    code_challenge: str
    step: str
    device_serial: str | None
    mobile_request: str | None
    mobile_status: str | None
    mobile_requested_at: float | None
    notice: str | None
    expires_at: float


@dataclass(frozen=True)
class AuthorizationCode:
    """A redeemed authorization code, with whether it had already been used or had expired."""

    client_id: str
    redirect_uri: str
    nonce: str
    code_challenge: str
    device_serial: str
    auth_time: float
    reused: bool
    expired: bool


class LuxTrustStore:
    """Everything LuxTrust keeps, each change in its own write transaction."""

    def __init__(self, path: Path, clock: Clock) -> None:
        self._db = Database(path, SCHEMA)
        self._clock = clock
        self._signing_key = self._load_or_create_key()
        self._subject_key = self._setting("subject_key", lambda: secrets.token_hex(32)).encode()

    # Keys ------------------------------------------------------------------------------------

    @property
    def signing_key(self) -> RSAKey:
        """The private key that signs ID tokens, the same after a restart on the same file."""
        return self._signing_key

    def subject(self, national_id: str) -> str:
        """A stable subject for a person, shared by all their devices, that does not reveal the matricule."""
        # A keyed hash: a plain hash of a 13-digit number could be reversed by trying them all.
        mac = hmac.new(self._subject_key, national_id.encode(), hashlib.sha256).hexdigest()
        return "LT-" + mac[:24].upper()

    def _load_or_create_key(self) -> RSAKey:
        """Load the newest signing key, generating an RSA 2048 key on first start."""
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT private_jwk FROM signing_keys ORDER BY created_at DESC LIMIT 1"
            ).fetchone()
            if row is not None:
                return RSAKey.import_key(json.loads(row["private_jwk"]))
            key = RSAKey.generate_key(2048, parameters={"use": "sig", "alg": "RS256"}, auto_kid=True)
            conn.execute(
                "INSERT INTO signing_keys (kid, private_jwk, created_at) VALUES (?, ?, ?)",
                (key.kid, json.dumps(key.as_dict(private=True)), self._clock.timestamp()),
            )
            return key

    def _setting(self, name: str, create: Callable[[], str]) -> str:
        """A named value, created once by the factory and then kept."""
        with self._db.transaction() as conn:
            row = conn.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
            if row is not None:
                return str(row["value"])
            value = create()
            conn.execute("INSERT INTO settings (name, value) VALUES (?, ?)", (name, value))
            return value

    # Devices ---------------------------------------------------------------------------------

    def add_device(self, device: NewDevice) -> bool:
        """Store a new device; False when its serial or user id is already taken."""
        try:
            with self._db.transaction() as conn:
                conn.execute(
                    "INSERT INTO devices (serial, type, user_id, national_id, given_name, family_name,"
                    " password_hash, pin_hash, totp_secret, created_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (device.serial, device.type, device.user_id, device.person.national_id,
                     device.person.given_name, device.person.family_name, device.password_hash,
                     device.pin_hash, device.totp_secret, self._clock.timestamp()),
                )
        except sqlite3.IntegrityError:
            return False
        return True

    def device(self, serial: str) -> Device | None:
        """The device with this serial number."""
        with self._db.reading() as conn:
            row = conn.execute("SELECT * FROM devices WHERE serial = ?", (serial,)).fetchone()
        return _device(row) if row else None

    def device_by_user_id(self, user_id: str) -> Device | None:
        """The device a user id belongs to."""
        with self._db.reading() as conn:
            row = conn.execute("SELECT * FROM devices WHERE user_id = ?", (user_id,)).fetchone()
        return _device(row) if row else None

    def record_failure(self, serial: str, max_failures: int) -> Device:
        """Count one more failure, locking the device when it reaches the limit."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE devices SET failures = failures + 1,"
                " locked_at = CASE WHEN locked_at IS NULL AND failures + 1 >= ? THEN ? ELSE locked_at END"
                " WHERE serial = ?",
                (max_failures, self._clock.timestamp(), serial),
            )
            row = conn.execute("SELECT * FROM devices WHERE serial = ?", (serial,)).fetchone()
        return _device(row)

    def accept_totp_counter(self, serial: str, counter: int) -> bool:
        """Remember a time step as used; False when it, or a later one, was accepted before."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET last_totp_counter = ?"
                " WHERE serial = ? AND (last_totp_counter IS NULL OR last_totp_counter < ?)",
                (counter, serial, counter),
            )
            return cursor.rowcount == 1

    # Browser sessions --------------------------------------------------------------------------

    def session_csrf(self, session_id: str, seen_since: float) -> str | None:
        """The CSRF token of a session used since the given time; None if unknown or idle."""
        with self._db.reading() as conn:
            row = conn.execute(
                "SELECT csrf FROM browser_sessions WHERE id = ? AND last_seen >= ?",
                (session_id, seen_since),
            ).fetchone()
        return str(row["csrf"]) if row else None

    def save_session(self, session_id: str, csrf: str, *, prune_idle_before: float | None = None) -> None:
        """Store a session as just used, first clearing those last seen before `prune_idle_before`."""
        with self._db.transaction() as conn:
            if prune_idle_before is not None:
                # As the portal's sessions do: the table holds recent visitors only.
                conn.execute("DELETE FROM browser_sessions WHERE last_seen < ?", (prune_idle_before,))
            conn.execute(
                "INSERT INTO browser_sessions (id, csrf, last_seen) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen",
                (session_id, csrf, self._clock.timestamp()),
            )

    # Login transactions ------------------------------------------------------------------------

    def create_transaction(self, transaction: LoginTransaction) -> None:
        """Store a new login, and drop the logins that expired."""
        with self._db.transaction() as conn:
            conn.execute(
                "DELETE FROM login_transactions WHERE expires_at < ?", (self._clock.timestamp(),)
            )
            conn.execute(
                "INSERT INTO login_transactions (id, session_id, client_id, redirect_uri, state, nonce,"
                " code_challenge, step, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (transaction.id, transaction.session_id, transaction.client_id,
                 transaction.redirect_uri, transaction.state, transaction.nonce,
                 transaction.code_challenge, "product", self._clock.timestamp(),
                 transaction.expires_at),
            )

    def transaction(self, transaction_id: str) -> LoginTransaction | None:
        """A login that has not expired."""
        with self._db.reading() as conn:
            row = conn.execute(
                f"SELECT {TRANSACTION_COLUMNS} FROM login_transactions WHERE id = ? AND expires_at > ?",
                (transaction_id, self._clock.timestamp()),
            ).fetchone()
        return _transaction(row) if row else None

    def choose_device(self, transaction_id: str, serial: str, step: str) -> None:
        """Note the device whose password was right and the step that comes next."""
        mobile = step == "mobile"
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE login_transactions SET step = ?, device_serial = ?, mobile_request = ?,"
                " mobile_status = ?, mobile_requested_at = ?, notice = NULL WHERE id = ?",
                (step, serial, secrets.token_urlsafe(16) if mobile else None,
                 "pending" if mobile else None, self._clock.timestamp() if mobile else None,
                 transaction_id),
            )

    def restart(self, transaction_id: str, notice: str | None) -> None:
        """Send a login back to the choice of product, with a message to show there."""
        with self._db.transaction() as conn:
            conn.execute(
                "UPDATE login_transactions SET step = 'product', device_serial = NULL,"
                " mobile_request = NULL, mobile_status = NULL, mobile_requested_at = NULL, notice = ?"
                " WHERE id = ?",
                (notice, transaction_id),
            )

    def take_notice(self, transaction_id: str) -> str | None:
        """The message waiting for the product page, shown once."""
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT notice FROM login_transactions WHERE id = ?", (transaction_id,)
            ).fetchone()
            conn.execute("UPDATE login_transactions SET notice = NULL WHERE id = ?", (transaction_id,))
        return row["notice"] if row else None

    def pending_approval(self, serial: str) -> LoginTransaction | None:
        """The newest login waiting for this mobile device's approval."""
        with self._db.reading() as conn:
            row = conn.execute(
                f"SELECT {TRANSACTION_COLUMNS} FROM login_transactions"
                " WHERE device_serial = ? AND step = 'mobile' AND mobile_status = 'pending'"
                " AND expires_at > ? ORDER BY mobile_requested_at DESC LIMIT 1",
                (serial, self._clock.timestamp()),
            ).fetchone()
        return _transaction(row) if row else None

    def answer_approval(self, serial: str, request_id: str, status: str) -> bool:
        """Approve or refuse a pending request of this device; False if it is no longer pending."""
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE login_transactions SET mobile_status = ?"
                " WHERE device_serial = ? AND mobile_request = ? AND step = 'mobile'"
                " AND mobile_status = 'pending' AND expires_at > ?",
                (status, serial, request_id, self._clock.timestamp()),
            )
            return cursor.rowcount == 1

    def end_transaction(self, transaction_id: str) -> None:
        """Forget a login that was cancelled or refused."""
        with self._db.transaction() as conn:
            conn.execute("DELETE FROM login_transactions WHERE id = ?", (transaction_id,))

    # Authorization codes -----------------------------------------------------------------------

    def complete_login(self, transaction: LoginTransaction, code: str, lifetime: float) -> bool:
        """Turn a login into a code, unless its device got locked meanwhile; resets the failures."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            cursor = conn.execute(
                "UPDATE devices SET failures = 0 WHERE serial = ? AND locked_at IS NULL",
                (transaction.device_serial,),
            )
            if cursor.rowcount != 1:
                return False
            conn.execute("DELETE FROM login_transactions WHERE id = ?", (transaction.id,))
            # Expired codes are dropped a day later; until then a replay is still recognised as one.
            conn.execute(
                "DELETE FROM authorization_codes WHERE expires_at < ?", (now - CODE_RETENTION_SECONDS,)
            )
            conn.execute(
                "INSERT INTO authorization_codes (code_hash, client_id, redirect_uri, nonce,"
                " code_challenge, device_serial, auth_time, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (digest(code), transaction.client_id, transaction.redirect_uri, transaction.nonce,
                 transaction.code_challenge, transaction.device_serial, now, now + lifetime),
            )
        return True

    def redeem_code(self, code: str) -> AuthorizationCode | None:
        """Use up a code, whatever comes next: a code is presented once, right or wrong."""
        now = self._clock.timestamp()
        with self._db.transaction() as conn:
            row = conn.execute(
                "SELECT * FROM authorization_codes WHERE code_hash = ?", (digest(code),)
            ).fetchone()
            if row is None:
                return None
            conn.execute(
                "UPDATE authorization_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL",
                (now, row["code_hash"]),
            )
        return AuthorizationCode(
            client_id=row["client_id"], redirect_uri=row["redirect_uri"], nonce=row["nonce"],
            code_challenge=row["code_challenge"], device_serial=row["device_serial"],
            auth_time=row["auth_time"], reused=row["used_at"] is not None,
            expired=row["expires_at"] <= now,
        )


def _device(row: sqlite3.Row) -> Device:
    """Turn a row into a device."""
    return Device(
        serial=row["serial"], type=row["type"], user_id=row["user_id"],
        person=Person(row["national_id"], row["given_name"], row["family_name"]),
        password_hash=row["password_hash"], pin_hash=row["pin_hash"],
        totp_secret=row["totp_secret"], failures=row["failures"], locked=row["locked_at"] is not None,
    )


def _transaction(row: sqlite3.Row) -> LoginTransaction:
    """Turn a row into a login transaction."""
    return LoginTransaction(**{name: row[name] for name in row.keys()})  # noqa: SIM118
