-- Case handling (issue #4, second part): SLA tracking, support (+1) and merging, field-work
-- categories, SLA policies and calendar amendments kept by admins, alerts for admins, and the
-- full-text index of what was reported.

-- When the handling unit first answered, when the case was resolved and closed (UTC, '' = not yet).
ALTER TABLE complaints ADD COLUMN first_response_at TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN resolved_at TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
-- The deadline the case is held to now (verify, first_response or resolve; '' = none running)
-- and how far the SLA job has escalated it against that deadline: 0 on time, 1 warned at 75 %,
-- 2 breached and escalated to the supervisor, 3 escalated to the parent unit.
ALTER TABLE complaints ADD COLUMN sla_target TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN due_at TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN sla_level INTEGER NOT NULL DEFAULT 0;
-- Citizens who said "me too" instead of filing again, and the master case a merged one follows.
ALTER TABLE complaints ADD COLUMN support_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE complaints ADD COLUMN merged_into_id INTEGER REFERENCES complaints (id);

CREATE INDEX complaints_status_id ON complaints (status, id);
CREATE INDEX complaints_unit_id ON complaints (unit_code, id);
CREATE INDEX complaints_category_id ON complaints (category_code, id);
CREATE INDEX complaints_region_id ON complaints (region_code, id);
CREATE INDEX complaints_due ON complaints (due_at) WHERE due_at <> '';
CREATE INDEX complaints_merged_into ON complaints (merged_into_id) WHERE merged_into_id IS NOT NULL;

-- One support per supporter ("user:12", or "device:<sha256>" for a phone without an account).
CREATE TABLE complaint_supports (
  complaint_id INTEGER NOT NULL REFERENCES complaints (id),
  supporter    TEXT NOT NULL,
  at           TEXT NOT NULL,
  PRIMARY KEY (complaint_id, supporter)
);

-- Resolving a case of a field-work category (roads, drainage, street lights, rubbish) needs an
-- "after" photo.
ALTER TABLE categories ADD COLUMN field_work INTEGER NOT NULL DEFAULT 0;

-- SLA policies per category, overridable per unit ('' = any). Amounts as in domain/sla.
CREATE TABLE sla_policies (
  category_code         TEXT NOT NULL DEFAULT '',
  unit_code             TEXT NOT NULL DEFAULT '',
  verify_unit           TEXT NOT NULL,
  verify_amount         INTEGER NOT NULL,
  first_response_unit   TEXT NOT NULL,
  first_response_amount INTEGER NOT NULL,
  resolve_unit          TEXT NOT NULL,
  resolve_amount        INTEGER NOT NULL,
  updated_at            TEXT NOT NULL,
  PRIMARY KEY (category_code, unit_code)
);

-- Days admins add to the decreed calendar shipped in data/calendar (later years, amendments).
-- kind: holiday (libur nasional), collective_leave (cuti bersama), working_day (an amendment
-- that cancels a day off). A year is covered once an admin declares it complete.
CREATE TABLE calendar_days (
  date    TEXT PRIMARY KEY,
  kind    TEXT NOT NULL,
  name    TEXT NOT NULL DEFAULT ''
);
CREATE TABLE calendar_years (
  year INTEGER PRIMARY KEY
);

-- What needs an admin's or a leader's eye: a deadline with no calendar, an SLA breach, ...
-- Acknowledged once, by whom and when.
CREATE TABLE alerts (
  id              INTEGER PRIMARY KEY,
  kind            TEXT NOT NULL,
  severity        TEXT NOT NULL,
  unit_code       TEXT NOT NULL DEFAULT '',
  subject         TEXT NOT NULL DEFAULT '',   -- what it is about, e.g. "complaint:12", "year:2027"
  message         TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  acknowledged_by TEXT NOT NULL DEFAULT '',
  acknowledged_at TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX alerts_open_subject ON alerts (kind, subject) WHERE acknowledged_at = '';

-- Full-text search over title and description (never personal data: those columns hold none).
CREATE VIRTUAL TABLE complaints_search USING fts5 (
  title, description, content = 'complaints', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO complaints_search (rowid, title, description) SELECT id, title, description FROM complaints;
CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints BEGIN
  INSERT INTO complaints_search (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints BEGIN
  INSERT INTO complaints_search (complaints_search, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER complaints_search_update AFTER UPDATE OF title, description ON complaints BEGIN
  INSERT INTO complaints_search (complaints_search, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO complaints_search (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
