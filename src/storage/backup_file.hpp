#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>

#include "common/error.hpp"

// The files of `sigap backup` and `sigap restore` (storage/backup.hpp): what kind of backup a
// file is, and a backup being written, which becomes the named file only when it is complete.
namespace sigap::storage {

enum class BackupFileKind {
  sqlite,    // begins with "SQLite format 3\0"
  postgres,  // a pg_dump custom-format archive: begins with "PGDMP"
  other,
};

/// The kind of the file at `path`, by its first bytes. `not_found` when there is no such file
/// (or it is a directory), `unavailable` when it cannot be read.
Result<BackupFileKind> backup_file_kind(const std::filesystem::path& path);

/// A backup in the making: a temporary file beside `target`, created with mode 0600 (a backup
/// holds sealed personal data), renamed to `target` by commit() after an fsync, removed if it is
/// destroyed uncommitted. Not thread-safe.
class PendingBackupFile {
 public:
  /// Errors: `conflict` when `target` exists and `replace` is off; `not_found` when its
  /// directory does not exist; `unavailable` when the temporary file cannot be created.
  static Result<std::unique_ptr<PendingBackupFile>> create(const std::filesystem::path& target, bool replace);
  ~PendingBackupFile();
  PendingBackupFile(const PendingBackupFile&) = delete;
  PendingBackupFile& operator=(const PendingBackupFile&) = delete;

  /// The temporary file, and a descriptor open on it for writing (owned by this object).
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] int fd() const { return fd_; }

  /// Makes the temporary file `target`: fsync, mode 0600 again, rename, fsync of the directory.
  /// Returns the size of the backup. `internal` when any step fails (the temporary is removed).
  Result<std::uintmax_t> commit();

 private:
  PendingBackupFile(std::filesystem::path target, std::filesystem::path path, int fd, bool replace)
      : target_(std::move(target)), path_(std::move(path)), fd_(fd), replace_(replace) {}

  std::filesystem::path target_;
  std::filesystem::path path_;
  int fd_;
  bool replace_;
  bool committed_ = false;
};

}  // namespace sigap::storage
