#pragma once

#include <optional>
#include <string_view>

#include "common/clock.hpp"

namespace sigap {

/// Reads a date-time in the W3C profile of ISO 8601 (www.w3.org/TR/NOTE-datetime) with its zone,
/// as Open311 GeoReport v2 requires: "1994-11-05T13:15:30Z", "1994-11-05T08:15:30-05:00",
/// "1994-11-05T08:15-05:00" (no seconds), "1994-11-05T13:15:30.45Z" (the fraction is dropped).
/// A zone (Z or +hh:mm / -hh:mm) is required; a bare date or a time without zone is nullopt, as
/// is anything out of range (month 13, 25:00, offset beyond ±14:00).
std::optional<TimePoint> parse_w3_datetime(std::string_view text);

}  // namespace sigap
