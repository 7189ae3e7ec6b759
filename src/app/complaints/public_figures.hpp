#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"

namespace sigap::app::complaints {

/// The public figures of a set of cases (those submitted in a period). Shares and averages are
/// absent when nothing counts towards them.
struct CaseFigures {
  std::int64_t received = 0;
  std::int64_t open = 0;                // not closed, not rejected
  std::int64_t resolved = 0;            // resolved at least once (whatever came after)
  std::int64_t fixed = 0;               // closed after a resolution (domain: closed_with_fix)
  std::int64_t closed_without_fix = 0;  // rejected, merged into another, or closed unresolved
  std::int64_t first_responses = 0;
  std::optional<std::int64_t> median_first_response_seconds;  // from receipt to the first answer
  std::int64_t resolved_with_deadline = 0;                    // resolved cases that had one
  std::int64_t resolved_within_deadline = 0;                  // ... resolved by it
  std::optional<double> within_deadline_share;                // 0..1
  std::int64_t ratings = 0;
  std::optional<double> average_rating;                       // 1..5
};

struct UnitFigures {
  std::string unit_code;  // the unit that holds the cases now
  std::string unit_name;
  CaseFigures figures;
};

/// The city as a whole and each unit that holds cases of the period, by unit code.
struct PublicFigures {
  CaseFigures city;
  std::vector<UnitFigures> units;
};

/// The figures of the outcomes given (pure arithmetic; the median of an even count is the mean
/// of the middle two, rounded down to the second).
CaseFigures figures_of(const std::vector<ports::CaseOutcome>& outcomes);

/// The public figures of the cases submitted in `period` (GET /api/v1/public/stats).
Result<PublicFigures> public_figures(ports::Storage& storage, const ports::OutcomeQuery& period);

}  // namespace sigap::app::complaints
