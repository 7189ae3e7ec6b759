// The surge rule as a table: more than 3× the mean hourly count of the 28 days before, and
// never fewer than 5 reports.
#include "domain/alerts/surge.hpp"

#include <gtest/gtest.h>

#include "common/time_format.hpp"
#include "domain/alerts/alert_kind.hpp"

namespace sigap::domain::alerts {
namespace {

struct Row {
  const char* name;
  std::int64_t reports;
  std::int64_t baseline;  // reports in the 672 hours before
  bool surge;
};

class SurgeTable : public ::testing::TestWithParam<Row> {};

TEST_P(SurgeTable, Decides) {
  const auto& row = GetParam();
  EXPECT_EQ(judge_surge(row.reports, row.baseline).surge, row.surge) << row.name;
}

INSTANTIATE_TEST_SUITE_P(Rules, SurgeTable,
                         ::testing::Values(Row{"a quiet category's second report", 2, 1, false},
                                           Row{"four at once, never seen before", 4, 0, false},
                                           Row{"five at once, never seen before", 5, 0, true},
                                           // 672 in 28 days = 1 an hour: 3 is not more than 3×, 4 is not 5.
                                           Row{"three times the usual is no surge", 3, 672, false},
                                           Row{"above 3x but under the floor", 4, 672, false},
                                           Row{"a flood", 12, 672, true},
                                           // 2,016 = 3 an hour: more than 9 needed.
                                           Row{"busy category, busy hour", 9, 2016, false},
                                           Row{"busy category, burst main", 10, 2016, true}),
                         [](const ::testing::TestParamInfo<Row>& info) {
                           std::string name;
                           for (const char* c = info.param.name; *c; ++c)
                             name += std::isalnum(static_cast<unsigned char>(*c)) ? *c : '_';
                           return name;
                         });

TEST(Surge, UsualIsTheMeanPerHourOf28Days) {
  auto verdict = judge_surge(7, 336);
  EXPECT_DOUBLE_EQ(verdict.usual_per_hour, 0.5);
  EXPECT_DOUBLE_EQ(verdict.threshold, 1.5);
}

TEST(Surge, KecamatanOfARegion) {
  EXPECT_EQ(kecamatan_of("16.71.01.1001"), "16.71.01");
  EXPECT_EQ(kecamatan_of("16.71.01"), "16.71.01");
  EXPECT_EQ(kecamatan_of("16.71"), "");
  EXPECT_EQ(kecamatan_of(""), "");
  EXPECT_EQ(kecamatan_of("nonsense"), "");
}

TEST(Surge, OneSubjectPerCategoryKecamatanAndHour) {
  auto at = parse_utc("2026-08-04T03:17:45Z").value();
  EXPECT_EQ(format_utc(hour_start(at)), "2026-08-04T03:00:00Z");
  EXPECT_EQ(surge_subject("banjir", "16.71.01", at), "surge:banjir:16.71.01:2026-08-04T03:00:00Z");
  EXPECT_EQ(surge_subject("banjir", "16.71.01", at), surge_subject("banjir", "16.71.01", hour_start(at)));
}

TEST(AlertKinds, ConditionsCloseByThemselvesEventsWhenAcknowledged) {
  EXPECT_TRUE(closes_by_itself(AlertKind::unstaffed));
  EXPECT_TRUE(closes_by_itself(AlertKind::camera_down));
  for (auto kind :
       {AlertKind::calendar_missing, AlertKind::sla_breach, AlertKind::sla_parent_escalation, AlertKind::surge}) {
    EXPECT_FALSE(closes_by_itself(kind)) << to_string(kind);
    EXPECT_EQ(alert_kind_from_string(to_string(kind)), kind);
  }
  EXPECT_FALSE(alert_kind_from_string("flood").has_value());
}

}  // namespace
}  // namespace sigap::domain::alerts
