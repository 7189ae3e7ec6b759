-- The SLA watch (issue #4): when the background job must look at a case next. Same shape as
-- sqlite/0006_sla_watch.sql.
ALTER TABLE complaints ADD COLUMN sla_check_at TEXT NOT NULL DEFAULT '';
CREATE INDEX complaints_sla_check ON complaints (sla_check_at) WHERE sla_check_at <> '';
