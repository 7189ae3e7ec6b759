#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"

namespace sigap {

/// "2026-11-26T06:25:00Z": how times are stored (both backends) and sent in the API. Seconds
/// precision; such strings sort in time order.
std::string format_utc(TimePoint time);
/// The inverse of format_utc; nullopt for anything else, a year outside kFirstYear..kLastYear
/// included.
std::optional<TimePoint> parse_utc(std::string_view text);

/// The years a TimePoint (system_clock, 64-bit nanoseconds: 1677-09-21 to 2262-04-11) holds
/// whole, with a day to spare for a zone offset. Dates read from outside are refused beyond
/// them: converting "6026-11-26" to a TimePoint would overflow (undefined behaviour).
inline constexpr int kFirstYear = 1678;
inline constexpr int kLastYear = 2261;

/// "2026-11-26T06:25:00.125Z": milliseconds, always three digits, for schedules that need them
/// (retries of deliveries). Such strings sort in time order among themselves (not mixed with
/// format_utc's).
std::string format_utc_millis(TimePoint time);
/// The inverse of format_utc_millis; nullopt for anything else.
std::optional<TimePoint> parse_utc_millis(std::string_view text);

}  // namespace sigap
