// The retry schedule of deliveries as a case table: exponential backoff with full jitter, capped,
// and dead-lettered once the window from the first attempt (or a redelivery) is over.
#include "domain/integration/retry_schedule.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::integration {
namespace {

using std::chrono::hours;
using std::chrono::milliseconds;
using std::chrono::seconds;

struct DelayRow {
  int failures;
  double unit;
  milliseconds expected;
};

class RetryDelay : public ::testing::TestWithParam<DelayRow> {};

TEST_P(RetryDelay, IsTheJitteredShareOfTheCappedExponential) {
  const RetrySchedule schedule{seconds(30), hours(1), hours(24)};
  const auto& row = GetParam();
  EXPECT_EQ(retry_delay(schedule, row.failures, row.unit), row.expected)
      << "after failure " << row.failures << " with jitter " << row.unit;
}

INSTANTIATE_TEST_SUITE_P(Table, RetryDelay,
                         ::testing::Values(DelayRow{1, 0.0, milliseconds(0)},         // full jitter may retry at once
                                           DelayRow{1, 0.5, seconds(15)},             // of 30 s
                                           DelayRow{2, 0.5, seconds(30)},             // of 60 s
                                           DelayRow{3, 0.5, seconds(60)},             // of 120 s
                                           DelayRow{7, 1.0, seconds(1920)},           // 30 s * 64
                                           DelayRow{8, 1.0, hours(1)},                // capped
                                           DelayRow{60, 0.25, milliseconds(900000)},  // still capped, no overflow
                                           DelayRow{1, 0.999, milliseconds(29970)}));

TEST(RetrySchedule, TheLastAttemptFallsOnTheWindowsEndAndThenItIsDead) {
  const RetrySchedule schedule{seconds(30), hours(1), hours(24)};
  const TimePoint start{seconds(1'767'225'600)};
  // Early on: now + the delay.
  EXPECT_EQ(next_attempt(schedule, 2, start, start + seconds(10), 0.5), start + seconds(40));
  // Near the end: never past the window.
  EXPECT_EQ(next_attempt(schedule, 40, start, start + hours(24) - seconds(60), 0.9), start + hours(24));
  // At or after the end: dead-lettered.
  EXPECT_FALSE(next_attempt(schedule, 41, start, start + hours(24), 0.1).has_value());
  EXPECT_FALSE(next_attempt(schedule, 41, start, start + hours(25), 0.1).has_value());
  // A redelivery by hand starts a new window.
  EXPECT_TRUE(next_attempt(schedule, 42, start + hours(30), start + hours(30), 0.1).has_value());
}

}  // namespace
}  // namespace sigap::domain::integration
