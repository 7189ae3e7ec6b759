// SLA deadlines as case tables: weekends, libur nasional, cuti bersama, reports outside service
// hours and in the Friday prayer break, WIB against WIT, need_info pauses, calendar-hour
// targets, and a deadline that runs into a year with no calendar. A new rule is a new row.
#include "domain/sla/deadline.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::sla {
namespace {

using test_support::calendar_2026;
using test_support::local;
using test_support::office_hours;
using test_support::show;
using test_support::utc;
using namespace std::chrono_literals;

// --- Deadlines for a Palembang office (WIB, "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30").

struct DeadlineRow {
  const char* name;
  const char* received;  // WIB wall clock
  SlaTarget target;
  const char* due;  // WIB wall clock
};

class DeadlineTable : public ::testing::TestWithParam<DeadlineRow> {};

TEST_P(DeadlineTable, FallsWhereTheRulesSay) {
  const auto& row = GetParam();
  auto due = deadline(local(row.received), row.target, calendar_2026(), office_hours(), UnitTimeZone::wib);
  ASSERT_TRUE(due.ok()) << row.name << ": " << due.error().message().en;
  EXPECT_EQ(*due, local(row.due)) << row.name << ": got " << show(*due);
}

INSTANTIATE_TEST_SUITE_P(
    Palembang, DeadlineTable,
    ::testing::Values(
        // Working days: the day received is day 0; the deadline is the close of service on day N.
        DeadlineRow{"mid-week", "2026-08-04 10:00", SlaTarget::working_days(3), "2026-08-07 16:30"},
        DeadlineRow{"across a weekend", "2026-08-06 10:00", SlaTarget::working_days(3), "2026-08-11 16:00"},
        DeadlineRow{"across Independence Day (Mon 17 Aug)", "2026-08-14 10:00", SlaTarget::working_days(3),
                    "2026-08-20 16:00"},
        DeadlineRow{"received on the holiday itself", "2026-08-17 09:00", SlaTarget::working_days(3),
                    "2026-08-21 16:30"},
        DeadlineRow{"cuti bersama around Nyepi and Idul Fitri (18-24 Mar)", "2026-03-17 10:00",
                    SlaTarget::working_days(3), "2026-03-27 16:30"},
        DeadlineRow{"Ascension Day and its cuti bersama (14-15 May)", "2026-05-13 10:00", SlaTarget::working_days(3),
                    "2026-05-20 16:00"},
        DeadlineRow{"follow-up, 5 working days across 17 Aug", "2026-08-13 10:00", SlaTarget::working_days(5),
                    "2026-08-21 16:30"},
        DeadlineRow{"1 working day over Maulid Nabi (Tue 25 Aug)", "2026-08-24 10:00", SlaTarget::working_days(1),
                    "2026-08-26 16:00"},
        // Outside service hours: received at the next opening.
        DeadlineRow{"evening: counted from the next morning", "2026-08-04 19:00", SlaTarget::working_days(3),
                    "2026-08-10 16:00"},
        DeadlineRow{"before opening: that day is day 0", "2026-08-04 06:00", SlaTarget::working_days(3),
                    "2026-08-07 16:30"},
        DeadlineRow{"Friday prayer break: received at 13:00 that Friday", "2026-08-07 12:00",
                    SlaTarget::working_days(3), "2026-08-12 16:00"},
        DeadlineRow{"Friday after closing: received Monday", "2026-08-07 16:45", SlaTarget::working_days(3),
                    "2026-08-13 16:00"},
        DeadlineRow{"at the closing minute: already closed", "2026-08-06 16:00", SlaTarget::working_days(3),
                    "2026-08-12 16:00"},
        DeadlineRow{"one minute before closing: still that day", "2026-08-06 15:59", SlaTarget::working_days(3),
                    "2026-08-11 16:00"},
        DeadlineRow{"Saturday: received Monday", "2026-08-08 10:00", SlaTarget::working_days(3), "2026-08-13 16:00"},
        DeadlineRow{"Christmas: cuti bersama 24 Dec, holiday 25 Dec", "2026-12-23 10:00", SlaTarget::working_days(3),
                    "2026-12-30 16:00"},
        // Calendar hours: plain elapsed time, nights, weekends and holidays included.
        DeadlineRow{"1x24 hours over a Saturday", "2026-08-14 10:00", SlaTarget::hours(24), "2026-08-15 10:00"},
        DeadlineRow{"1x24 hours into a holiday", "2026-08-16 22:00", SlaTarget::hours(24), "2026-08-17 22:00"},
        DeadlineRow{"1x24 hours from the evening", "2026-08-04 19:00", SlaTarget::hours(24), "2026-08-05 19:00"},
        DeadlineRow{"60 days (Perpres 76/2013)", "2026-08-14 10:00", SlaTarget::calendar_days(60), "2026-10-13 10:00"},
        DeadlineRow{"60 calendar days need no 2027 calendar", "2026-12-01 09:00", SlaTarget::calendar_days(60),
                    "2027-01-30 09:00"}));

// --- The same UTC instant in different zones: a unit counts on its own wall clock.

struct ZoneRow {
  const char* name;
  UnitTimeZone zone;
  const char* received;  // UTC
  SlaTarget target;
  const char* due;  // UTC
};

class DeadlineAcrossZones : public ::testing::TestWithParam<ZoneRow> {};

TEST_P(DeadlineAcrossZones, CountsOnTheUnitsWallClock) {
  const auto& row = GetParam();
  auto due = deadline(utc(row.received), row.target, calendar_2026(), office_hours(), row.zone);
  ASSERT_TRUE(due.ok()) << row.name << ": " << due.error().message().en;
  EXPECT_EQ(*due, utc(row.due)) << row.name << ": got " << show(*due, row.zone);
}

INSTANTIATE_TEST_SUITE_P(
    Zones, DeadlineAcrossZones,
    ::testing::Values(
        // 2026-08-14T08:00Z is Friday 15:00 WIB (open), 16:00 WITA (open), 17:00 WIT (closed).
        ZoneRow{"WIB: open, Friday is day 0; due Thu 20 16:00 WIB", UnitTimeZone::wib, "2026-08-14T08:00:00Z",
                SlaTarget::working_days(3), "2026-08-20T09:00:00Z"},
        ZoneRow{"WITA: open, Friday is day 0; due Thu 20 16:00 WITA", UnitTimeZone::wita, "2026-08-14T08:00:00Z",
                SlaTarget::working_days(3), "2026-08-20T08:00:00Z"},
        ZoneRow{"WIT: closed, Tue 18 is day 0; due Fri 21 16:30 WIT", UnitTimeZone::wit, "2026-08-14T08:00:00Z",
                SlaTarget::working_days(3), "2026-08-21T07:30:00Z"},
        // Thursday 20:00 UTC is already Friday 03:00 in WIB: the local date decides, not the UTC one.
        ZoneRow{"WIB: a UTC Thursday evening is Friday morning", UnitTimeZone::wib, "2026-08-13T20:00:00Z",
                SlaTarget::working_days(3), "2026-08-20T09:00:00Z"},
        ZoneRow{"hours do not depend on the zone (WIB)", UnitTimeZone::wib, "2026-08-14T08:00:00Z",
                SlaTarget::hours(24), "2026-08-15T08:00:00Z"},
        ZoneRow{"hours do not depend on the zone (WIT)", UnitTimeZone::wit, "2026-08-14T08:00:00Z",
                SlaTarget::hours(24), "2026-08-15T08:00:00Z"}));

// --- Counting that reaches a year without a calendar is refused, naming the year.

struct UncoveredRow {
  const char* name;
  const char* received;  // WIB
  SlaTarget target;
  const char* year;
};

class DeadlineWithoutCalendar : public ::testing::TestWithParam<UncoveredRow> {};

TEST_P(DeadlineWithoutCalendar, IsUnavailableAndNamesTheYear) {
  const auto& row = GetParam();
  auto due = deadline(local(row.received), row.target, calendar_2026(), office_hours(), UnitTimeZone::wib);
  ASSERT_FALSE(due.ok()) << row.name << ": got " << show(*due);
  EXPECT_EQ(due.error().code(), ErrorCode::unavailable) << row.name;
  EXPECT_NE(due.error().message().en.find(row.year), std::string::npos) << due.error().message().en;
  EXPECT_NE(due.error().message().id.find(row.year), std::string::npos) << due.error().message().id;
}

INSTANTIATE_TEST_SUITE_P(
    Years, DeadlineWithoutCalendar,
    ::testing::Values(UncoveredRow{"5 working days from 23 Dec run into 2027", "2026-12-23 10:00",
                                   SlaTarget::working_days(5), "2027"},
                      UncoveredRow{"received after the last close of 2026", "2026-12-31 17:00",
                                   SlaTarget::working_days(1), "2027"},
                      UncoveredRow{"received in 2027", "2027-01-04 10:00", SlaTarget::working_days(3), "2027"},
                      UncoveredRow{"received in 2024", "2024-12-02 10:00", SlaTarget::working_days(3), "2024"}));

TEST(Deadline, RefusesATargetBelowOne) {
  for (auto target : {SlaTarget::working_days(0), SlaTarget::hours(0), SlaTarget::hours(-5)}) {
    auto due = deadline(local("2026-08-04 10:00"), target, calendar_2026(), office_hours(), UnitTimeZone::wib);
    ASSERT_FALSE(due.ok());
    EXPECT_EQ(due.error().code(), ErrorCode::validation);
  }
}

TEST(Deadline, RefusesWorkingDaysForAUnitWithoutWeekdayHours) {
  auto weekend_only = master_data::parse_service_hours("sat-sun 08:00-12:00", "service_hours").value();
  auto due =
      deadline(local("2026-08-04 10:00"), SlaTarget::working_days(3), calendar_2026(), weekend_only, UnitTimeZone::wib);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code(), ErrorCode::validation);
  EXPECT_EQ(due.error().fields().at(0).field, "service_hours");
  // Calendar hours still work: they never look at service hours.
  EXPECT_TRUE(
      deadline(local("2026-08-04 10:00"), SlaTarget::hours(24), calendar_2026(), weekend_only, UnitTimeZone::wib).ok());
}

