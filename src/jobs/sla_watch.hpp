#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"

namespace sigap::jobs {

struct SlaWatchOptions {
  /// sla_watch_interval_seconds: time between two ticks; zero: start() runs nothing.
  std::chrono::seconds interval{60};
  /// Cases looked at per query; a tick queries again until nothing due is left.
  int batch = 200;
};

/// What one tick did.
struct SlaWatchReport {
  std::size_t looked_at = 0;
  std::size_t warned = 0;
  std::size_t escalated = 0;
  std::size_t closed = 0;
  std::size_t stale = 0;   // changed by someone meanwhile: looked at again next tick
  std::size_t failed = 0;  // an error, logged; looked at again next tick
};

/// The SLA clock's watchman: every `interval` it asks storage for the cases whose next look has
/// come (the indexed complaints.sla_check_at, never a scan of all cases) and lets
/// app::sla::watch_case warn, escalate or close each. Safe beside a server handling requests:
/// every write is guarded by the case's version. Time comes from `clock`, so tests drive it
/// with a fake clock and run_once(). Thread-safe: run_once() may be called while the
/// background thread runs (ticks do not overlap).
class SlaWatch {
 public:
  SlaWatch(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules, SlaWatchOptions options = {})
      : storage_(storage), clock_(clock), rules_(rules), options_(options) {}
  ~SlaWatch();
  SlaWatch(const SlaWatch&) = delete;
  SlaWatch& operator=(const SlaWatch&) = delete;

  /// One tick at clock.now(). Errors only when storage cannot be asked what is due.
  Result<SlaWatchReport> run_once();

  /// Starts the background thread (nothing when the interval is zero or it already runs).
  void start();
  /// Wakes the thread, lets a tick in progress finish, and joins it. Idempotent.
  void stop();

 private:
  void loop();

  app::ports::Storage& storage_;
  const Clock& clock_;
  app::sla::SlaRules& rules_;
  SlaWatchOptions options_;
  std::mutex tick_mutex_;  // one tick at a time
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace sigap::jobs
