#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <utility>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap {

/// A value read from storage and handed out again for `fresh_for`, or until invalidate(): the
/// master data every request needs and admins change rarely (the SLA book, the routing book,
/// the unit tree). A read that began before an invalidate() may predate the edit: it is
/// answered, not kept. Another process that edits the same database is seen within
/// `fresh_for`. Thread-safe; the value is shared, immutable.
template <typename T>
class Kept {
 public:
  explicit Kept(std::chrono::seconds fresh_for) : fresh_for_(fresh_for) {}

  /// The kept value while fresh at `now`, else `read()` (a Result<T>) kept from `now` on.
  template <typename Read>
  Result<std::shared_ptr<const T>> get(TimePoint now, Read&& read) {
    std::uint64_t generation = 0;
    {
      std::lock_guard lock(mutex_);
      if (value_ && now >= read_at_ && now - read_at_ < fresh_for_) return value_;
      generation = generation_;
    }
    Result<T> loaded = std::forward<Read>(read)();
    if (!loaded) return loaded.error();
    auto fresh = std::make_shared<const T>(std::move(*loaded));
    std::lock_guard lock(mutex_);
    if (generation == generation_) {
      value_ = fresh;
      read_at_ = now;
    }
    return fresh;
  }

  /// Forgets the value: the next get() reads again.
  void invalidate() {
    std::lock_guard lock(mutex_);
    value_.reset();
    ++generation_;
  }

 private:
  const std::chrono::seconds fresh_for_;
  std::mutex mutex_;
  std::shared_ptr<const T> value_;  // GUARDED_BY(mutex_)
  TimePoint read_at_{};             // GUARDED_BY(mutex_)
  std::uint64_t generation_ = 0;    // GUARDED_BY(mutex_): advanced by invalidate()
};

}  // namespace sigap