TEST(Deadline, ServiceHallOpenOnSaturdayStillCountsOnlyWeekdays) {
  auto hall = master_data::parse_service_hours("mon-fri 08:00-15:00; sat 08:00-12:00", "service_hours").value();
  auto due = deadline(local("2026-08-06 10:00"), SlaTarget::working_days(3), calendar_2026(), hall, UnitTimeZone::wib);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, local("2026-08-11 15:00")) << show(*due);
}

// --- need_info pauses: the clock stops.

struct PauseRow {
  const char* name;
  const char* received;  // WIB
  SlaTarget target;
  std::vector<std::pair<const char*, const char*>> pauses;  // WIB [from, to)
  const char* due;                                          // WIB
};

class DeadlineWithPauses : public ::testing::TestWithParam<PauseRow> {};

TEST_P(DeadlineWithPauses, MovesByTheTimeTheClockStood) {
  const auto& row = GetParam();
  std::vector<Pause> pauses;
  for (const auto& [from, to] : row.pauses) pauses.push_back(Pause{local(from), local(to)});
  auto due = deadline(local(row.received), row.target, pauses, calendar_2026(), office_hours(), UnitTimeZone::wib);
  ASSERT_TRUE(due.ok()) << row.name << ": " << due.error().message().en;
  EXPECT_EQ(*due, local(row.due)) << row.name << ": got " << show(*due);
}

