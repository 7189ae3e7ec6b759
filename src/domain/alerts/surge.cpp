#include "domain/alerts/surge.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"
#include "domain/master_data/region_code.hpp"

namespace sigap::domain::alerts {

SurgeVerdict judge_surge(std::int64_t reports, std::int64_t baseline_reports) {
  SurgeVerdict verdict;
  verdict.usual_per_hour = static_cast<double>(baseline_reports) / (kBaselineDays * 24.0);
  verdict.threshold = kSurgeFactor * verdict.usual_per_hour;
  verdict.surge = reports >= kMinSurgeReports && static_cast<double>(reports) > verdict.threshold;
  return verdict;
}

std::string kecamatan_of(std::string_view region_code) {
  auto level = master_data::parse_region_code(region_code);
  if (!level) return {};
  if (*level == master_data::RegionLevel::district) return std::string(region_code);
  if (*level == master_data::RegionLevel::village) return master_data::parent_region_code(region_code);
  return {};
}

TimePoint hour_start(TimePoint time) { return std::chrono::floor<std::chrono::hours>(time); }

std::string surge_subject(std::string_view category_code, std::string_view kecamatan_code, TimePoint hour) {
  return fmt::format("surge:{}:{}:{}", category_code, kecamatan_code, format_utc(hour_start(hour)));
}

}  // namespace sigap::domain::alerts
