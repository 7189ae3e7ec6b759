#pragma once

#include <chrono>
#include <mutex>

#include "common/clock.hpp"

namespace sigap::testing {

/// A Clock that moves only when a test moves it. Starts at 2025-01-01T00:00:00Z unless told
/// otherwise. Thread-safe: one thread may advance it while others read it.
class FakeClock final : public Clock {
 public:
  static constexpr TimePoint kDefaultStart{std::chrono::seconds(1'735'689'600)};

  explicit FakeClock(TimePoint start = kDefaultStart) : now_(start) {}

  [[nodiscard]] TimePoint now() const override {
    std::lock_guard lock(mutex_);
    return now_;
  }

  /// Moves time forward (or back, for a negative `by`).
  void advance(TimePoint::duration by) {
    std::lock_guard lock(mutex_);
    now_ += by;
  }

  void set(TimePoint to) {
    std::lock_guard lock(mutex_);
    now_ = to;
  }

 private:
  mutable std::mutex mutex_;
  TimePoint now_;  // GUARDED_BY(mutex_)
};

}  // namespace sigap::testing
