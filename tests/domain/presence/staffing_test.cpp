// When an office counts as unstaffed, as a table on Palembang's office hours and 2026
// calendar: from the opening (or the last check-out) for more than 15 minutes, not in the Friday
// prayer break, not on a holiday, not while someone is in; and the week's hours.
#include "domain/presence/staffing.hpp"

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::presence {
namespace {

using sla::test_support::calendar_2026;
using sla::test_support::local;
using sla::test_support::office_hours;
using sla::test_support::show;
using namespace std::chrono_literals;

struct Row {
  const char* name;
  const char* now;  // WIB
  bool staffed_now;
  const char* last_check_out;  // WIB, "" = none
  bool serving;
  const char* unstaffed_since;  // WIB, "" = not unstaffed
  bool alert_due;
};

class StaffingTable : public ::testing::TestWithParam<Row> {};

TEST_P(StaffingTable, Decides) {
  const auto& row = GetParam();
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  OfficeHours office{hours, sla::UnitTimeZone::wib, calendar};
  StaffingInput input;
  input.staffed_now = row.staffed_now;
  if (*row.last_check_out) input.last_check_out = local(row.last_check_out);
  auto verdict = judge_staffing(office, input, local(row.now));
  EXPECT_EQ(verdict.serving, row.serving) << row.name;
  if (*row.unstaffed_since) {
    ASSERT_TRUE(verdict.unstaffed_since.has_value()) << row.name;
    EXPECT_EQ(*verdict.unstaffed_since, local(row.unstaffed_since))
        << row.name << ": " << show(*verdict.unstaffed_since);
  } else {
    EXPECT_FALSE(verdict.unstaffed_since.has_value()) << row.name;
  }
  EXPECT_EQ(verdict.alert_due, row.alert_due) << row.name;
}

INSTANTIATE_TEST_SUITE_P(
    Rules, StaffingTable,
    ::testing::Values(Row{"before opening", "2026-08-04 07:00", false, "", false, "", false},
                      Row{"opened, nobody yet", "2026-08-04 07:40", false, "", true, "2026-08-04 07:30", false},
                      Row{"15 minutes is not more than 15", "2026-08-04 07:45", false, "", true, "2026-08-04 07:30",
                          false},
                      Row{"16 minutes unstaffed", "2026-08-04 07:46", false, "", true, "2026-08-04 07:30", true},
                      Row{"someone is in", "2026-08-04 09:00", true, "", true, "", false},
                      Row{"left at 10:00, 10 minutes ago", "2026-08-04 10:10", false, "2026-08-04 10:00", true,
                          "2026-08-04 10:00", false},
                      Row{"left at 10:00, 20 minutes ago", "2026-08-04 10:20", false, "2026-08-04 10:00", true,
                          "2026-08-04 10:00", true},
                      Row{"yesterday's check-out does not count", "2026-08-04 07:50", false, "2026-08-03 15:00", true,
                          "2026-08-04 07:30", true},
                      Row{"after closing", "2026-08-04 16:30", false, "", false, "", false},
                      Row{"Friday prayer break", "2026-08-07 12:00", false, "", false, "", false},
                      Row{"after the Friday break, from 13:00", "2026-08-07 13:20", false, "2026-08-07 11:25", true,
                          "2026-08-07 13:00", true},
                      Row{"Saturday", "2026-08-08 09:00", false, "", false, "", false},
                      Row{"Independence Day", "2026-08-17 09:00", false, "", false, "", false}),
    [](const ::testing::TestParamInfo<Row>& info) {
      std::string name;
      for (const char* c = info.param.name; *c; ++c) name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
      return name;
    });

TEST(Staffing, ARoundTheClockOfficeIsOneStretchAcrossMidnight) {
  auto hours = master_data::parse_service_hours("mon-sun 00:00-24:00", "service_hours").value();
  const auto calendar = calendar_2026();
  OfficeHours office{hours, sla::UnitTimeZone::wib, calendar};
  // Nobody since Monday 22:00: at Tuesday 00:20 that is 2 h 20 min, not 20 minutes.
  auto verdict = judge_staffing(office, {false, local("2026-08-03 22:00")}, local("2026-08-04 00:20"));
  EXPECT_TRUE(verdict.serving);
  ASSERT_TRUE(verdict.unstaffed_since.has_value());
  EXPECT_EQ(*verdict.unstaffed_since, local("2026-08-03 22:00")) << show(*verdict.unstaffed_since);
}

TEST(Staffing, ServiceIntervalsSkipHolidaysAndTheBreak) {
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  OfficeHours office{hours, sla::UnitTimeZone::wib, calendar};
  // Week of Mon 17 Aug 2026 (a holiday) to Fri 21 Aug: 3 × 8.5 h + 7.5 h = 33 h.
  auto intervals = service_intervals(office, local("2026-08-17 00:00"), local("2026-08-22 00:00"));
  EXPECT_EQ(covered(intervals, local("2026-08-17 00:00"), local("2026-08-22 00:00")), 33h);
  ASSERT_EQ(intervals.size(), 5U);  // Tue, Wed, Thu, and Friday's two
  EXPECT_EQ(intervals.front().from, local("2026-08-18 07:30"));
}

TEST(Staffing, WeekStartsOnMondayAtLocalMidnight) {
  EXPECT_EQ(week_start(local("2026-08-06 10:00"), sla::UnitTimeZone::wib), local("2026-08-03 00:00"));
  EXPECT_EQ(week_start(local("2026-08-03 00:00"), sla::UnitTimeZone::wib), local("2026-08-03 00:00"));
  EXPECT_EQ(week_start(local("2026-08-09 23:59"), sla::UnitTimeZone::wib), local("2026-08-03 00:00"));
  EXPECT_EQ(week_start(local("2026-08-10 00:30", sla::UnitTimeZone::wit), sla::UnitTimeZone::wit),
            local("2026-08-10 00:00", sla::UnitTimeZone::wit));
}

TEST(Staffing, CoveredTimeCountsOverlapsOnce) {
  const auto from = local("2026-08-04 00:00");
  const auto to = local("2026-08-05 00:00");
  std::vector<Interval> two_people{{local("2026-08-04 07:30"), local("2026-08-04 12:00")},
                                   {local("2026-08-04 10:00"), local("2026-08-04 16:00")},
                                   {local("2026-08-03 20:00"), local("2026-08-04 01:00")}};
  EXPECT_EQ(covered(two_people, from, to), 1h + 8h + 30min);
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  OfficeHours office{hours, sla::UnitTimeZone::wib, calendar};
  // Of Tuesday's 8.5 service hours, 07:30-16:00 are all covered but the night stretch is not service.
  EXPECT_EQ(overlap(service_intervals(office, from, to), two_people, from, to), 8h + 30min);
}

}  // namespace
}  // namespace sigap::domain::presence
