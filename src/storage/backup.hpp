#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "common/error.hpp"
#include "storage/database_url.hpp"

// Online backup and restore of the whole database (docs/reliability.md), for `sigap backup` and
// `sigap restore`. The backup file is the engine's own format, so the engine's tools read it too:
//
//   SQLite      a SQLite database file, copied page by page with SQLite's online backup API from
//               one read snapshot while the server keeps writing (WAL lets both run), then
//               switched out of WAL mode so it is one self-contained file.
//   PostgreSQL  a pg_dump archive in custom format (pg_dump's own consistent snapshot), made by
//               the pg_dump found on PATH; pg_restore brings it back.
//
// A backup file holds the sealed personal data but never the keys that open it: the key file
// (<data_dir>/keys/data.keys) is backed up apart. A backup is written to a temporary file with
// mode 0600 in the target's directory and renamed into place when it is complete, so FILE is
// either the whole backup or absent.
namespace sigap::storage {

/// How far a long backup or restore got: `done` of `total` steps (SQLite: pages; PostgreSQL:
/// tables dumped, or archive items restored). Called on the calling thread.
using BackupProgress = std::function<void(std::int64_t done, std::int64_t total)>;

struct BackupOptions {
  bool force = false;  // replace FILE when it exists
  BackupProgress progress;
};

struct BackupReport {
  std::string engine;                      // "sqlite" or "postgres"
  std::uintmax_t bytes = 0;                // size of the backup file
  int schema_version = 0;                  // of the database backed up
  std::optional<std::int64_t> complaints;  // in the backup, when the engine tells (SQLite)
};

/// Writes a backup of the database `url` names to `file` while the database stays in use.
/// Errors: `not_found` (no database at the SQLite path; the directory of `file` missing),
/// `conflict` (`file` exists and `force` is off), `validation` (the database is not Sigap's),
/// `unavailable` (cannot open or reach the database; pg_dump not on PATH), `internal` (the copy
/// failed: disk full, pg_dump failed; nothing is left at `file`).
Result<BackupReport> backup_database(const DatabaseUrl& url, const std::filesystem::path& file,
                                     const BackupOptions& options);

struct RestoreOptions {
  bool force = false;  // replace a database that already holds data
  BackupProgress progress;
};

struct RestoreReport {
  std::string engine;
  int version_in_backup = 0;  // schema version the backup was taken at
  int version_after = 0;      // after the migrations that ran on the restored data
  std::int64_t complaints = 0;
};

/// Restores the backup `file` into the database `url` names (an SQLite file, created when
/// missing, or an existing PostgreSQL database), then applies pending migrations as `sigap
/// serve` would. The target must be empty (no tables, or only Sigap's schema without complaints,
/// accounts, units or regions) unless `force` is on; then its content is replaced.
/// Errors: `not_found` (no `file`), `validation` (`file` is not a Sigap backup, or one of the
/// other engine, or from a newer schema), `conflict` (the target holds data and `force` is off),
/// `unavailable` (cannot open or reach the target; pg_restore not on PATH), `internal` (the copy
/// failed; SQLite leaves the target as it was, PostgreSQL leaves it empty).
Result<RestoreReport> restore_database(const DatabaseUrl& url, const std::filesystem::path& file,
                                       const RestoreOptions& options);

}  // namespace sigap::storage
