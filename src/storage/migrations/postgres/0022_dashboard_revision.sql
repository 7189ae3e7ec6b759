-- The dashboard figures' revision: advanced by every change of the counters (the dispatcher's
-- transaction, the SLA watch's refreshes, a rebuild), so a reader that kept the figures can tell
-- with one row whether they are still what is stored (app/dashboard/dashboard_summary).
ALTER TABLE dashboard_state ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