// Received Tue 4 Aug 10:00, 5 working days: due Tue 11 Aug 16:00 without pauses.
constexpr auto kFollowUp = SlaTarget::working_days(5);

INSTANTIATE_TEST_SUITE_P(
    NeedInfo, DeadlineWithPauses,
    ::testing::Values(PauseRow{"no pause", "2026-08-04 10:00", kFollowUp, {}, "2026-08-11 16:00"},
                      PauseRow{"a whole Wednesday costs one service day",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-05 07:30", "2026-08-06 07:30"}},
                               "2026-08-12 16:00"},
                      PauseRow{"over a weekend costs nothing",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-07 17:00", "2026-08-10 07:00"}},
                               "2026-08-11 16:00"},
                      PauseRow{"two service hours spill into the next morning",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-05 10:00", "2026-08-05 12:00"}},
                               "2026-08-12 09:30"},
                      PauseRow{"the Friday prayer break is not service time",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-07 11:00", "2026-08-07 14:00"}},
                               "2026-08-12 09:00"},
                      PauseRow{"overlapping pauses count once",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-05 11:00", "2026-08-05 13:00"}, {"2026-08-05 10:00", "2026-08-05 12:00"}},
                               "2026-08-12 10:30"},
                      PauseRow{"a pause after the deadline changes nothing",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-12 09:00", "2026-08-13 09:00"}},
                               "2026-08-11 16:00"},
                      PauseRow{"a pause across the deadline keeps what was left",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-11 15:00", "2026-08-13 10:00"}},
                               "2026-08-13 11:00"},
                      PauseRow{"a pause over Independence Day costs only Friday's and Tuesday's service time",
                               "2026-08-13 10:00",
                               kFollowUp,
                               {{"2026-08-14 16:00", "2026-08-18 08:30"}},
                               "2026-08-24 09:00"},
                      PauseRow{"an empty or reversed pause is ignored",
                               "2026-08-04 10:00",
                               kFollowUp,
                               {{"2026-08-05 10:00", "2026-08-05 10:00"}, {"2026-08-06 12:00", "2026-08-06 10:00"}},
                               "2026-08-11 16:00"},
                      PauseRow{"1x24 hours stop for eight calendar hours",
                               "2026-08-14 10:00",
                               SlaTarget::hours(24),
                               {{"2026-08-14 12:00", "2026-08-14 20:00"}},
                               "2026-08-15 18:00"},
                      PauseRow{"1x24 hours: a pause after the deadline changes nothing",
                               "2026-08-14 10:00",
                               SlaTarget::hours(24),
                               {{"2026-08-15 11:00", "2026-08-16 11:00"}},
                               "2026-08-15 10:00"},
                      PauseRow{"60 days plus ten days waiting for the reporter",
                               "2026-08-14 10:00",
                               SlaTarget::calendar_days(60),
                               {{"2026-08-20 10:00", "2026-08-30 10:00"}},
                               "2026-10-23 10:00"}));

