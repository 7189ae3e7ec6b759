-- Nothing on SQLite: its newest-first search walks the FTS5 matches newest first (the index of
-- the PostgreSQL migration 0020 serves PostgreSQL's walk; see storage/sql/case_list_sql.hpp).
SELECT 1;
