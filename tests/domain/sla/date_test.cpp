// Civil dates: the ISO text form, what is refused, weekdays and the next day.
#include "domain/sla/date.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::sla {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

TEST(Date, ParsesAndFormatsTheIsoForm) {
  auto date = parse_date("2026-08-17");
  ASSERT_TRUE(date.has_value());
  EXPECT_EQ(*date, (Date{year{2026}, month{8}, day{17}}));
  EXPECT_EQ(format_date(*date), "2026-08-17");
  EXPECT_EQ(format_date(parse_date("2024-02-29").value()), "2024-02-29");
}

struct Refused {
  const char* text;
};

class DateRefuses : public ::testing::TestWithParam<Refused> {};

TEST_P(DateRefuses, AnythingButARealIsoDate) {
  EXPECT_FALSE(parse_date(GetParam().text).has_value()) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(Texts, DateRefuses,
                         ::testing::Values(Refused{""}, Refused{"2026-8-17"}, Refused{"2026/08/17"},
                                           Refused{"20260817"}, Refused{"2026-08-17T00:00"}, Refused{"2026-02-29"},
                                           Refused{"2026-13-01"}, Refused{"2026-00-10"}, Refused{"2026-04-31"},
                                           Refused{"2026-08-00"}, Refused{"+026-08-17"}, Refused{"2026-08-1x"},
                                           // beyond what a TimePoint holds (a fuzz finding)
                                           Refused{"6026-11-26"}, Refused{"0001-01-01"}, Refused{"2262-01-01"}));

struct WeekdayRow {
  const char* date;
  int weekday;  // 0 = Monday
};

class DateWeekday : public ::testing::TestWithParam<WeekdayRow> {};

TEST_P(DateWeekday, CountsFromMonday) {
  EXPECT_EQ(weekday_index(parse_date(GetParam().date).value()), GetParam().weekday) << GetParam().date;
}

INSTANTIATE_TEST_SUITE_P(Days, DateWeekday,
                         ::testing::Values(WeekdayRow{"2026-08-17", 0}, WeekdayRow{"2026-08-18", 1},
                                           WeekdayRow{"2026-08-14", 4}, WeekdayRow{"2026-08-15", 5},
                                           WeekdayRow{"2026-08-16", 6}, WeekdayRow{"2027-01-01", 4},
                                           WeekdayRow{"2025-01-01", 2}));

TEST(Date, NextDayCrossesMonthsYearsAndLeapDays) {
  EXPECT_EQ(format_date(next_day(parse_date("2026-08-17").value())), "2026-08-18");
  EXPECT_EQ(format_date(next_day(parse_date("2026-08-31").value())), "2026-09-01");
  EXPECT_EQ(format_date(next_day(parse_date("2026-12-31").value())), "2027-01-01");
  EXPECT_EQ(format_date(next_day(parse_date("2028-02-28").value())), "2028-02-29");
  EXPECT_EQ(format_date(next_day(parse_date("2026-02-28").value())), "2026-03-01");
}

}  // namespace
}  // namespace sigap::domain::sla
