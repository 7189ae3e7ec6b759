#pragma once

#include <memory>
#include <string>
#include <vector>

#include "storage/sql/sql_connection.hpp"

namespace sigap::testing {

/// A direct connection to the database a server under test uses (read-only for SQLite, which
/// WAL lets sit beside the server's), for the checks no API offers. `url` is sqlite:PATH or a
/// postgres:// URL. Fails the calling test (and returns null) when it cannot connect.
std::unique_ptr<storage::sql::SqlConnection> connect_directly(const std::string& url);

/// Records written by halves: complaints without their one "submitted" event, events without
/// their outbox row or their complaint, outbox rows without their event. One line per kind of
/// orphan found ("3 complaints without a submitted event"); empty when every record is whole.
std::vector<std::string> half_written_records(storage::sql::SqlConnection& connection);

/// The engine's own check of the file or the indexes: SQLite's `PRAGMA integrity_check` and
/// `foreign_key_check`; on PostgreSQL amcheck (`bt_index_check` with heapallindexed of every
/// B-tree index of complaints, complaint_events and outbox, and `verify_heapam` of the three
/// tables), or where the extension is missing the fallback of docs/reliability.md (each table
/// counted by a sequential and by an index scan). What it found; empty when all is well.
/// `method` says which check ran.
std::vector<std::string> integrity_problems(storage::sql::SqlConnection& connection, bool postgres,
                                            std::string& method);

/// The public codes of every stored complaint.
std::vector<std::string> stored_codes(storage::sql::SqlConnection& connection);

}  // namespace sigap::testing
