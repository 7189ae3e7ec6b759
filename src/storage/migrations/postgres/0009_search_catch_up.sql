-- Nothing changes on PostgreSQL: its search column is generated as each row is written (see
-- sqlite/0009_search_catch_up.sql for why SQLite now indexes in batches). Kept so both engines
-- count the same schema versions.
SELECT 1;
