// Hari kerja: Monday to Friday without libur nasional and cuti bersama, and which years the
// calendar knows.
#include "domain/sla/working_calendar.hpp"

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::sla {
namespace {

using test_support::calendar_2026;
using test_support::holiday;

struct DayRow {
  const char* date;
  bool holiday;
  bool working_day;
  const char* why;
};

class WorkingCalendarDays : public ::testing::TestWithParam<DayRow> {};

TEST_P(WorkingCalendarDays, TellsHolidaysAndWorkingDays) {
  const auto& row = GetParam();
  const auto calendar = calendar_2026();
  const auto date = parse_date(row.date).value();
  EXPECT_EQ(calendar.is_holiday(date), row.holiday) << row.date << ": " << row.why;
  EXPECT_EQ(calendar.is_working_day(date), row.working_day) << row.date << ": " << row.why;
}

INSTANTIATE_TEST_SUITE_P(
    Days, WorkingCalendarDays,
    ::testing::Values(DayRow{"2026-08-14", false, true, "an ordinary Friday"},
                      DayRow{"2026-08-15", false, false, "Saturday"}, DayRow{"2026-08-16", false, false, "Sunday"},
                      DayRow{"2026-08-17", true, false, "Independence Day, a Monday"},
                      DayRow{"2026-08-18", false, true, "the Tuesday after"},
                      DayRow{"2026-03-18", true, false, "cuti bersama for Nyepi"},
                      DayRow{"2026-03-24", true, false, "cuti bersama for Idul Fitri"},
                      DayRow{"2026-03-22", true, false,
                             "Idul Fitri on a Sunday: a holiday, not a working day twice over"},
                      DayRow{"2026-03-25", false, true, "back to work after Idul Fitri"},
                      DayRow{"2026-05-15", true, false, "cuti bersama after Ascension Day"},
                      DayRow{"2027-08-17", false, true, "2027 is not loaded: only weekdays are known"}));

TEST(WorkingCalendar, NamesTheHolidayAndItsKind) {
  const auto calendar = calendar_2026();
  const auto* independence = calendar.holiday_on(parse_date("2026-08-17").value());
  ASSERT_NE(independence, nullptr);
  EXPECT_EQ(independence->name, "Hari Kemerdekaan Republik Indonesia");
  EXPECT_EQ(independence->kind, HolidayKind::national_holiday);
  const auto* christmas_eve = calendar.holiday_on(parse_date("2026-12-24").value());
  ASSERT_NE(christmas_eve, nullptr);
  EXPECT_EQ(christmas_eve->kind, HolidayKind::collective_leave);
  EXPECT_EQ(calendar.holiday_on(parse_date("2026-08-18").value()), nullptr);
}

TEST(WorkingCalendar, CoversOnlyTheYearsLoaded) {
  const auto calendar = calendar_2026();
  EXPECT_TRUE(calendar.covers(2025));
  EXPECT_TRUE(calendar.covers(2026));
  EXPECT_FALSE(calendar.covers(2024));
  EXPECT_FALSE(calendar.covers(2027));
  EXPECT_FALSE(WorkingCalendar().covers(2026));
}

TEST(WorkingCalendar, KeepsHolidaysInDateOrderAndYearsAscendingOnce) {
  const WorkingCalendar calendar(
      {holiday("2026-12-25", "Natal"), holiday("2026-01-01", "Tahun Baru"), holiday("2026-08-17", "Kemerdekaan")},
      {2026, 2025, 2026});
  ASSERT_EQ(calendar.holidays().size(), 3U);
  EXPECT_EQ(calendar.holidays()[0].name, "Tahun Baru");
  EXPECT_EQ(calendar.holidays()[1].name, "Kemerdekaan");
  EXPECT_EQ(calendar.holidays()[2].name, "Natal");
  EXPECT_EQ(calendar.covered_years(), (std::vector<int>{2025, 2026}));
}

TEST(WorkingCalendar, TwoHolidaysOnOneDateReportTheFirstListed) {
  const WorkingCalendar calendar({holiday("2026-06-01", "Hari Lahir Pancasila"), holiday("2026-06-01", "Lainnya")},
                                 {2026});
  ASSERT_NE(calendar.holiday_on(parse_date("2026-06-01").value()), nullptr);
  EXPECT_EQ(calendar.holiday_on(parse_date("2026-06-01").value())->name, "Hari Lahir Pancasila");
}

}  // namespace
}  // namespace sigap::domain::sla
