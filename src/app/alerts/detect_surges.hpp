#pragma once

#include <cstddef>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"

namespace sigap::app::alerts {

struct SurgeReport {
  std::size_t candidates = 0;  // (category, kecamatan, hour) with at least kMinSurgeReports reports
  std::size_t raised = 0;
};

/// Looks for surges (domain/alerts/surge: more than 3× the usual hourly rate of a category in a
/// kecamatan, and at least 5 reports) in the hour that holds `now` (so far) and the hour before
/// it (in full, in case the previous look came before it ended). Reads the hour's reports
/// grouped by category and kelurahan (an index range on submitted_at), and only for a
/// (category, kecamatan) with enough reports the 28 days before the hour. Raises the `surge`
/// alert — unit = the kecamatan office, severity warning — once per (category, kecamatan, hour),
/// never again for that hour even after it is acknowledged. Idempotent.
Result<SurgeReport> detect_surges(ports::Storage& storage, TimePoint now);

}  // namespace sigap::app::alerts
