#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/dashboard/figure_counts.hpp"
#include "domain/sla/date.hpp"

namespace sigap::domain::dashboard {

/// The counters behind the figures of one unit (or of a subtree, once added up): what is open
/// now, and the day buckets that fall in the windows ending on the unit's "today".
struct FigureTotals {
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  std::int64_t new_today = 0;
  std::int64_t resolved_today = 0;
  ResponseHistogram responses_7d{};  // today and the 6 days before
  std::int64_t within_sla_30d = 0;   // today and the 29 days before
  std::int64_t breached_30d = 0;
  std::int64_t rating_sum_30d = 0;
  std::int64_t rating_count_30d = 0;

  FigureTotals& operator+=(const FigureTotals& other);
  bool operator==(const FigureTotals&) const = default;
};

inline constexpr int kResponseWindowDays = 7;
inline constexpr int kOutcomeWindowDays = 30;

/// The windows ending on a local date, as "YYYY-MM-DD" (ISO dates compare as text).
struct DayWindows {
  std::string today;
  std::string response_from;  // the first day of the 7-day window
  std::string outcome_from;   // the first day of the 30-day window (the oldest bucket read)
  static DayWindows ending(sla::Date today);
  bool operator==(const DayWindows&) const = default;
};

/// Adds one day bucket of a unit whose windows are `windows` (buckets outside every window,
/// and days after today, add nothing).
void add_day(FigureTotals& totals, std::string_view day, const DayCounts& counts, const DayWindows& windows);

/// What the dashboard shows of a unit or subtree.
struct Figures {
  std::int64_t open = 0;
  std::int64_t overdue = 0;
  std::int64_t new_today = 0;
  std::int64_t resolved_today = 0;
  std::optional<double> median_first_response_hours_7d;
  std::optional<double> within_sla_share_30d;  // 0..1, rounded to 0.001
  std::optional<double> average_rating;        // 1..5 over 30 days, rounded to 0.01
  std::int64_t rated_30d = 0;
  bool operator==(const Figures&) const = default;
};

Figures figures_of(const FigureTotals& totals);

}  // namespace sigap::domain::dashboard
