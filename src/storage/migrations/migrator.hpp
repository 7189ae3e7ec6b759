#pragma once

#include <span>

#include "common/error.hpp"
#include "storage/migrations/migrations.hpp"
#include "storage/sql/sql_connection.hpp"

namespace sigap::storage::migrations {

struct MigrationReport {
  int version_before = 0;
  int version_after = 0;
};

/// Brings the schema up to the last of `migrations`, each in its own transaction, recording
/// each applied version in `schema_migrations`. A database whose version is newer than the
/// code knows is refused (`conflict`) and left untouched. Not safe to run concurrently on the
/// same database from two processes; `sigap serve` runs it once at start.
Result<MigrationReport> migrate(sql::SqlConnection& connection, std::span<const Migration> migrations);

}  // namespace sigap::storage::migrations
