#include "domain/integration/retry_schedule.hpp"

#include <algorithm>
#include <cmath>

namespace sigap::domain::integration {

std::chrono::milliseconds retry_delay(const RetrySchedule& schedule, int failures, double unit) {
  using std::chrono::milliseconds;
  const auto base = std::max<std::int64_t>(schedule.base.count(), 0);
  const auto cap = std::max<std::int64_t>(schedule.cap.count(), 0);
  // base * 2^(failures-1), stopping at the cap before it can overflow.
  std::int64_t ceiling = base;
  for (int i = 1; i < failures && ceiling < cap; ++i) ceiling *= 2;
  ceiling = std::min(ceiling, cap);
  const double fraction = std::clamp(unit, 0.0, 1.0);
  return milliseconds(static_cast<std::int64_t>(std::floor(fraction * static_cast<double>(ceiling))));
}

std::optional<TimePoint> next_attempt(const RetrySchedule& schedule, int failures, TimePoint retry_from, TimePoint now,
                                      double unit) {
  const auto window_end = retry_from + schedule.window;
  if (now >= window_end) return std::nullopt;
  return std::min(now + retry_delay(schedule, failures, unit), window_end);
}

}  // namespace sigap::domain::integration
