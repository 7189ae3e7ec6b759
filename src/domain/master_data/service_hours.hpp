#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::domain::master_data {

/// One opening interval within a day, in minutes after local midnight, [open, close).
struct OpeningInterval {
  int open_minute = 0;
  int close_minute = 0;
  bool operator==(const OpeningInterval&) const = default;
};

/// A unit's weekly service hours in its local time. Index 0 is Monday, 6 is Sunday.
/// Written as text like "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30" — the form used in
/// the data files, the database and the API.
struct ServiceHours {
  std::array<std::vector<OpeningInterval>, 7> days;

  /// Whether the unit serves at `minute_of_day` on `weekday` (0 = Monday).
  [[nodiscard]] bool is_open(int weekday, int minute_of_day) const;
  bool operator==(const ServiceHours&) const = default;
};

/// Parses the text form. Days are mon..sun, single or as a range; intervals HH:MM-HH:MM,
/// ascending and not overlapping. An empty text means "no service hours".
Result<ServiceHours> parse_service_hours(std::string_view text, std::string_view field);

/// The canonical text form (parse(format(x)) == x).
std::string format_service_hours(const ServiceHours& hours);

std::string_view weekday_name(int weekday);

}  // namespace sigap::domain::master_data
