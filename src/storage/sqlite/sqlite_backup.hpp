#pragma once

#include <filesystem>
#include <string>

#include "storage/backup.hpp"

namespace sigap::storage::sqlite {

/// `sigap backup` of an SQLite database (storage/backup.hpp): SQLite's online backup API copies
/// the file at `database_path` into `file` from one read snapshot, held across the steps so the
/// writes of a running server neither restart nor tear it (WAL lets them go on meanwhile).
Result<BackupReport> backup_sqlite(const std::string& database_path, const std::filesystem::path& file,
                                   const BackupOptions& options);

/// `sigap restore` into an SQLite database: checks `file` is a Sigap SQLite backup and the
/// target empty (or `force`), copies it in with the backup API in one write transaction on the
/// target (a failure leaves the target as it was), then applies pending migrations.
Result<RestoreReport> restore_sqlite(const std::filesystem::path& file, const std::string& database_path,
                                     const RestoreOptions& options);

}  // namespace sigap::storage::sqlite
