-- Complaints (issue #4): the case, its timeline, the outbox, idempotent intake, routing rules.
-- Personal data of the reporter and the street address are sealed (see docs/personal-data.md).
CREATE TABLE complaints (
  id                      INTEGER PRIMARY KEY,
  public_code             TEXT NOT NULL UNIQUE,
  reporter_secret_hash    TEXT NOT NULL,
  kind                    TEXT NOT NULL,
  status                  TEXT NOT NULL,
  status_before_need_info TEXT NOT NULL DEFAULT '',
  title                   TEXT NOT NULL DEFAULT '',
  description             TEXT NOT NULL,
  category_code           TEXT REFERENCES categories (code),
  category_suggested      INTEGER NOT NULL DEFAULT 0,
  region_code             TEXT REFERENCES regions (code),
  latitude                REAL,
  longitude               REAL,
  accuracy_m              REAL,
  address                 TEXT NOT NULL DEFAULT '',
  reporter_name           TEXT NOT NULL DEFAULT '',
  reporter_phone          TEXT NOT NULL DEFAULT '',
  reporter_email          TEXT NOT NULL DEFAULT '',
  reporter_nik            TEXT NOT NULL DEFAULT '',
  reporter_user_id        INTEGER REFERENCES users (id),
  anonymous               INTEGER NOT NULL DEFAULT 0,
  confidential            INTEGER NOT NULL DEFAULT 0,
  channel                 TEXT NOT NULL,
  unit_code               TEXT NOT NULL REFERENCES units (code),
  submitted_at            TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  verify_due_at           TEXT NOT NULL DEFAULT '',
  first_response_due_at   TEXT NOT NULL DEFAULT '',
  resolve_due_at          TEXT NOT NULL DEFAULT '',
  rating                  INTEGER,                 -- 1-5, given by the reporter on closing
  rating_comment          TEXT NOT NULL DEFAULT '',
  version                 INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX complaints_unit_status ON complaints (unit_code, status);
CREATE INDEX complaints_category_region ON complaints (category_code, region_code, submitted_at);

-- The timeline: every change, who made it, from which channel. Public entries show on tracking.
CREATE TABLE complaint_events (
  id           INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  channel      TEXT NOT NULL,
  type         TEXT NOT NULL,
  public       INTEGER NOT NULL,
  from_status  TEXT NOT NULL DEFAULT '',
  to_status    TEXT NOT NULL DEFAULT '',
  from_unit    TEXT NOT NULL DEFAULT '',   -- set when the case changes hands (disposisi)
  to_unit      TEXT NOT NULL DEFAULT '',
  detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, id);

-- Written in the same transaction as the event; delivered at least once by the dispatcher.
CREATE TABLE outbox (
  id           INTEGER PRIMARY KEY,
  event_id     INTEGER NOT NULL REFERENCES complaint_events (id),
  topic        TEXT NOT NULL,
  payload      TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  delivered_at TEXT,
  attempts     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX outbox_pending ON outbox (delivered_at, id);

-- A retried intake with the same key returns the first answer and creates nothing new.
CREATE TABLE idempotency_keys (
  key           TEXT PRIMARY KEY,
  request_hash  TEXT NOT NULL,
  complaint_id  INTEGER NOT NULL REFERENCES complaints (id),
  response      TEXT NOT NULL,
  created_at    TEXT NOT NULL
);

-- Photos of a case: re-encoded without metadata, in the content-addressed blob store.
CREATE TABLE complaint_photos (
  complaint_id     INTEGER NOT NULL REFERENCES complaints (id),
  position         INTEGER NOT NULL,
  digest           TEXT NOT NULL,
  thumbnail_digest TEXT NOT NULL,
  width            INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  PRIMARY KEY (complaint_id, position)
);

-- Which unit handles a category in a region; empty category or region = any.
CREATE TABLE routing_rules (
  id            INTEGER PRIMARY KEY,
  category_code TEXT NOT NULL DEFAULT '',
  region_code   TEXT NOT NULL DEFAULT '',
  unit_code     TEXT NOT NULL REFERENCES units (code),
  UNIQUE (category_code, region_code)
);
