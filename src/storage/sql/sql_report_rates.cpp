#include "storage/sql/sql_report_rates.hpp"

#include "common/time_format.hpp"

namespace sigap::storage::sql {

Result<std::vector<app::ports::ReportCount>> SqlReportRateRepository::counts_between(TimePoint from, TimePoint to) {
  auto rows = backend_.read(
      "SELECT category_code, region_code, COUNT(*) FROM complaints WHERE submitted_at >= $1 AND submitted_at < $2 "
      "AND category_code IS NOT NULL AND region_code IS NOT NULL GROUP BY category_code, region_code "
      "ORDER BY category_code, region_code",
      {format_utc(from), format_utc(to)});
  if (!rows) return rows.error();
  std::vector<app::ports::ReportCount> counts;
  for (const auto& row : rows->rows) counts.push_back({text_at(row, 0), text_at(row, 1), int_at(row, 2)});
  return counts;
}

Result<std::int64_t> SqlReportRateRepository::count_in_regions(const std::string& category_code,
                                                               const std::vector<std::string>& region_codes,
                                                               TimePoint from, TimePoint to) {
  // One statement per region keeps each an equality on (category, region) and a range on the
  // time, and the statement text the same whatever the number of kelurahan.
  std::int64_t total = 0;
  for (const auto& region : region_codes) {
    auto rows = backend_.read(
        "SELECT COUNT(*) FROM complaints WHERE category_code = $1 AND region_code = $2 AND submitted_at >= $3 "
        "AND submitted_at < $4",
        {category_code, region, format_utc(from), format_utc(to)});
    if (!rows) return rows.error();
    total += int_at(rows->rows.front(), 0);
  }
  return total;
}

}  // namespace sigap::storage::sql
