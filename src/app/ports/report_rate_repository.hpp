#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap::app::ports {

/// How many reports one (category, region) received in a stretch of time.
struct ReportCount {
  std::string category_code;
  std::string region_code;
  std::int64_t count = 0;
};

/// Counts reports (complaints and aspirations, any status) by when they were submitted, for
/// the surge watch. Thread-safe.
class ReportRateRepository {
 public:
  virtual ~ReportRateRepository() = default;
  /// Per (category, region), the reports submitted in [from, to) that name both. A range of the
  /// index on submitted_at: the cost follows the reports of the stretch, not all reports.
  virtual Result<std::vector<ReportCount>> counts_between(TimePoint from, TimePoint to) = 0;
  /// The reports of `category_code` in any of `region_codes` submitted in [from, to): one range
  /// of the (category, region, submitted_at) index per region.
  virtual Result<std::int64_t> count_in_regions(const std::string& category_code,
                                                const std::vector<std::string>& region_codes, TimePoint from,
                                                TimePoint to) = 0;
};

}  // namespace sigap::app::ports
