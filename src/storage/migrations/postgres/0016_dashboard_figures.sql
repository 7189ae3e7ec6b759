-- Issue #6 item 2, the live dashboard figures (docs/command-center.md, "Dashboard figures"),
-- kept up to date by the outbox dispatcher (app/dashboard/figures_consumer) in the transaction
-- that fans the events out, and rebuilt from the complaints by `sigap dashboard rebuild`.

-- How each case counts now, in the figures of the unit holding it: the dispatcher subtracts
-- the old contribution and adds the new one when the case changes. Days are local dates
-- (YYYY-MM-DD) on that unit's wall clock; '' = does not count. unit_code '' = counts nowhere.
CREATE TABLE dashboard_cases (
  complaint_id    BIGINT PRIMARY KEY,
  unit_code       TEXT NOT NULL DEFAULT '',
  open            INTEGER NOT NULL DEFAULT 0,
  overdue         INTEGER NOT NULL DEFAULT 0,
  new_day         TEXT NOT NULL DEFAULT '',
  resolved_day    TEXT NOT NULL DEFAULT '',
  response_day    TEXT NOT NULL DEFAULT '',
  response_bucket INTEGER NOT NULL DEFAULT -1,
  sla_day         TEXT NOT NULL DEFAULT '',
  within_sla      INTEGER NOT NULL DEFAULT 0,
  rating_day      TEXT NOT NULL DEFAULT '',
  rating          INTEGER NOT NULL DEFAULT 0
);

-- Open and overdue cases per unit now (the unit's own cases; the API adds up subtrees).
CREATE TABLE dashboard_units (
  unit_code     TEXT PRIMARY KEY,
  open_count    BIGINT NOT NULL DEFAULT 0,
  overdue_count BIGINT NOT NULL DEFAULT 0
);

-- Per unit and local day: submitted, resolved, resolved within / past the resolution deadline,
-- ratings, and first responses by time to respond (fr_N: the histogram bucket N of
-- domain/dashboard/response_histogram.hpp). Keyed by day first: the API reads the last 30 days.
CREATE TABLE dashboard_days (
  day            TEXT NOT NULL,
  unit_code      TEXT NOT NULL,
  new_count      BIGINT NOT NULL DEFAULT 0,
  resolved_count BIGINT NOT NULL DEFAULT 0,
  within_sla     BIGINT NOT NULL DEFAULT 0,
  breached       BIGINT NOT NULL DEFAULT 0,
  rating_sum     BIGINT NOT NULL DEFAULT 0,
  rating_count   BIGINT NOT NULL DEFAULT 0,
  fr_0            BIGINT NOT NULL DEFAULT 0,
  fr_1            BIGINT NOT NULL DEFAULT 0,
  fr_2            BIGINT NOT NULL DEFAULT 0,
  fr_3            BIGINT NOT NULL DEFAULT 0,
  fr_4            BIGINT NOT NULL DEFAULT 0,
  fr_5            BIGINT NOT NULL DEFAULT 0,
  fr_6            BIGINT NOT NULL DEFAULT 0,
  fr_7            BIGINT NOT NULL DEFAULT 0,
  fr_8            BIGINT NOT NULL DEFAULT 0,
  fr_9            BIGINT NOT NULL DEFAULT 0,
  fr_10           BIGINT NOT NULL DEFAULT 0,
  fr_11           BIGINT NOT NULL DEFAULT 0,
  fr_12           BIGINT NOT NULL DEFAULT 0,
  fr_13           BIGINT NOT NULL DEFAULT 0,
  fr_14           BIGINT NOT NULL DEFAULT 0,
  fr_15           BIGINT NOT NULL DEFAULT 0,
  fr_16           BIGINT NOT NULL DEFAULT 0,
  fr_17           BIGINT NOT NULL DEFAULT 0,
  fr_18           BIGINT NOT NULL DEFAULT 0,
  fr_19           BIGINT NOT NULL DEFAULT 0,
  fr_20           BIGINT NOT NULL DEFAULT 0,
  fr_21           BIGINT NOT NULL DEFAULT 0,
  fr_22           BIGINT NOT NULL DEFAULT 0,
  fr_23           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (day, unit_code)
);

-- built = 1 once the figures hold every case: at once when there are no cases yet; otherwise
-- after the first rebuild (`sigap serve` runs it when it finds built = 0).
CREATE TABLE dashboard_state (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  built      INTEGER NOT NULL,
  built_at   TEXT NOT NULL DEFAULT '',
  cases      BIGINT NOT NULL DEFAULT 0
);
INSERT INTO dashboard_state (id, built)
  SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM complaints) THEN 0 ELSE 1 END;
