#pragma once

#include <chrono>
#include <optional>

#include "common/clock.hpp"

namespace sigap::domain::integration {

/// When a failed delivery (webhook or message to a reporter) is tried again: exponential backoff
/// with full jitter (the wait after the n-th failure is uniform in [0, min(cap, base * 2^(n-1))]),
/// for `window` from the first attempt (or from a redelivery by hand), then dead-lettered.
/// Config keys delivery_retry_base_seconds, delivery_retry_cap_seconds,
/// delivery_retry_window_seconds (docs/integration.md).
struct RetrySchedule {
  std::chrono::milliseconds base{std::chrono::seconds(30)};
  std::chrono::milliseconds cap{std::chrono::hours(1)};
  std::chrono::milliseconds window{std::chrono::hours(24)};
};

/// The wait after the `failures`-th failed attempt (1 = the first), `unit` in [0, 1) drawn by the
/// caller: floor(unit * min(cap, base * 2^(failures-1))).
std::chrono::milliseconds retry_delay(const RetrySchedule& schedule, int failures, double unit);

/// When to try again after the `failures`-th failure at `now`, the window having started at
/// `retry_from`; never later than the window's end, so the last attempt falls on it. nullopt:
/// the window is over, dead-letter it.
std::optional<TimePoint> next_attempt(const RetrySchedule& schedule, int failures, TimePoint retry_from, TimePoint now,
                                      double unit);

}  // namespace sigap::domain::integration
