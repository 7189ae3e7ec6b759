#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace sigap::domain::alerts {

/// "Usual" is the mean number of reports per hour over the 28 days (672 hours) before the hour
/// in question: all hours, nights included, so it is a low figure, and a busy daytime hour of
/// an ordinary category can come near it; the floor below keeps that from alerting.
inline constexpr int kBaselineDays = 28;
inline constexpr double kSurgeFactor = 3.0;
/// Fewer reports than this in one hour are never a surge, whatever the usual rate: a category
/// that gets one report a month must not alert on its second.
inline constexpr std::int64_t kMinSurgeReports = 5;

struct SurgeVerdict {
  double usual_per_hour = 0;  // baseline / (kBaselineDays × 24)
  double threshold = 0;       // kSurgeFactor × usual_per_hour
  bool surge = false;         // reports > threshold and reports >= kMinSurgeReports
};

/// THE surge rule for one (category, kecamatan, hour): `reports` in the hour against
/// `baseline_reports` in the kBaselineDays before the hour began.
SurgeVerdict judge_surge(std::int64_t reports, std::int64_t baseline_reports);

/// The kecamatan (district) code of a region code: "16.71.01.1001" and "16.71.01" give
/// "16.71.01"; a city or province code, or anything else, gives "".
std::string kecamatan_of(std::string_view region_code);

/// The start of the UTC hour that holds `time`. Indonesia's zones are whole hours ahead of UTC,
/// so it is the start of the local hour too.
TimePoint hour_start(TimePoint time);

/// The subject that makes a surge alert once per (category, kecamatan, hour):
/// "surge:<category>:<kecamatan>:<hour start, format_utc>".
std::string surge_subject(std::string_view category_code, std::string_view kecamatan_code, TimePoint hour);

}  // namespace sigap::domain::alerts
