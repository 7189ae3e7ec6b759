// Weekly service hours: the text form, when a unit is open, and what is refused.
#include "domain/master_data/service_hours.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::master_data {
namespace {

constexpr int kMon = 0, kTue = 1, kThu = 3, kFri = 4, kSat = 5, kSun = 6;

constexpr int at(int hours, int minutes) { return hours * 60 + minutes; }

ServiceHours parsed(std::string_view text) {
  auto hours = parse_service_hours(text, "service_hours");
  EXPECT_TRUE(hours.ok()) << text;
  return hours.ok() ? hours.value() : ServiceHours{};
}

constexpr std::string_view kOfficeHours = "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30";

TEST(ServiceHours, ParsesDayRangesAndSplitDays) {
  auto hours = parsed(kOfficeHours);
  for (int day = kMon; day <= kThu; ++day) {
    EXPECT_EQ(hours.days[static_cast<std::size_t>(day)], (std::vector<OpeningInterval>{{at(7, 30), at(16, 0)}}));
  }
  EXPECT_EQ(hours.days[kFri], (std::vector<OpeningInterval>{{at(7, 30), at(11, 30)}, {at(13, 0), at(16, 30)}}));
  EXPECT_TRUE(hours.days[kSat].empty());
  EXPECT_TRUE(hours.days[kSun].empty());
}

TEST(ServiceHours, FormatThenParseGivesTheSameHours) {
  for (std::string_view text : {kOfficeHours, std::string_view("mon-sun 00:00-24:00"),
                                std::string_view("mon 08:00-12:00; wed 08:00-12:00; sat-sun 09:00-10:00,11:00-12:00"),
                                std::string_view("")}) {
    auto hours = parsed(text);
    auto formatted = format_service_hours(hours);
    EXPECT_EQ(formatted, text);
    EXPECT_EQ(parsed(formatted), hours) << formatted;
  }
}

TEST(ServiceHours, FormatJoinsEqualNeighbourDaysIntoARange) {
  auto hours = parsed("mon 08:00-12:00;tue 08:00-12:00;  wed   08:00-12:00 ; fri 08:00-12:00");
  EXPECT_EQ(format_service_hours(hours), "mon-wed 08:00-12:00; fri 08:00-12:00");
}

TEST(ServiceHours, OpenFromTheOpeningMinuteUntilJustBeforeClosing) {
  auto hours = parsed(kOfficeHours);
  EXPECT_FALSE(hours.is_open(kMon, at(7, 29)));
  EXPECT_TRUE(hours.is_open(kMon, at(7, 30)));
  EXPECT_TRUE(hours.is_open(kTue, at(12, 0)));
  EXPECT_TRUE(hours.is_open(kThu, at(15, 59)));
  EXPECT_FALSE(hours.is_open(kThu, at(16, 0)));
}

TEST(ServiceHours, ClosedDuringTheFridayPrayerBreak) {
  auto hours = parsed(kOfficeHours);
  EXPECT_TRUE(hours.is_open(kFri, at(11, 29)));
  EXPECT_FALSE(hours.is_open(kFri, at(11, 30)));
  EXPECT_FALSE(hours.is_open(kFri, at(12, 15)));
  EXPECT_FALSE(hours.is_open(kFri, at(12, 59)));
  EXPECT_TRUE(hours.is_open(kFri, at(13, 0)));
  EXPECT_TRUE(hours.is_open(kFri, at(16, 29)));
  EXPECT_FALSE(hours.is_open(kFri, at(16, 30)));
}

TEST(ServiceHours, ClosedOnDaysNotListed) {
  auto hours = parsed(kOfficeHours);
  EXPECT_FALSE(hours.is_open(kSat, at(10, 0)));
  EXPECT_FALSE(hours.is_open(kSun, at(10, 0)));
}

TEST(ServiceHours, AllDayEveryDayIsOpenAroundTheClock) {
  auto hours = parsed("mon-sun 00:00-24:00");
  for (int day = kMon; day <= kSun; ++day) {
    EXPECT_TRUE(hours.is_open(day, 0)) << weekday_name(day);
    EXPECT_TRUE(hours.is_open(day, at(12, 0))) << weekday_name(day);
    EXPECT_TRUE(hours.is_open(day, at(23, 59))) << weekday_name(day);
  }
}

TEST(ServiceHours, AWeekdayOutsideTheWeekIsNeverOpen) {
  auto hours = parsed("mon-sun 00:00-24:00");
  EXPECT_FALSE(hours.is_open(-1, at(12, 0)));
  EXPECT_FALSE(hours.is_open(7, at(12, 0)));
}

TEST(ServiceHours, EmptyTextMeansNoServiceHours) {
  auto hours = parsed("  ");
  for (int day = kMon; day <= kSun; ++day) EXPECT_FALSE(hours.is_open(day, at(10, 0)));
  EXPECT_EQ(format_service_hours(hours), "");
}

TEST(ServiceHours, TouchingRangesAreAllowed) {
  auto hours = parsed("mon 08:00-12:00,12:00-16:00");
  EXPECT_TRUE(hours.is_open(kMon, at(11, 59)));
  EXPECT_TRUE(hours.is_open(kMon, at(12, 0)));
}

struct RejectedCase {
  std::string_view text;
  std::string_view why;
};

void PrintTo(const RejectedCase& row, std::ostream* out) { *out << '"' << row.text << "\" (" << row.why << ')'; }

class ServiceHoursRejects : public ::testing::TestWithParam<RejectedCase> {};

TEST_P(ServiceHoursRejects, WithAValidationErrorNamingTheField) {
  auto hours = parse_service_hours(GetParam().text, "units line 4");
  ASSERT_FALSE(hours.ok()) << GetParam().why << ": \"" << GetParam().text << "\" was accepted";
  EXPECT_EQ(hours.error().code(), ErrorCode::validation);
  ASSERT_EQ(hours.error().fields().size(), 1U);
  EXPECT_EQ(hours.error().fields()[0].field, "units line 4");
}

INSTANTIATE_TEST_SUITE_P(
    Table, ServiceHoursRejects,
    ::testing::Values(RejectedCase{"mon 08:00-12:00,11:00-14:00", "overlapping ranges"},
                      RejectedCase{"mon 13:00-16:00,08:00-12:00", "ranges out of order"},
                      RejectedCase{"mon 16:00-08:00", "close before open"},
                      RejectedCase{"mon 08:00-08:00", "close equals open"},
                      RejectedCase{"mon 25:00-26:00", "hour 25"}, RejectedCase{"mon 08:00-25:00", "hour 25"},
                      RejectedCase{"mon 08:00-24:30", "past the end of the day"},
                      RejectedCase{"mon 08:60-09:00", "minute 60"}, RejectedCase{"mon 8:00-12:00", "one-digit hour"},
                      RejectedCase{"mon 08.00-12.00", "dots instead of colons"},
                      RejectedCase{"mon 08:00", "no closing time"}, RejectedCase{"mon", "no times"},
                      RejectedCase{"mon ", "no times"},
                      RejectedCase{"senin 08:00-12:00", "unknown day"}, RejectedCase{"Mon 08:00-12:00", "upper case"},
                      RejectedCase{"mon-thu 08:00-12:00; wed 13:00-15:00", "a day named twice"},
                      RejectedCase{"fri 08:00-11:00; fri 13:00-16:00", "a day named twice"},
                      RejectedCase{"fri-mon 08:00-12:00", "reversed day range"},
                      RejectedCase{"mon- 08:00-12:00", "open day range"},
                      RejectedCase{"08:00-12:00", "no days"}));

}  // namespace
}  // namespace sigap::domain::master_data
