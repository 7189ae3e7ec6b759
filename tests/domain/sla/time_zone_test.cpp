// WIB, WITA and WIT: fixed offsets, names, and local readings of one UTC instant.
#include "domain/sla/time_zone.hpp"

#include <gtest/gtest.h>

#include "domain/sla/sla_test_support.hpp"

namespace sigap::domain::sla {
namespace {

using test_support::utc;

struct NameRow {
  const char* iana;
  UnitTimeZone zone;
};

class TimeZoneNames : public ::testing::TestWithParam<NameRow> {};

TEST_P(TimeZoneNames, MapIndonesiasIanaZones) {
  auto zone = time_zone_from_name(GetParam().iana);
  ASSERT_TRUE(zone.ok()) << GetParam().iana;
  EXPECT_EQ(*zone, GetParam().zone) << GetParam().iana;
}

INSTANTIATE_TEST_SUITE_P(Names, TimeZoneNames,
                         ::testing::Values(NameRow{"Asia/Jakarta", UnitTimeZone::wib},
                                           NameRow{"Asia/Pontianak", UnitTimeZone::wib},
                                           NameRow{"Asia/Makassar", UnitTimeZone::wita},
                                           NameRow{"Asia/Jayapura", UnitTimeZone::wit}));

TEST(TimeZone, RefusesOtherNamesOnTheTimeZoneField) {
  for (const char* name : {"", "Asia/Singapore", "asia/jakarta", "WIB", "UTC+7", "Asia/Jakarta "}) {
    auto zone = time_zone_from_name(name);
    ASSERT_FALSE(zone.ok()) << name;
    EXPECT_EQ(zone.error().code(), ErrorCode::validation);
    ASSERT_EQ(zone.error().fields().size(), 1U);
    EXPECT_EQ(zone.error().fields()[0].field, "time_zone");
    EXPECT_NE(zone.error().fields()[0].message.en.find("Asia/Jayapura"), std::string::npos);
  }
}

TEST(TimeZone, OffsetsNamesAndAbbreviations) {
  EXPECT_EQ(utc_offset(UnitTimeZone::wib), std::chrono::hours{7});
  EXPECT_EQ(utc_offset(UnitTimeZone::wita), std::chrono::hours{8});
  EXPECT_EQ(utc_offset(UnitTimeZone::wit), std::chrono::hours{9});
  EXPECT_EQ(abbreviation(UnitTimeZone::wita), "WITA");
  for (auto zone : {UnitTimeZone::wib, UnitTimeZone::wita, UnitTimeZone::wit}) {
    EXPECT_EQ(time_zone_from_name(iana_name(zone)).value(), zone);
  }
}

struct ReadingRow {
  const char* instant;
  UnitTimeZone zone;
  const char* date;
  int minute_of_day;
};

class TimeZoneReadings : public ::testing::TestWithParam<ReadingRow> {};

TEST_P(TimeZoneReadings, ReadTheSameInstantOnEachWallClock) {
  const auto& row = GetParam();
  const auto reading = to_local(utc(row.instant), row.zone);
  EXPECT_EQ(format_date(reading.date), row.date) << row.instant << " " << abbreviation(row.zone);
  EXPECT_EQ(reading.minute_of_day, row.minute_of_day) << row.instant << " " << abbreviation(row.zone);
}

INSTANTIATE_TEST_SUITE_P(
    Instants, TimeZoneReadings,
    ::testing::Values(ReadingRow{"2026-08-14T08:00:00Z", UnitTimeZone::wib, "2026-08-14", 15 * 60},
                      ReadingRow{"2026-08-14T08:00:00Z", UnitTimeZone::wita, "2026-08-14", 16 * 60},
                      ReadingRow{"2026-08-14T08:00:00Z", UnitTimeZone::wit, "2026-08-14", 17 * 60},
                      ReadingRow{"2026-08-13T17:30:00Z", UnitTimeZone::wib, "2026-08-14", 30},
                      ReadingRow{"2026-08-13T16:59:59Z", UnitTimeZone::wib, "2026-08-13", 23 * 60 + 59},
                      ReadingRow{"2026-08-13T15:30:00Z", UnitTimeZone::wit, "2026-08-14", 30},
                      ReadingRow{"2026-12-31T16:00:00Z", UnitTimeZone::wita, "2027-01-01", 0}));

TEST(TimeZone, LocalWallClockRoundTrips) {
  const auto date = parse_date("2026-08-17").value();
  for (auto zone : {UnitTimeZone::wib, UnitTimeZone::wita, UnitTimeZone::wit}) {
    const auto instant = to_utc(date, 7 * 60 + 30, zone);
    EXPECT_EQ(to_local(instant, zone), (LocalTime{date, 7 * 60 + 30}));
    EXPECT_EQ(local_date(instant, zone), date);
  }
  EXPECT_EQ(to_utc(date, 7 * 60 + 30, UnitTimeZone::wib), utc("2026-08-17T00:30:00Z"));
  EXPECT_EQ(to_utc(date, 24 * 60, UnitTimeZone::wit), utc("2026-08-17T15:00:00Z"));
}

}  // namespace
}  // namespace sigap::domain::sla
