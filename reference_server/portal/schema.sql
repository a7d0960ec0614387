-- The portal's own state. Times are seconds since the epoch, in the world's clock.

-- The national register as far as the portal knows it: who may hold an account.
CREATE TABLE IF NOT EXISTS persons (
    matricule TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('patient', 'professional')),
    first_name TEXT NOT NULL,
    last_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    email TEXT NOT NULL,
    mobile TEXT NOT NULL,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    locality TEXT NOT NULL,
    created_at REAL NOT NULL
);

-- Activation letters sent by post; only a hash of the printed code is kept.
CREATE TABLE IF NOT EXISTS activation_letters (
    id INTEGER PRIMARY KEY,
    matricule TEXT NOT NULL REFERENCES persons (matricule),
    code_hash TEXT NOT NULL,
    issued_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL
);
CREATE INDEX IF NOT EXISTS letters_by_matricule ON activation_letters (matricule, id);

-- Wrong activation codes per matricule, kept for unknown matricules too (no enumeration).
CREATE TABLE IF NOT EXISTS activation_attempts (
    matricule TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    locked_at REAL
);

-- Professionals sign in with LuxTrust and may define a password later (p. 12): it may be NULL.
CREATE TABLE IF NOT EXISTS accounts (
    matricule TEXT PRIMARY KEY REFERENCES persons (matricule),
    password_hash TEXT,
    otp_channel TEXT NOT NULL CHECK (otp_channel IN ('sms', 'email')),
    email TEXT,
    mobile TEXT,
    activated_at REAL NOT NULL,
    -- « NOTIFICATIONS PAR E-MAILS » (professional guide p. 14): both ticked by default.
    notify_events INTEGER NOT NULL DEFAULT 1,
    notify_surveys INTEGER NOT NULL DEFAULT 1
);

-- Failed sign-ins per matricule (known or not, so that answers reveal nothing).
CREATE TABLE IF NOT EXISTS sign_in_attempts (
    matricule TEXT PRIMARY KEY,
    failures INTEGER NOT NULL DEFAULT 0,
    last_failure_at REAL,
    locked_until REAL
);

-- Events and surveys the portal publishes; subscribed accounts are told by e-mail.
CREATE TABLE IF NOT EXISTS publications (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'survey')),
    title TEXT NOT NULL,
    published_at REAL NOT NULL
);

-- The professional register: what step 3 of the professional wizard shows for checking.
CREATE TABLE IF NOT EXISTS professionals (
    matricule TEXT PRIMARY KEY REFERENCES persons (matricule),
    profession TEXT NOT NULL,
    practice_name TEXT NOT NULL,
    practice_street TEXT NOT NULL,
    practice_postcode TEXT NOT NULL,
    practice_locality TEXT NOT NULL
);

