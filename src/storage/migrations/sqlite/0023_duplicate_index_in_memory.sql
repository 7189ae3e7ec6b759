-- The duplicate lookup reads the open public cases from memory (app/complaints/open_case_index),
-- which loads them once through complaints_submitted (0003) and then follows every write. The two
-- partial indexes it read before (0010, 0011) are read by nothing, and every intake wrote them.
DROP INDEX complaints_open_by_latitude;
DROP INDEX complaints_open_unpinned;
