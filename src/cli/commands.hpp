#pragma once

#include <optional>
#include <string>

#include "cli/config.hpp"

namespace sigap::cli {

/// Serves HTTP until SIGTERM/SIGINT. With `load_demo` the Palembang demo data is loaded first
/// and the URL printed on stdout.
int serve(Config config, bool load_demo);
/// Applies pending migrations and reports the schema version.
int migrate(Config config);
/// Imports regions from a CSV file in the idn-area-data format.
int import_regions(Config config, const std::string& file);
int version();

}  // namespace sigap::cli