-- LuxTrust products associated with an account; a product serves one account only.
CREATE TABLE IF NOT EXISTS luxtrust_products (
    serial TEXT PRIMARY KEY,
    matricule TEXT NOT NULL REFERENCES accounts (matricule),
    device_type TEXT NOT NULL,
    label TEXT NOT NULL,
    subject TEXT NOT NULL,
    associated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS products_by_account ON luxtrust_products (matricule);

-- ID tokens already accepted, so that one presented twice is refused (kept until expiry).
CREATE TABLE IF NOT EXISTS used_id_tokens (
    token_hash TEXT PRIMARY KEY,
    expires_at REAL NOT NULL
);

-- One-time codes, bound to whoever asked for them (a wizard session, later an account).
CREATE TABLE IF NOT EXISTS one_time_codes (
    id INTEGER PRIMARY KEY,
    owner TEXT NOT NULL,
    purpose TEXT NOT NULL,
    channel TEXT NOT NULL,
    destination TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL,
    revoked_at REAL,
    failed_attempts INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS codes_by_owner ON one_time_codes (owner, purpose);

-- Sign-in and account-settings codes sent to each account, kept only as long as the limit's
-- window: a new session per request must not reset the count (SMS and e-mail bombing).
CREATE TABLE IF NOT EXISTS code_sends (
    id INTEGER PRIMARY KEY,
    matricule TEXT NOT NULL,
    sent_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS code_sends_by_account ON code_sends (matricule, sent_at);

-- Codes the activation wizards sent for each letter, kept for the letter's life: whoever holds
-- a letter must not get more codes by starting new wizards in new sessions.
CREATE TABLE IF NOT EXISTS letter_code_sends (
    id INTEGER PRIMARY KEY,
    letter_id INTEGER NOT NULL REFERENCES activation_letters (id),
    sent_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS letter_code_sends_by_letter ON letter_code_sends (letter_id, sent_at);

-- « Je n'ai pas de code d'activation »: requests for a new letter, handled by the helpdesk.
CREATE TABLE IF NOT EXISTS code_requests (
    id INTEGER PRIMARY KEY,
    matricule TEXT NOT NULL,
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    email TEXT,
    mobile TEXT,
    street TEXT NOT NULL,
    postcode TEXT NOT NULL,
    locality TEXT NOT NULL,
    created_at REAL NOT NULL
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

-- « Dossier de Soins Partagé »: one record per person, under an opaque id so that URLs never
-- carry a matricule.
CREATE TABLE IF NOT EXISTS dsp_records (
    id TEXT PRIMARY KEY,
    owner TEXT NOT NULL UNIQUE REFERENCES persons (matricule),
    created_at REAL NOT NULL
);

-- A record's documents, kept whole; document_date is the date the record lists them under.
CREATE TABLE IF NOT EXISTS dsp_documents (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES dsp_records (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    author TEXT NOT NULL,
    media_type TEXT NOT NULL CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    content BLOB NOT NULL,
    document_date TEXT NOT NULL,
    -- NULL for the documents the test-support interface seeds.
    deposited_by TEXT REFERENCES persons (matricule),
    deposited_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS dsp_documents_by_record ON dsp_documents (record_id, document_date);

-- « Cercle Médical de Confiance »: the professionals who follow the patient.
CREATE TABLE IF NOT EXISTS dsp_trust_circle (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES dsp_records (id),
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    role TEXT NOT NULL,
    contact TEXT NOT NULL,
    email TEXT NOT NULL,
    practice TEXT NOT NULL,
    since TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dsp_trust_circle_by_record ON dsp_trust_circle (record_id);

-- « Assistants »: account holders with the same rights as the owner on a record.
CREATE TABLE IF NOT EXISTS dsp_assistants (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES dsp_records (id),
    matricule TEXT NOT NULL REFERENCES accounts (matricule),
    type TEXT NOT NULL,
    role TEXT NOT NULL,
    added_by TEXT NOT NULL REFERENCES persons (matricule),
    added_at REAL NOT NULL,
    UNIQUE (record_id, matricule)
);
CREATE INDEX IF NOT EXISTS dsp_assistants_by_person ON dsp_assistants (matricule);

-- « Traçabilité »: every access to a record and every change, refused attempts included.
CREATE TABLE IF NOT EXISTS dsp_trace (
    id INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL REFERENCES dsp_records (id),
    at REAL NOT NULL,
    actor TEXT NOT NULL REFERENCES persons (matricule),
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dsp_trace_by_record ON dsp_trace (record_id, id);

-- The « Numéro assuré » look-ups of each account, kept only as long as the limit's window: each
-- shows a name, and matricules can be guessed.
CREATE TABLE IF NOT EXISTS dsp_searches (
    id INTEGER PRIMARY KEY,
    viewer TEXT NOT NULL,
    searched_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS dsp_searches_by_viewer ON dsp_searches (viewer, searched_at);

-- MyGuichet.lu shares a person's national identifier with the Agence eSanté while their consent
-- lasts (patient guide p. 5); a revoked consent keeps its row, with the time of revocation.
CREATE TABLE IF NOT EXISTS myguichet_consents (
    matricule TEXT PRIMARY KEY REFERENCES persons (matricule),
    granted_at REAL NOT NULL,
    revoked_at REAL
);

-- Single-use tickets with which MyGuichet.lu sends a signed-in person on to their DSP;
-- only a hash of each ticket is kept.
CREATE TABLE IF NOT EXISTS myguichet_tickets (
    ticket_hash TEXT PRIMARY KEY,
    matricule TEXT NOT NULL REFERENCES accounts (matricule),
    expires_at REAL NOT NULL,
    used_at REAL
);
