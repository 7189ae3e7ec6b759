-- The SLA watch (issue #4): when the background job must look at a case next — the instant
-- its next escalation level falls due, or the end of the dispute window of a resolved case
-- ('' = nothing to look at until the case changes). The partial index keeps the job's query
-- small however many cases are stored.
ALTER TABLE complaints ADD COLUMN sla_check_at TEXT NOT NULL DEFAULT '';
CREATE INDEX complaints_sla_check ON complaints (sla_check_at) WHERE sla_check_at <> '';
