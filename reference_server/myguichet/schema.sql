-- MyGuichet.lu's own state. Times are seconds since the epoch, in the world's clock.

-- Citizens with a private space, and the contacts MyGuichet.lu knows for them.
CREATE TABLE IF NOT EXISTS citizens (
    national_id TEXT PRIMARY KEY,
    given_name TEXT NOT NULL,
    family_name TEXT NOT NULL,
    email TEXT,
    mobile TEXT,
    created_at REAL NOT NULL
);

-- « Je consens à ce que MyGuichet.lu partage mon identifiant national avec l'Agence eSanté »;
-- a revoked consent keeps its row, with the time of revocation.
CREATE TABLE IF NOT EXISTS esante_consents (
    national_id TEXT PRIMARY KEY REFERENCES citizens (national_id),
    granted_at REAL NOT NULL,
    revoked_at REAL
);

-- Server-side sessions; the id column holds a hash of the cookie's token.
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    created_at REAL NOT NULL,
    last_seen REAL NOT NULL
);
-- Each new session deletes the idle ones by last_seen (sessions.py): an index, not a scan.
CREATE INDEX IF NOT EXISTS sessions_by_last_seen ON sessions (last_seen);

-- LuxTrust ID tokens already accepted, so that one presented twice is refused.
CREATE TABLE IF NOT EXISTS used_id_tokens (
    token_hash TEXT PRIMARY KEY,
    expires_at REAL NOT NULL
);
