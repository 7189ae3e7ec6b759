#include "domain/dashboard/unit_figures.hpp"

#include <chrono>
#include <cmath>

namespace sigap::domain::dashboard {

namespace {

std::string days_before(sla::Date today, int days) {
  return sla::format_date(sla::Date{std::chrono::sys_days(today) - std::chrono::days(days)});
}

}  // namespace

FigureTotals& FigureTotals::operator+=(const FigureTotals& other) {
  open += other.open;
  overdue += other.overdue;
  new_today += other.new_today;
  resolved_today += other.resolved_today;
  for (std::size_t i = 0; i < kResponseBuckets; ++i) responses_7d[i] += other.responses_7d[i];
  within_sla_30d += other.within_sla_30d;
  breached_30d += other.breached_30d;
  rating_sum_30d += other.rating_sum_30d;
  rating_count_30d += other.rating_count_30d;
  return *this;
}

DayWindows DayWindows::ending(sla::Date today) {
  return {sla::format_date(today), days_before(today, kResponseWindowDays - 1),
          days_before(today, kOutcomeWindowDays - 1)};
}

void add_day(FigureTotals& totals, std::string_view day, const DayCounts& counts, const DayWindows& windows) {
  if (day > windows.today) return;
  if (day == windows.today) {
    totals.new_today += counts.new_count;
    totals.resolved_today += counts.resolved;
  }
  if (day >= windows.response_from) {
    for (std::size_t i = 0; i < kResponseBuckets; ++i) totals.responses_7d[i] += counts.responses[i];
  }
  if (day >= windows.outcome_from) {
    totals.within_sla_30d += counts.within_sla;
    totals.breached_30d += counts.breached;
    totals.rating_sum_30d += counts.rating_sum;
    totals.rating_count_30d += counts.rating_count;
  }
}

Figures figures_of(const FigureTotals& totals) {
  Figures figures;
  figures.open = totals.open;
  figures.overdue = totals.overdue;
  figures.new_today = totals.new_today;
  figures.resolved_today = totals.resolved_today;
  figures.median_first_response_hours_7d = median_hours(totals.responses_7d);
  if (const auto judged = totals.within_sla_30d + totals.breached_30d; judged > 0) {
    figures.within_sla_share_30d =
        std::round(static_cast<double>(totals.within_sla_30d) / static_cast<double>(judged) * 1000) / 1000;
  }
  if (totals.rating_count_30d > 0) {
    figures.average_rating =
        std::round(static_cast<double>(totals.rating_sum_30d) / static_cast<double>(totals.rating_count_30d) * 100) /
        100;
  }
  figures.rated_30d = totals.rating_count_30d;
  return figures;
}

}  // namespace sigap::domain::dashboard
