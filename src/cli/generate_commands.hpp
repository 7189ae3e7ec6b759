#pragma once

#include <cstdint>

#include "cli/config.hpp"

namespace sigap::cli {

struct GenerateComplaintsOptions {
  std::int64_t count = 0;
  std::uint64_t seed = 1;
};

/// `sigap generate complaints --count N [--seed S]`: loads the Palembang demo master data
/// (an upsert) and writes N made-up complaints (app/complaints/generate_complaints.hpp) in
/// large transactions, with a progress bar on stderr. Prints the number written on stdout.
int generate_complaints(const Config& config, const GenerateComplaintsOptions& options);

}  // namespace sigap::cli