TEST(Deadline, APauseRunningIntoAnUncoveredYearIsUnavailable) {
  const std::vector<Pause> pauses{{local("2026-12-28 10:00"), local("2027-01-05 10:00")}};
  auto due = deadline(local("2026-12-23 10:00"), SlaTarget::working_days(3), pauses, calendar_2026(), office_hours(),
                      UnitTimeZone::wib);
  ASSERT_FALSE(due.ok());
  EXPECT_EQ(due.error().code(), ErrorCode::unavailable);
  EXPECT_NE(due.error().message().en.find("2027"), std::string::npos);
}

// --- Service time, the unit working-day deadlines and pauses are counted in.

TEST(ServiceTime, CountsOnlyOpeningHoursOfServiceDays) {
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const Schedule schedule{calendar, hours, UnitTimeZone::wib};
  // Friday 10:00 to Tuesday 10:00 over Independence Day: Fri 1.5 h + 3.5 h, Tue 2.5 h.
  EXPECT_EQ(service_time_between(local("2026-08-14 10:00"), local("2026-08-18 10:00"), schedule).value(), 7h + 30min);
  EXPECT_EQ(service_time_between(local("2026-08-15 00:00"), local("2026-08-17 23:59"), schedule).value(), 0min);
  EXPECT_EQ(service_time_between(local("2026-08-18 10:00"), local("2026-08-14 10:00"), schedule).value(), 0min);
  EXPECT_FALSE(service_time_between(local("2026-12-31 10:00"), local("2027-01-04 10:00"), schedule).ok());
}

TEST(ServiceTime, AdvanceStopsAtACloseRatherThanTheNextOpening) {
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const Schedule schedule{calendar, hours, UnitTimeZone::wib};
  EXPECT_EQ(advance_service_time(local("2026-08-13 15:00"), 1h, schedule).value(), local("2026-08-13 16:00"));
  EXPECT_EQ(advance_service_time(local("2026-08-13 15:00"), 2h, schedule).value(), local("2026-08-14 08:30"));
  EXPECT_EQ(advance_service_time(local("2026-08-14 11:00"), 1h, schedule).value(), local("2026-08-14 13:30"));
  EXPECT_EQ(advance_service_time(local("2026-08-14 16:00"), 1h, schedule).value(), local("2026-08-18 08:00"));
  EXPECT_EQ(advance_service_time(local("2026-08-15 10:00"), 0min, schedule).value(), local("2026-08-15 10:00"));
}

