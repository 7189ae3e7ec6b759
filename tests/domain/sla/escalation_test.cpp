// When each SLA level falls due: 75 % of the allowed time (warn the holder), the deadline
// (the supervisor), a further quarter of the allowed time (the parent unit) — counted the way
// the target counts, pauses left out.
#include "domain/sla/escalation.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::sla {
namespace {

using test_support::calendar_2026;
using test_support::local;
using test_support::office_hours;
using test_support::show;

struct LevelRow {
  const char* name;
  const char* start;  // WIB
  SlaTarget target;
  std::vector<std::pair<const char*, const char*>> pauses;
  const char* warn;
  const char* breach;
  const char* parent;
};

class LevelTable : public ::testing::TestWithParam<LevelRow> {};

TEST_P(LevelTable, FallWhereTheSharesOfTheAllowedTimeAre) {
  const auto& row = GetParam();
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const Schedule schedule{calendar, hours, UnitTimeZone::wib};
  std::vector<Pause> pauses;
  for (auto [from, to] : row.pauses) pauses.push_back({local(from), local(to)});
  auto due = deadline(local(row.start), row.target, pauses, calendar, hours, UnitTimeZone::wib);
  ASSERT_TRUE(due.ok()) << row.name;
  auto times = level_times(local(row.start), *due, pauses, row.target, schedule);
  ASSERT_TRUE(times.ok()) << row.name << ": " << times.error().message().en;
  EXPECT_EQ(times->warn, local(row.warn)) << row.name << ": got " << show(times->warn);
  EXPECT_EQ(times->breach, local(row.breach)) << row.name << ": got " << show(times->breach);
  EXPECT_EQ(times->parent, local(row.parent)) << row.name << ": got " << show(times->parent);
}

INSTANTIATE_TEST_SUITE_P(
    Palembang, LevelTable,
    ::testing::Values(LevelRow{"24 hours",
                               "2026-08-14 10:00",
                               SlaTarget::hours(24),
                               {},
                               "2026-08-15 04:00",
                               "2026-08-15 10:00",
                               "2026-08-15 16:00"},
                      LevelRow{"24 hours with a 2-hour tunda",
                               "2026-08-14 10:00",
                               SlaTarget::hours(24),
                               {{"2026-08-14 12:00", "2026-08-14 14:00"}},
                               "2026-08-15 06:00",
                               "2026-08-15 12:00",
                               "2026-08-15 18:00"},
                      // Tue 4 Aug 09:30, 3 working days: 6.5 h left of Tuesday + Wed 8.5 + Thu 8.5 + Fri 7.5 = 31 h
                      // of service time. 75 % = 23.25 h: Tue 6.5, Wed 8.5, Thu 8.25 -> Thu 15:45. A quarter more
                      // after Friday's close = 7.75 h: Mon 07:30 + 7:45 = 15:15.
                      LevelRow{"3 working days",
                               "2026-08-04 09:30",
                               SlaTarget::working_days(3),
                               {},
                               "2026-08-06 15:45",
                               "2026-08-07 16:30",
                               "2026-08-10 15:15"},
                      // Received Fri 14 Aug 07:30 (after Thursday's close); Independence Day (Mon 17 Aug) and the
                      // weekend use no service time: Fri 7.5 h + Tue 8.5 h = 16 h; 12 h -> Tue 12:00; 4 h more
                      // after Tuesday's close -> Wed 11:30.
                      LevelRow{"across 17 August",
                               "2026-08-13 16:00",
                               SlaTarget::working_days(1),
                               {},
                               "2026-08-18 12:00",
                               "2026-08-18 16:00",
                               "2026-08-19 11:30"}));

TEST(LevelDue, IsTheHighestLevelWhoseTimeHasCome) {
  const LevelTimes times{local("2026-08-06 15:45"), local("2026-08-07 16:30"), local("2026-08-10 15:15")};
  struct Row {
    const char* now;
    SlaLevel level;
  };
  const Row rows[] = {
      {"2026-08-04 10:00", SlaLevel::on_time},
      {"2026-08-06 15:44", SlaLevel::on_time},
      {"2026-08-06 15:45", SlaLevel::warned},
      {"2026-08-07 16:29", SlaLevel::warned},
      {"2026-08-07 16:30", SlaLevel::escalated_supervisor},
      {"2026-08-10 15:14", SlaLevel::escalated_supervisor},
      {"2026-08-10 15:15", SlaLevel::escalated_parent},
      {"2026-12-31 00:00", SlaLevel::escalated_parent},
  };
  for (const auto& row : rows) EXPECT_EQ(level_due(times, local(row.now)), row.level) << row.now;
  EXPECT_EQ(next_level_at(times, SlaLevel::on_time), times.warn);
  EXPECT_EQ(next_level_at(times, SlaLevel::warned), times.breach);
  EXPECT_EQ(next_level_at(times, SlaLevel::escalated_supervisor), times.parent);
  EXPECT_EQ(next_level_at(times, SlaLevel::escalated_parent), std::nullopt);
}

TEST(LevelTimes, AYearWithoutACalendarIsUnavailable) {
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const Schedule schedule{calendar, hours, UnitTimeZone::wib};
  // Due at the last close of 2026; the parent escalation would be counted into 2027.
  auto times =
      level_times(local("2026-12-28 08:00"), local("2026-12-31 16:00"), {}, SlaTarget::working_days(3), schedule);
  ASSERT_FALSE(times.ok());
  EXPECT_EQ(times.error().code(), ErrorCode::unavailable);
}

}  // namespace
}  // namespace sigap::domain::sla
