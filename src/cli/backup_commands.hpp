#pragma once

#include <string>

#include "cli/config.hpp"

namespace sigap::cli {

struct BackupCommandOptions {
  std::string to;      // the backup file to write
  bool force = false;  // replace it when it exists
};

struct RestoreCommandOptions {
  std::string from;    // the backup file to read
  bool force = false;  // replace a database that holds data
};

/// `sigap backup --to FILE`: an online backup of the configured database (storage/backup.hpp)
/// with progress on stderr, then one line on stdout naming the file and a reminder that the
/// data keys (and photos) are not in it. Exit status 2 for what the operator can fix (no
/// database, FILE exists, not a Sigap database, pg_dump missing), 1 when the copy failed.
int backup(const Config& config, const BackupCommandOptions& options);

/// `sigap restore --from FILE`: the backup into the configured database, which must be empty
/// unless --force, then the migrations. Says where the data keys must go when they are not there
/// yet (it never makes new ones: they could not open the restored data). Exit statuses as backup.
int restore(const Config& config, const RestoreCommandOptions& options);

}  // namespace sigap::cli
