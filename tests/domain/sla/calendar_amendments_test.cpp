// The working calendar in force: the decreed one with the admins' amendments and years.
#include "domain/sla/calendar_amendments.hpp"

#include <vector>

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::sla {
namespace {

Date day(const char* text) { return parse_date(text).value(); }

TEST(AmendedCalendar, AmendmentsReplaceTheDecreeAndDeclaredYearsAreCovered) {
  const std::vector<CalendarAmendment> amendments{
      {day("2026-08-18"), AmendmentKind::collective_leave, "Cuti bersama tambahan"},
      {day("2026-08-25"), AmendmentKind::working_day, ""},  // Maulid moved
      {day("2027-01-01"), AmendmentKind::holiday, "Tahun Baru 2027"},
  };
  const std::vector<int> years{2027};
  auto calendar = amended_calendar(test_support::calendar_2026(), amendments, years);
  struct Row {
    const char* date;
    bool working;
  };
  const Row rows[] = {
      {"2026-08-17", false},  // decreed, untouched
      {"2026-08-18", false},  // added
      {"2026-08-25", true},   // cancelled
      {"2026-08-26", true},  {"2027-01-01", false}, {"2027-01-04", true},
  };
  for (const auto& row : rows) EXPECT_EQ(calendar.is_working_day(day(row.date)), row.working) << row.date;
  EXPECT_TRUE(calendar.covers(2027));
  EXPECT_FALSE(calendar.covers(2028));
  EXPECT_EQ(calendar.holiday_on(day("2026-08-18"))->kind, HolidayKind::collective_leave);
}

TEST(AmendmentKind, NamesRoundTripAndOthersAreRefusedByField) {
  for (auto kind : {AmendmentKind::holiday, AmendmentKind::collective_leave, AmendmentKind::working_day}) {
    EXPECT_EQ(amendment_kind_from_string(to_string(kind), "kind").value(), kind);
  }
  auto bad = amendment_kind_from_string("festival", "kind");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().fields().at(0).field, "kind");
}

}  // namespace
}  // namespace sigap::domain::sla
