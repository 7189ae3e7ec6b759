// Shared by the SLA tests: instants written as a unit's local wall clock, Palembang's office
// hours, and a calendar with the 2026 holidays the case tables walk through.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "domain/master_data/service_hours.hpp"
#include "domain/sla/time_zone.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::domain::sla::test_support {

/// "2026-08-14 10:00" on the wall clock of `zone`.
inline TimePoint local(std::string_view text, UnitTimeZone zone = UnitTimeZone::wib) {
  auto date = parse_date(text.substr(0, 10));
  EXPECT_TRUE(date.has_value() && text.size() == 16 && text[10] == ' ' && text[13] == ':') << text;
  if (!date || text.size() != 16) return TimePoint{};
  const int hours = (text[11] - '0') * 10 + (text[12] - '0');
  const int minutes = (text[14] - '0') * 10 + (text[15] - '0');
  return to_utc(*date, hours * 60 + minutes, zone);
}

/// "2026-08-14T03:00:00Z".
inline TimePoint utc(std::string_view text) {
  auto time = parse_utc(text);
  EXPECT_TRUE(time.has_value()) << text;
  return time.value_or(TimePoint{});
}

/// The inverse of local(), for readable failures.
inline std::string show(TimePoint time, UnitTimeZone zone = UnitTimeZone::wib) {
  const auto reading = to_local(time, zone);
  return fmt::format("{} {:02}:{:02} {} ({})", format_date(reading.date), reading.minute_of_day / 60,
                     reading.minute_of_day % 60, abbreviation(zone), format_utc(time));
}

/// The hours of Palembang's offices (data/palembang/units.csv), with the Friday prayer break.
constexpr std::string_view kOfficeHours = "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30";

inline master_data::ServiceHours office_hours() {
  auto hours = master_data::parse_service_hours(kOfficeHours, "service_hours");
  EXPECT_TRUE(hours.ok());
  return hours.ok() ? hours.value() : master_data::ServiceHours{};
}

inline Holiday holiday(std::string_view date, std::string name, HolidayKind kind = HolidayKind::national_holiday) {
  return Holiday{parse_date(date).value(), std::move(name), kind};
}

/// 2025 and 2026 covered (as decreed); the 2026 days the tables cross, from the SKB.
inline WorkingCalendar calendar_2026() {
  constexpr auto kLeave = HolidayKind::collective_leave;
  return WorkingCalendar(
      {
          holiday("2026-03-18", "Hari Suci Nyepi", kLeave),
          holiday("2026-03-19", "Hari Suci Nyepi Tahun Baru Saka 1948"),
          holiday("2026-03-20", "Idul Fitri", kLeave),
          holiday("2026-03-21", "Idul Fitri 1447 H"),
          holiday("2026-03-22", "Idul Fitri 1447 H"),
          holiday("2026-03-23", "Idul Fitri", kLeave),
          holiday("2026-03-24", "Idul Fitri", kLeave),
          holiday("2026-05-14", "Kenaikan Yesus Kristus"),
          holiday("2026-05-15", "Kenaikan Yesus Kristus", kLeave),
          holiday("2026-08-17", "Hari Kemerdekaan Republik Indonesia"),
          holiday("2026-08-25", "Maulid Nabi Muhammad SAW"),
          holiday("2026-12-24", "Hari Raya Natal", kLeave),
          holiday("2026-12-25", "Hari Raya Natal"),
      },
      {2025, 2026});
}

}  // namespace sigap::domain::sla::test_support
