-- The staff list's newest-first search on PostgreSQL (storage/sql/case_list_sql.hpp,
-- case_walk_sql): it walks the newest cases of one status and category and stops at a page of
-- matches. Status and category are selective only together (in_progress and lampu-jalan: 4,874
-- of a million cases, where each alone holds 70,000-90,000), so without this index the planner
-- gathers both through bitmaps and sorts them, 130-340 ms; with it the walk reads the cases in
-- order and stops after a page. SQLite walks its FTS5 matches instead (no index needed there).
CREATE INDEX complaints_category_status_id ON complaints (category_code, status, id);
