#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "domain/dashboard/case_contribution.hpp"
#include "domain/dashboard/response_histogram.hpp"

namespace sigap::domain::dashboard {

/// The counters of one unit (open, overdue cases now).
struct UnitCounts {
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  bool operator==(const UnitCounts&) const = default;
};

/// The counters of one (unit, local day) bucket.
struct DayCounts {
  std::int64_t new_count = 0;       // submitted that day
  std::int64_t resolved = 0;        // resolved that day (and still resolved or closed)
  std::int64_t within_sla = 0;      // of those with a resolution deadline: met it
  std::int64_t breached = 0;        // ... missed it
  std::int64_t rating_sum = 0;      // ratings given that day
  std::int64_t rating_count = 0;
  ResponseHistogram responses{};    // first responses given that day, by time to respond
  bool operator==(const DayCounts&) const = default;
  [[nodiscard]] bool zero() const { return *this == DayCounts{}; }
};

/// Counters keyed by unit and by (unit, day): the stored figures of a set of cases, or the
/// change a set of case changes makes to them. Adding a contribution with sign -1 and then the
/// same with +1 leaves nothing (zero entries are dropped by `prune`).
struct FigureCounts {
  std::map<std::string, UnitCounts, std::less<>> units;
  std::map<std::pair<std::string, std::string>, DayCounts> days;  // (unit, "YYYY-MM-DD")

  void add(const CaseContribution& contribution, int sign);
  /// Drops the entries whose every counter is 0.
  void prune();
  [[nodiscard]] bool empty() const { return units.empty() && days.empty(); }
  bool operator==(const FigureCounts&) const = default;
};

}  // namespace sigap::domain::dashboard
