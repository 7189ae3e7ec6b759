-- The inbox order "soonest deadline first" as one indexed value per case; see
-- sqlite/0008_case_order.sql. Same values on both engines.
ALTER TABLE complaints ADD COLUMN due_order TEXT GENERATED ALWAYS AS (
  CASE WHEN due_at = '' THEN '9999-12-31T23:59:59Z/' || lpad((9000000000000000 - id)::text, 16, '0')
       ELSE due_at || '/' || lpad(id::text, 16, '0') END) STORED;
CREATE INDEX complaints_status_due_order ON complaints (status, due_order);
CREATE INDEX complaints_due_order ON complaints (due_order);
