-- The inbox order "soonest deadline first" (GET /api/v1/complaints?sort=due) as one indexed
-- value per case, so a page of a status tab is read from an index instead of sorting every case
-- of that status: the deadline and the id ("2026-11-20T09:00:00Z/0000000000000042") while a clock
-- runs; after every deadline ("9999-12-31T23:59:59Z/...") and newest first when none runs.
-- storage/sql/case_list_sql.cpp builds the cursor value the same way.
ALTER TABLE complaints ADD COLUMN due_order TEXT GENERATED ALWAYS AS (
  CASE WHEN due_at = '' THEN '9999-12-31T23:59:59Z/' || substr('0000000000000000' || (9000000000000000 - id), -16)
       ELSE due_at || '/' || substr('0000000000000000' || id, -16) END) VIRTUAL;
CREATE INDEX complaints_status_due_order ON complaints (status, due_order);
CREATE INDEX complaints_due_order ON complaints (due_order);
