// Open311's dates: the W3C profile of ISO 8601, always with a zone (wiki.open311.org/GeoReport_v2).
#include "common/w3_datetime.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"

namespace sigap {
namespace {

struct W3Case {
  std::string_view text;
  std::string_view utc;  // "" when the text must be refused
};

void PrintTo(const W3Case& row, std::ostream* out) { *out << '"' << row.text << '"'; }

class W3Datetime : public ::testing::TestWithParam<W3Case> {};

TEST_P(W3Datetime, ReadsOrRefuses) {
  auto parsed = parse_w3_datetime(GetParam().text);
  if (GetParam().utc.empty()) {
    EXPECT_FALSE(parsed.has_value());
  } else {
    ASSERT_TRUE(parsed.has_value());
    EXPECT_EQ(format_utc(*parsed), GetParam().utc);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, W3Datetime,
    ::testing::Values(
        // The specification's own examples: the same instant twice.
        W3Case{"1994-11-05T08:15:30-05:00", "1994-11-05T13:15:30Z"},
        W3Case{"1994-11-05T13:15:30Z", "1994-11-05T13:15:30Z"},
        W3Case{"2010-01-01T00:00:00Z", "2010-01-01T00:00:00Z"},
        W3Case{"2026-11-26T07:00:00+07:00", "2026-11-26T00:00:00Z"},  // WIB
        W3Case{"2026-11-26T09:30+09:00", "2026-11-26T00:30:00Z"},     // no seconds (WIT)
        W3Case{"2026-11-26T08:00:00.75+08:00", "2026-11-26T00:00:00Z"},  // fraction dropped
        W3Case{"2026-11-26", ""},                    // a date has no zone
        W3Case{"2026-11-26T08:00:00", ""},           // the zone is required
        W3Case{"2026-11-26 08:00:00Z", ""},          // T, not a space
        W3Case{"2026-13-01T00:00:00Z", ""},          // month 13
        W3Case{"2026-02-30T00:00:00Z", ""},          // no such day
        W3Case{"2026-11-26T24:00:00Z", ""},
        W3Case{"2026-11-26T08:00:60Z", ""},          // no leap seconds
        W3Case{"2026-11-26T08:00:00.Z", ""},         // a dot needs digits
        W3Case{"2026-11-26T08:00:00+15:00", ""},     // beyond ±14:00
        W3Case{"2026-11-26T08:00:00+0700", ""},      // hh:mm
        W3Case{"2026-11-26T08:00:00Zjunk", ""},
        // Years a TimePoint cannot hold (fuzz finding: overflowed, undefined behaviour); the
        // last and first ones it can still read.
        W3Case{"6026-11-26T00:00:00Z", ""},
        W3Case{"9999-12-31T23:59:59+14:00", ""},
        W3Case{"0001-01-01T00:00:00Z", ""},
        W3Case{"2261-12-31T23:59:59-14:00", "2262-01-01T13:59:59Z"},
        W3Case{"1678-01-01T00:00:00+14:00", "1677-12-31T10:00:00Z"},
        W3Case{"", ""}));

}  // namespace
}  // namespace sigap
