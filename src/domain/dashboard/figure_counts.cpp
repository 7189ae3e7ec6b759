#include "domain/dashboard/figure_counts.hpp"

namespace sigap::domain::dashboard {

void FigureCounts::add(const CaseContribution& c, int sign) {
  if (c.unit_code.empty()) return;
  const std::int64_t s = sign;
  if (c.open || c.overdue) {
    auto& unit = units[c.unit_code];
    unit.open += c.open ? s : 0;
    unit.overdue += c.overdue ? s : 0;
  }
  auto day = [&](const std::string& date) -> DayCounts& { return days[{c.unit_code, date}]; };
  if (!c.new_day.empty()) day(c.new_day).new_count += s;
  if (!c.resolved_day.empty()) day(c.resolved_day).resolved += s;
  if (!c.sla_day.empty()) (c.within_sla ? day(c.sla_day).within_sla : day(c.sla_day).breached) += s;
  if (!c.response_day.empty() && c.response_bucket >= 0 &&
      c.response_bucket < static_cast<int>(kResponseBuckets)) {
    day(c.response_day).responses[static_cast<std::size_t>(c.response_bucket)] += s;
  }
  if (!c.rating_day.empty() && c.rating > 0) {
    auto& bucket = day(c.rating_day);
    bucket.rating_sum += s * c.rating;
    bucket.rating_count += s;
  }
}

void FigureCounts::prune() {
  std::erase_if(units, [](const auto& entry) { return entry.second == UnitCounts{}; });
  std::erase_if(days, [](const auto& entry) { return entry.second.zero(); });
}

}  // namespace sigap::domain::dashboard
