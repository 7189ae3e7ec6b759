#pragma once

#include <chrono>

namespace sigap {

using TimePoint = std::chrono::system_clock::time_point;

/// Where "now" comes from. Domain code takes time as a value; app code asks a Clock, so
/// tests can move time by hand (tests/support/fake_clock.hpp). Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  [[nodiscard]] virtual TimePoint now() const = 0;
};

/// The wall clock.
class SystemClock final : public Clock {
 public:
  [[nodiscard]] TimePoint now() const override { return std::chrono::system_clock::now(); }
};

}  // namespace sigap
