#pragma once

#include <filesystem>
#include <string>

#include "storage/backup.hpp"

namespace sigap::storage::postgres {

/// `sigap backup` of a PostgreSQL database (storage/backup.hpp): pg_dump, found on PATH, writes
/// a custom-format archive from its own consistent snapshot while the server keeps writing.
/// The password goes to pg_dump in its environment, never on its command line.
Result<BackupReport> backup_postgres(const std::string& url, const std::filesystem::path& file,
                                     const BackupOptions& options);

/// `sigap restore` into a PostgreSQL database: checks with `pg_restore --list` that `file` is a
/// Sigap archive, that the target is empty (or `force`: then its schema public is dropped and
/// made again), restores it with pg_restore in one transaction, then applies pending migrations.
Result<RestoreReport> restore_postgres(const std::filesystem::path& file, const std::string& url,
                                       const RestoreOptions& options);

}  // namespace sigap::storage::postgres