// --- How much of the allowed time is used: the 75% warning.

TEST(ElapsedFraction, CalendarTimeWithoutPauses) {
  const auto start = local("2026-08-14 10:00");
  const auto due = start + 24h;
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, start - 1h), 0.0);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, start), 0.0);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, start + 6h), 0.25);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, start + 18h), 0.75);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, due), 1.0);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, due, due + 48h), 1.0);
}

TEST(ElapsedFraction, CalendarTimeLeavesPausesOut) {
  // 24 hours from Friday 10:00, paused 12:00-20:00: due Saturday 18:00.
  const auto start = local("2026-08-14 10:00");
  const std::vector<Pause> pauses{{local("2026-08-14 12:00"), local("2026-08-14 20:00")}};
  const auto due = deadline(start, SlaTarget::hours(24), pauses, calendar_2026(), office_hours(), UnitTimeZone::wib);
  ASSERT_EQ(due.value(), local("2026-08-15 18:00"));
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, *due, local("2026-08-14 16:00"), pauses), 2.0 / 24.0);
  EXPECT_DOUBLE_EQ(elapsed_fraction(start, *due, local("2026-08-15 12:00"), pauses), 0.75);
}

TEST(ElapsedFraction, WorkingDaysCountServiceTimeNotTheWeekend) {
  // Friday 7 Aug 10:00, 3 working days: due Wed 12 Aug 16:00. Allowed service time: Friday
  // 1.5 h + 3.5 h, then 8.5 h on each of Mon, Tue and Wed = 30.5 h.
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const auto start = local("2026-08-07 10:00");
  const auto target = SlaTarget::working_days(3);
  const auto due = deadline(start, target, calendar, hours, UnitTimeZone::wib).value();
  ASSERT_EQ(due, local("2026-08-12 16:00"));
  const auto fraction_at = [&](const char* now) {
    return elapsed_fraction(start, due, local(now), {}, target, calendar, hours, UnitTimeZone::wib);
  };
  EXPECT_NEAR(fraction_at("2026-08-10 08:00"), 5.5 / 30.5, 1e-9);
  // Over the same weekend calendar time would already be more than half gone.
  EXPECT_GT(elapsed_fraction(start, due, local("2026-08-10 08:00")), 0.5);
  EXPECT_NEAR(fraction_at("2026-08-11 16:00"), 22.0 / 30.5, 1e-9);
  EXPECT_NEAR(fraction_at("2026-08-12 08:22"), 0.75 - 0.5 / 60 / 30.5, 1e-9);  // warned half a minute later
  EXPECT_DOUBLE_EQ(fraction_at("2026-08-12 16:00"), 1.0);
  EXPECT_DOUBLE_EQ(fraction_at("2026-08-08 10:00"), 5.0 / 30.5);  // nothing used on Saturday
}

TEST(ElapsedFraction, WorkingDaysLeavePausesOut) {
  // As above, with Monday 10 Aug spent waiting for the reporter: due Thu 13 Aug 16:00.
  const auto calendar = calendar_2026();
  const auto hours = office_hours();
  const auto start = local("2026-08-07 10:00");
  const auto target = SlaTarget::working_days(3);
  const std::vector<Pause> pauses{{local("2026-08-10 07:30"), local("2026-08-11 07:30")}};
  const auto due = deadline(start, target, pauses, calendar, hours, UnitTimeZone::wib).value();
  ASSERT_EQ(due, local("2026-08-13 16:00"));
  EXPECT_NEAR(
      elapsed_fraction(start, due, local("2026-08-11 16:00"), pauses, target, calendar, hours, UnitTimeZone::wib),
      13.5 / 30.5, 1e-9);
}

}  // namespace
}  // namespace sigap::domain::sla
