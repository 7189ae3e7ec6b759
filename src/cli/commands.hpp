#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/ports/storage.hpp"
#include "cli/config.hpp"

namespace sigap::cli {

/// Opens the configured database, applying pending migrations and creating the data dir for
/// SQLite. On failure prints the one line saying why on stderr and returns null (the caller
/// exits with kExitBadStartup).
std::unique_ptr<app::ports::Storage> open_database(const Config& config);

/// Serves HTTP until SIGTERM/SIGINT. With `load_demo` the Palembang demo data is loaded first
/// with the demo accounts (identity_commands.hpp), and the URL and the accounts printed on stdout.
int serve(Config config, bool load_demo);
/// Applies pending migrations and reports the schema version.
int migrate(Config config);
/// Imports regions from a CSV file in the idn-area-data format.
int import_regions(Config config, const std::string& file);
int version();
/// Adds a fresh key to the data keyring file (saved first, atomically, keeping the old keys so
/// everything stays readable) and then seals all personal data with it. Refused when the keys
/// come from SIGAP_DATA_KEY.
int rotate_keys(Config config);

}  // namespace sigap::cli
