#include "common/time_format.hpp"

#include <cstdio>

#include <fmt/chrono.h>
#include <fmt/format.h>

namespace sigap {

std::string format_utc(TimePoint time) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(time));
}

std::optional<TimePoint> parse_utc(std::string_view text) {
  if (text.size() != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':' || text[19] != 'Z') {
    return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t length) -> int {
    int value = 0;
    for (std::size_t i = at; i < at + length; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  int year = number(0, 4), month = number(5, 2), day = number(8, 2);
  int hour = number(11, 2), minute = number(14, 2), second = number(17, 2);
  if (year < kFirstYear || year > kLastYear || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 ||
      minute < 0 || minute > 59 || second < 0 || second > 60) {
    return std::nullopt;
  }
  std::chrono::year_month_day date{std::chrono::year(year), std::chrono::month(static_cast<unsigned>(month)),
                                   std::chrono::day(static_cast<unsigned>(day))};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days(date) + std::chrono::hours(hour) + std::chrono::minutes(minute) +
         std::chrono::seconds(second);
}

std::string format_utc_millis(TimePoint time) {
  auto millis = std::chrono::floor<std::chrono::milliseconds>(time);
  auto seconds = std::chrono::floor<std::chrono::seconds>(millis);
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03d}Z", seconds, static_cast<int>((millis - seconds).count()));
}

std::optional<TimePoint> parse_utc_millis(std::string_view text) {
  if (text.size() != 24 || text[19] != '.') return std::nullopt;
  int millis = 0;
  for (std::size_t i = 20; i < 23; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    millis = millis * 10 + (text[i] - '0');
  }
  auto whole = parse_utc(std::string(text.substr(0, 19)) + "Z");
  if (!whole || text[23] != 'Z') return std::nullopt;
  return *whole + std::chrono::milliseconds(millis);
}

}  // namespace sigap
