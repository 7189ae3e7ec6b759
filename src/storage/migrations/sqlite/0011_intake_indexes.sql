-- Fewer indexes for every intake to write (bench/README.md).
--
-- Duplicate lookup, third step (see 0010): a report with a pin finds located cases through
-- complaints_open_by_latitude and needs from its kelurahan only the open cases without a pin,
-- which this small partial index holds; a report without a pin reads its kelurahan through
-- complaints_category_region (0003). complaints_open_by_region is then read by nothing.
DROP INDEX complaints_open_by_region;
CREATE INDEX complaints_open_unpinned ON complaints (category_code, region_code, submitted_at)
  WHERE status NOT IN ('closed', 'rejected') AND merged_into_id IS NULL AND confidential = 0
    AND latitude IS NULL;

-- The overdue filter of the staff list reads complaints_due_order (0008), whose value starts with
-- the deadline: the index on due_at alone is read by nothing and written by every intake.
DROP INDEX complaints_due;
