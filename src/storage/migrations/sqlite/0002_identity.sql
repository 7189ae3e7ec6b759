-- Identity, access and audit (issue #3). Times are UTC text "YYYY-MM-DDTHH:MM:SSZ".
CREATE TABLE users (
  id                  INTEGER PRIMARY KEY,
  -- Personal data is sealed (crypto/sealed.hpp: "v1.<key id>.<ciphertext>"); the e-mail is found
  -- through its blind index (HMAC), never by its text.
  email               TEXT NOT NULL,
  email_index         TEXT NOT NULL UNIQUE,
  display_name        TEXT NOT NULL,
  phone               TEXT NOT NULL DEFAULT '',
  nik                 TEXT NOT NULL DEFAULT '',
  kind                TEXT NOT NULL CHECK (kind IN ('staff', 'citizen')),
  password_hash       TEXT NOT NULL,
  totp_secret         TEXT NOT NULL DEFAULT '',
  totp_enabled        INTEGER NOT NULL DEFAULT 0,
  totp_last_step      INTEGER NOT NULL DEFAULT 0,   -- the last 30-second step accepted: no replay
  disabled            INTEGER NOT NULL DEFAULT 0,
  created_at          TEXT NOT NULL,
  password_changed_at TEXT NOT NULL
);

CREATE TABLE memberships (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  unit_code TEXT NOT NULL REFERENCES units (code),
  role      TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin', 'leader', 'integrator')),
  PRIMARY KEY (user_id, unit_code, role)
);

CREATE TABLE sessions (
  token_hash         TEXT PRIMARY KEY,
  user_id            INTEGER NOT NULL REFERENCES users (id),
  csrf_token         TEXT NOT NULL,
  second_factor_done INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  last_seen_at       TEXT NOT NULL,
  expires_at         TEXT NOT NULL,
  ip                 TEXT NOT NULL DEFAULT '',
  revoked_at         TEXT
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE recovery_codes (
  user_id   INTEGER NOT NULL REFERENCES users (id),
  code_hash TEXT NOT NULL,  -- Argon2id of the normalised code
  used_at   TEXT,
  PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE api_keys (
  id           INTEGER PRIMARY KEY,
  prefix       TEXT NOT NULL UNIQUE,
  secret_hash  TEXT NOT NULL,
  name         TEXT NOT NULL,
  unit_code    TEXT NOT NULL REFERENCES units (code),
  scopes       TEXT NOT NULL,
  created_by   INTEGER REFERENCES users (id),
  created_at   TEXT NOT NULL,
  expires_at   TEXT NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT
);

-- Append-only and hash-chained: each entry's hash covers its fields and the previous hash.
CREATE TABLE audit_log (
  seq       INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  target    TEXT NOT NULL,
  detail    TEXT NOT NULL,
  ip        TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_log_action ON audit_log (action);

-- The chain's head: one row, updated in the same transaction as each append, so concurrent
-- appends queue on it (a row lock on PostgreSQL; the single writer on SQLite).
CREATE TABLE audit_head (
  id   INTEGER PRIMARY KEY CHECK (id = 1),
  seq  INTEGER NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
