-- Issue #6, the Command Center: staff presence (e-presensi) at unit offices, the camera
-- registry, and alerts that open and close (docs/command-center.md).

-- The geofence of a unit office: its location is units.latitude/longitude (0001), set by admins;
-- a check-in counts within this many metres of it (plus up to 50 m of the phone's accuracy).
ALTER TABLE units ADD COLUMN geofence_radius_m INTEGER NOT NULL DEFAULT 100;

-- One check-in and its check-out. Of the phone's position only the distance from the office
-- and the accuracy it reported are kept (whole metres), never the coordinates.
-- ended_by: '' while checked in, 'check_out', or 'lapsed' (12 hours without a check-out).
CREATE TABLE presence_sessions (
  id                   INTEGER PRIMARY KEY,
  user_id              INTEGER NOT NULL REFERENCES users (id),
  unit_code            TEXT NOT NULL REFERENCES units (code),
  checked_in_at        TEXT NOT NULL,
  check_in_distance_m  INTEGER NOT NULL,
  check_in_accuracy_m  INTEGER NOT NULL,
  checked_out_at       TEXT NOT NULL DEFAULT '',
  check_out_distance_m INTEGER,
  check_out_accuracy_m INTEGER,
  ended_by             TEXT NOT NULL DEFAULT ''
);
-- One open session per person; who is in now, per unit; the week's sessions per unit.
CREATE UNIQUE INDEX presence_open_user ON presence_sessions (user_id) WHERE checked_out_at = '';
CREATE INDEX presence_open_unit ON presence_sessions (unit_code) WHERE checked_out_at = '';
CREATE INDEX presence_checked_in ON presence_sessions (checked_in_at);

-- Cameras of unit offices. snapshot_url, username and password are sealed like personal data
-- (docs/personal-data.md); the credentials never leave the server. status: unknown, up, down,
-- since status_since; last_error is the last failed probe's reason.
CREATE TABLE cameras (
  id           INTEGER PRIMARY KEY,
  unit_code    TEXT NOT NULL REFERENCES units (code),
  name         TEXT NOT NULL,
  location     TEXT NOT NULL DEFAULT '',
  latitude     REAL,
  longitude    REAL,
  snapshot_url TEXT NOT NULL,
  username     TEXT NOT NULL DEFAULT '',
  password     TEXT NOT NULL DEFAULT '',
  active       INTEGER NOT NULL DEFAULT 1,
  status       TEXT NOT NULL DEFAULT 'unknown',
  status_since TEXT NOT NULL,
  last_error   TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX cameras_unit ON cameras (unit_code);

-- Alerts open until closed: conditions (unstaffed, camera_down) close when they end, events
-- (SLA breaches, surges, a missing calendar) when acknowledged. Until now an acknowledged alert
-- was a closed one, and stays so.
ALTER TABLE alerts ADD COLUMN closed_at TEXT NOT NULL DEFAULT '';
UPDATE alerts SET closed_at = acknowledged_at WHERE acknowledged_at <> '';
DROP INDEX alerts_open_subject;
CREATE UNIQUE INDEX alerts_open_subject ON alerts (kind, subject) WHERE closed_at = '';
-- A surge is raised once per (category, kecamatan, hour), open or closed since.
CREATE INDEX alerts_kind_subject ON alerts (kind, subject);
-- The open alerts per unit (the Command Center's tiles read only these).
CREATE INDEX alerts_open_unit ON alerts (unit_code, id) WHERE closed_at = '';

-- The surge watch counts the reports of each hour: a range of this index, not a scan of
-- every case (the reports of a kecamatan over 28 days come from complaints_category_region).
CREATE INDEX complaints_submitted ON complaints (submitted_at);
