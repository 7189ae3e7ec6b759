#pragma once

#include "app/ports/storage.hpp"
#include "cli/config.hpp"
#include "common/clock.hpp"

namespace sigap::cli {

/// `sigap dashboard rebuild`: recounts the Command Center's figures from every case (progress
/// on stderr), e.g. after loading cases by hand. Prints how many cases and how long it took.
int dashboard_rebuild(const Config& config);

/// Builds the figures when they were never built (an upgrade over existing cases, generated
/// cases), with progress on stderr; logs what it did. False when that failed.
bool build_dashboard_if_needed(app::ports::Storage& storage, const Clock& clock);

/// Counts the figures again from every case (after `sigap generate`, whose cases bypass the
/// outbox), with progress on stderr. False when that failed.
bool build_dashboard_after_generate(app::ports::Storage& storage, const Clock& clock);

/// Either of the two above.
bool build_dashboard(app::ports::Storage& storage, const Clock& clock, bool only_if_needed);

}  // namespace sigap::cli
