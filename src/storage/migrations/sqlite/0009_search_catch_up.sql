-- The full-text index is fed in batches, not by a trigger on every intake: one small FTS5
-- segment per committed intake made the writer thread the bottleneck of intake (about 40 % of
-- its time). Complaints with an id above search_state.indexed_up_to are not yet indexed;
-- Storage::catch_up_search_index() adds them (a job every second, and a staff search first).
-- The update and delete triggers touch the index only for rows it already holds.
CREATE TABLE search_state (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  indexed_up_to INTEGER NOT NULL
);
INSERT INTO search_state (id, indexed_up_to) SELECT 1, COALESCE(MAX(id), 0) FROM complaints;
DROP TRIGGER complaints_search_insert;
DROP TRIGGER complaints_search_delete;
DROP TRIGGER complaints_search_update;
CREATE TRIGGER complaints_search_delete AFTER DELETE ON complaints
  WHEN old.id <= (SELECT indexed_up_to FROM search_state) BEGIN
  INSERT INTO complaints_search (complaints_search, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
END;
CREATE TRIGGER complaints_search_update AFTER UPDATE OF title, description ON complaints
  WHEN old.id <= (SELECT indexed_up_to FROM search_state) BEGIN
  INSERT INTO complaints_search (complaints_search, rowid, title, description)
    VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO complaints_search (rowid, title, description) VALUES (new.id, new.title, new.description);
END;
