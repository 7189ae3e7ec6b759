// The embedded holiday calendar (data/calendar/id-holidays.json) and the reader of its format:
// what the real file says, and what a broken file is refused for.
#include "app/sla/holiday_calendar_file.hpp"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "app/sla/holiday_data_files.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "domain/sla/deadline.hpp"

namespace sigap::app::sla {
namespace {

using domain::sla::HolidayKind;
using domain::sla::parse_date;

domain::sla::Date date(const char* text) { return parse_date(text).value(); }

TEST(IndonesiaCalendar, CoversTheDecreedYearsOnly) {
  const auto& calendar = indonesia_calendar();
  EXPECT_TRUE(calendar.covers(2025));
  EXPECT_TRUE(calendar.covers(2026));
  EXPECT_FALSE(calendar.covers(2024));
  EXPECT_FALSE(calendar.covers(2027));
  EXPECT_EQ(calendar.covered_years(), (std::vector<int>{2025, 2026}));
}

TEST(IndonesiaCalendar, KnowsTheHolidaysAndCutiBersama) {
  const auto& calendar = indonesia_calendar();
  const auto* independence = calendar.holiday_on(date("2026-08-17"));
  ASSERT_NE(independence, nullptr);
  EXPECT_EQ(independence->name, "Hari Kemerdekaan Republik Indonesia");
  EXPECT_EQ(independence->kind, HolidayKind::national_holiday);
  EXPECT_FALSE(calendar.is_working_day(date("2026-08-17")));

  const auto* idul_fitri_leave = calendar.holiday_on(date("2026-03-24"));
  ASSERT_NE(idul_fitri_leave, nullptr);
  EXPECT_EQ(idul_fitri_leave->kind, HolidayKind::collective_leave);
  // The extra day added by the 2025 amendment.
  ASSERT_NE(calendar.holiday_on(date("2025-08-18")), nullptr);
  EXPECT_EQ(calendar.holiday_on(date("2025-08-18"))->kind, HolidayKind::collective_leave);
  EXPECT_TRUE(calendar.is_working_day(date("2026-08-18")));

  int national_2025 = 0, leave_2025 = 0, national_2026 = 0, leave_2026 = 0;
  for (const auto& holiday : calendar.holidays()) {
    const bool national = holiday.kind == HolidayKind::national_holiday;
    if (holiday.date.year() == std::chrono::year{2025}) ++(national ? national_2025 : leave_2025);
    if (holiday.date.year() == std::chrono::year{2026}) ++(national ? national_2026 : leave_2026);
  }
  EXPECT_EQ(national_2025, 17);
  EXPECT_EQ(leave_2025, 11);
  EXPECT_EQ(national_2026, 17);
  EXPECT_EQ(leave_2026, 8);
}

TEST(IndonesiaCalendar, EmbedsTheFileInTheRepository) {
  std::ifstream file(std::string(SIGAP_SOURCE_DIR) + "/data/calendar/id-holidays.json", std::ios::binary);
  ASSERT_TRUE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  EXPECT_EQ(id_holidays_json(), text.str());
}

TEST(IndonesiaCalendar, DrivesDeadlinesAndRefusesToCountInto2027) {
  const auto hours =
      domain::master_data::parse_service_hours("mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30", "hours").value();
  const auto wib = domain::sla::UnitTimeZone::wib;
  // Friday 14 Aug 2026 10:00 WIB, 3 working days over Independence Day: Thursday 20 Aug 16:00 WIB.
  auto due = domain::sla::deadline(domain::sla::to_utc(date("2026-08-14"), 10 * 60, wib),
                                   domain::sla::SlaTarget::working_days(3), indonesia_calendar(), hours, wib);
  ASSERT_TRUE(due.ok());
  EXPECT_EQ(*due, domain::sla::to_utc(date("2026-08-20"), 16 * 60, wib));

  auto into_2027 = domain::sla::deadline(domain::sla::to_utc(date("2026-12-23"), 10 * 60, wib),
                                         domain::sla::SlaTarget::working_days(5), indonesia_calendar(), hours, wib);
  ASSERT_FALSE(into_2027.ok());
  EXPECT_EQ(into_2027.error().code(), ErrorCode::unavailable);
  EXPECT_NE(into_2027.error().message().en.find("2027"), std::string::npos);
}

TEST(HolidayCalendarFile, ReadsAMinimalYear) {
  auto calendar =
      parse_holiday_calendar(R"({"years": {"2027": {"holidays": [["2027-01-01", "Tahun Baru 2027 Masehi"]]}}})");
  ASSERT_TRUE(calendar.ok()) << calendar.error().message().en;
  EXPECT_TRUE(calendar->covers(2027));
  EXPECT_TRUE(calendar->is_holiday(date("2027-01-01")));
  EXPECT_EQ(calendar->holidays().size(), 1U);
}

struct BrokenRow {
  const char* name;
  const char* json;
  ErrorCode code;
  const char* field;  // JSON pointer; nullptr when there is none
};

class HolidayCalendarFileRefuses : public ::testing::TestWithParam<BrokenRow> {};

TEST_P(HolidayCalendarFileRefuses, NamesWhereTheFileIsWrong) {
  const auto& row = GetParam();
  auto calendar = parse_holiday_calendar(row.json);
  ASSERT_FALSE(calendar.ok()) << row.name;
  EXPECT_EQ(calendar.error().code(), row.code) << row.name;
  if (row.field == nullptr) {
    EXPECT_TRUE(calendar.error().fields().empty()) << row.name;
    return;
  }
  ASSERT_EQ(calendar.error().fields().size(), 1U) << row.name;
  EXPECT_EQ(calendar.error().fields()[0].field, row.field) << row.name;
}

INSTANTIATE_TEST_SUITE_P(
    Files, HolidayCalendarFileRefuses,
    ::testing::Values(
        BrokenRow{"not JSON", R"({"years": )", ErrorCode::invalid_input, nullptr},
        BrokenRow{"not an object", R"([1, 2])", ErrorCode::validation, "/years"},
        BrokenRow{"no years", R"({"about": "x"})", ErrorCode::validation, "/years"},
        BrokenRow{"years is a list", R"({"years": []})", ErrorCode::validation, "/years"},
        BrokenRow{"a two-digit year", R"({"years": {"26": {"holidays": []}}})", ErrorCode::validation, "/years/26"},
        BrokenRow{"a year without holidays", R"({"years": {"2026": {"cuti_bersama": []}}})", ErrorCode::validation,
                  "/years/2026"},
        BrokenRow{"a misspelt key", R"({"years": {"2026": {"holidays": [], "cuti-bersama": []}}})",
                  ErrorCode::validation, "/years/2026/cuti-bersama"},
        BrokenRow{"holidays not a list", R"({"years": {"2026": {"holidays": "2026-08-17"}}})", ErrorCode::validation,
                  "/years/2026/holidays"},
        BrokenRow{"an entry that is not a pair", R"({"years": {"2026": {"holidays": [["2026-08-17"]]}}})",
                  ErrorCode::validation, "/years/2026/holidays/0"},
        BrokenRow{"an impossible date",
                  R"({"years": {"2026": {"holidays": [["2026-08-17", "A"], ["2026-02-30", "B"]]}}})",
                  ErrorCode::validation, "/years/2026/holidays/1"},
        BrokenRow{"a date in another year",
                  R"({"years": {"2026": {"holidays": [], "cuti_bersama": [["2027-01-01", "Tahun Baru"]]}}})",
                  ErrorCode::validation, "/years/2026/cuti_bersama/0"},
        BrokenRow{"a holiday without a name", R"({"years": {"2026": {"holidays": [["2026-08-17", ""]]}}})",
                  ErrorCode::validation, "/years/2026/holidays/0"}));

}  // namespace
}  // namespace sigap::app::sla
