// How a case counts in the dashboard figures, as case tables: open and overdue by status and
// SLA level, the local day of each milestone on the unit's wall clock (a report at 23:30 WIB is
// that day's, one at 00:30 the next), the response histogram and its median, the windows of
// today, 7 and 30 days, and adding/subtracting contributions.
#include <gtest/gtest.h>

#include "domain/dashboard/case_contribution.hpp"
#include "domain/dashboard/figure_counts.hpp"
#include "domain/dashboard/response_histogram.hpp"
#include "domain/dashboard/unit_figures.hpp"

namespace sigap::domain::dashboard {
namespace {

namespace dc = domain::complaints;
using namespace std::chrono_literals;

TimePoint wib(std::string_view date, int hour, int minute = 0) {
  return sla::to_utc(*sla::parse_date(date), hour * 60 + minute, sla::UnitTimeZone::wib);
}

CaseFacts facts(dc::Status status) {
  CaseFacts f;
  f.complaint_id = 1;
  f.unit_code = "kelurahan-16.71.01.1001";
  f.status = status;
  f.submitted_at = wib("2026-08-04", 23, 30);
  return f;
}

struct OpenRow {
  dc::Status status;
  bool merged;
  int level;
  bool open;
  bool overdue;
};

class OpenTable : public ::testing::TestWithParam<OpenRow> {};

TEST_P(OpenTable, CountsWhatIsStillToBeWorked) {
  auto row = GetParam();
  auto f = facts(row.status);
  f.merged = row.merged;
  f.sla_level = row.level;
  auto c = contribution_of(f);
  EXPECT_EQ(c.open, row.open) << dc::to_string(row.status);
  EXPECT_EQ(c.overdue, row.overdue) << dc::to_string(row.status);
}

INSTANTIATE_TEST_SUITE_P(
    Statuses, OpenTable,
    ::testing::Values(OpenRow{dc::Status::submitted, false, 0, true, false},
                      OpenRow{dc::Status::verified, false, 1, true, false},   // warned is not late
                      OpenRow{dc::Status::assigned, false, 2, true, true},    // past the deadline
                      OpenRow{dc::Status::in_progress, false, 3, true, true},
                      OpenRow{dc::Status::need_info, false, 2, true, true},   // a pause does not undo it
                      OpenRow{dc::Status::reopened, false, 0, true, false},
                      OpenRow{dc::Status::resolved, false, 2, false, false},  // waiting for the reporter
                      OpenRow{dc::Status::closed, false, 0, false, false},
                      OpenRow{dc::Status::rejected, false, 2, false, false},
                      OpenRow{dc::Status::closed, true, 0, false, false}));   // merged

TEST(CaseContribution, DaysAreLocalDatesOfTheUnit) {
  auto f = facts(dc::Status::closed);
  f.first_response_at = wib("2026-08-05", 0, 30);   // an hour after the report, the next day
  f.resolved_at = wib("2026-08-06", 10);
  f.resolve_due_at = wib("2026-08-06", 9);          // an hour late
  f.closed_at = wib("2026-08-07", 8);
  f.rating = 4;
  auto c = contribution_of(f);
  EXPECT_EQ(c.new_day, "2026-08-04");
  EXPECT_EQ(c.response_day, "2026-08-05");
  EXPECT_EQ(c.response_bucket, first_response_bucket(1h));
  EXPECT_EQ(c.resolved_day, "2026-08-06");
  EXPECT_EQ(c.sla_day, "2026-08-06");
  EXPECT_FALSE(c.within_sla);
  EXPECT_EQ(c.rating_day, "2026-08-07");
  EXPECT_EQ(c.rating, 4);
  // The same instant is the next day in WIT (UTC+9).
  f.zone = sla::UnitTimeZone::wit;
  EXPECT_EQ(contribution_of(f).new_day, "2026-08-05");
}

TEST(CaseContribution, AReopenedOrMergedCaseIsNotResolved) {
  auto f = facts(dc::Status::reopened);
  f.resolved_at = wib("2026-08-06", 10);
  f.resolve_due_at = wib("2026-08-10", 10);
  EXPECT_EQ(contribution_of(f).resolved_day, "");
  EXPECT_EQ(contribution_of(f).sla_day, "");
  f.status = dc::Status::resolved;
  EXPECT_EQ(contribution_of(f).resolved_day, "2026-08-06");
  EXPECT_TRUE(contribution_of(f).within_sla);
  f.resolve_due_at.reset();
  EXPECT_EQ(contribution_of(f).sla_day, "") << "no deadline: not judged";
}

struct BucketRow {
  std::chrono::seconds duration;
  int bucket;
};

class BucketTable : public ::testing::TestWithParam<BucketRow> {};

TEST_P(BucketTable, PutsADurationInItsBucket) {
  EXPECT_EQ(first_response_bucket(GetParam().duration), GetParam().bucket) << GetParam().duration.count();
}

INSTANTIATE_TEST_SUITE_P(Durations, BucketTable,
                         ::testing::Values(BucketRow{-60s, 0}, BucketRow{0s, 0}, BucketRow{899s, 0},
                                           BucketRow{900s, 1}, BucketRow{3599s, 2}, BucketRow{3600s, 3},
                                           BucketRow{23h + 59min, 11}, BucketRow{24h, 12},
                                           BucketRow{504h - 1s, 22}, BucketRow{504h, 23},
                                           BucketRow{5000h, 23}));

TEST(ResponseHistogram, TheMedianIsInterpolatedInItsBucket) {
  ResponseHistogram h{};
  EXPECT_EQ(median_hours(h), std::nullopt);
  h[12] = 1;  // one response in [24, 30) h: the middle of the bucket
  EXPECT_EQ(median_hours(h), 27.0);
  h[0] = 2;  // three: the second is the upper of the two in [0, 0.25)
  EXPECT_EQ(median_hours(h), 0.2);
  h[0] = 1;  // two: the lower middle, the one in [0, 0.25)
  EXPECT_EQ(median_hours(h), 0.1);
  ResponseHistogram late{};
  late[23] = 5;
  EXPECT_EQ(median_hours(late), 504.0) << "the open-ended bucket answers its lower bound";
}

TEST(FigureCounts, SubtractingWhatWasAddedLeavesNothing) {
  auto f = facts(dc::Status::closed);
  f.first_response_at = f.submitted_at + 2h;
  f.resolved_at = f.submitted_at + 30h;
  f.resolve_due_at = f.submitted_at + 40h;
  f.rating = 5;
  FigureCounts counts;
  counts.add(contribution_of(f), +1);
  EXPECT_EQ(counts.days.size(), 3U) << "submitted and answered on the 4th (23:30 and 01:30 the 5th), ...";
  counts.add(contribution_of(f), -1);
  counts.prune();
  EXPECT_TRUE(counts.empty());
  counts.add(CaseContribution{}, +1);
  EXPECT_TRUE(counts.empty()) << "an empty contribution counts nowhere";
}

TEST(UnitFigures, WindowsEndOnTheUnitsToday) {
  auto windows = DayWindows::ending(*sla::parse_date("2026-08-31"));
  EXPECT_EQ(windows.today, "2026-08-31");
  EXPECT_EQ(windows.response_from, "2026-08-25");
  EXPECT_EQ(windows.outcome_from, "2026-08-02");
  DayCounts counts;
  counts.new_count = 2;
  counts.resolved = 1;
  counts.within_sla = 1;
  counts.breached = 1;
  counts.rating_sum = 9;
  counts.rating_count = 2;
  counts.responses[3] = 1;
  FigureTotals totals;
  add_day(totals, "2026-08-31", counts, windows);  // today: everything
  add_day(totals, "2026-08-25", counts, windows);  // 7-day window: responses, outcomes
  add_day(totals, "2026-08-02", counts, windows);  // 30-day window: outcomes only
  add_day(totals, "2026-08-01", counts, windows);  // out of every window
  add_day(totals, "2026-09-01", counts, windows);  // tomorrow (a clock set back): nothing
  auto figures = figures_of(totals);
  EXPECT_EQ(figures.new_today, 2);
  EXPECT_EQ(figures.resolved_today, 1);
  EXPECT_EQ(totals.responses_7d[3], 2);
  EXPECT_EQ(figures.within_sla_share_30d, 0.5);
  EXPECT_EQ(figures.average_rating, 4.5);
  EXPECT_EQ(figures.rated_30d, 6);
  EXPECT_EQ(figures_of(FigureTotals{}).within_sla_share_30d, std::nullopt);
  EXPECT_EQ(figures_of(FigureTotals{}).average_rating, std::nullopt);
}

}  // namespace
}  // namespace sigap::domain::dashboard
