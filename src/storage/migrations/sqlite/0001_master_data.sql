-- Master data: the Kemendagri region tree, units (offices) and complaint categories.
CREATE TABLE regions (
  code        TEXT PRIMARY KEY,
  parent_code TEXT REFERENCES regions (code),
  name        TEXT NOT NULL,
  level       TEXT NOT NULL CHECK (level IN ('province', 'city', 'district', 'village'))
);
CREATE INDEX regions_parent ON regions (parent_code);
CREATE INDEX regions_level ON regions (level);

CREATE TABLE units (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,
  type          TEXT NOT NULL,
  name          TEXT NOT NULL,
  parent_code   TEXT REFERENCES units (code),
  region_code   TEXT REFERENCES regions (code),
  service_hours TEXT NOT NULL DEFAULT '',
  latitude      REAL,
  longitude     REAL,
  time_zone     TEXT NOT NULL DEFAULT 'Asia/Jakarta'
);
CREATE INDEX units_parent ON units (parent_code);

CREATE TABLE categories (
  id                INTEGER PRIMARY KEY,
  code              TEXT NOT NULL UNIQUE,
  name_id           TEXT NOT NULL,
  name_en           TEXT NOT NULL,
  description_id    TEXT NOT NULL DEFAULT '',
  default_unit_code TEXT NOT NULL REFERENCES units (code),
  keywords          TEXT NOT NULL DEFAULT ''
);
