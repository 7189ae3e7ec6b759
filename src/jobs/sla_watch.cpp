#include "jobs/sla_watch.hpp"

#include <set>

#include "app/sla/watch_case.hpp"
#include "common/logging.hpp"

namespace sigap::jobs {

SlaWatch::~SlaWatch() { stop(); }

Result<SlaWatchReport> SlaWatch::run_once() {
  std::lock_guard tick(tick_mutex_);
  SlaWatchReport report;
  const auto now = clock_.now();
  std::set<std::int64_t> seen;
  for (;;) {
    // Cases stale or failed earlier in this tick are still due: ask for that many more.
    const int limit = options_.batch + static_cast<int>(seen.size());
    auto due = storage_.sla().cases_to_check(now, limit);
    if (!due) return due.error();
    bool fresh = false;
    for (auto id : *due) {
      if (!seen.insert(id).second) continue;  // stale or failed earlier in this tick
      fresh = true;
      ++report.looked_at;
      auto outcome = app::sla::watch_case(storage_, rules_, now, id);
      if (!outcome) {
        ++report.failed;
        logging::app().error("sla watch: case {}: {}", id, outcome.error().log_detail());
        continue;
      }
      switch (*outcome) {
        case app::sla::WatchOutcome::warned:
          ++report.warned;
          break;
        case app::sla::WatchOutcome::escalated:
          ++report.escalated;
          break;
        case app::sla::WatchOutcome::closed:
          ++report.closed;
          break;
        case app::sla::WatchOutcome::stale:
          ++report.stale;
          break;
        case app::sla::WatchOutcome::nothing_due:
          break;
      }
    }
    if (!fresh || static_cast<int>(due->size()) < limit) break;
  }
  if (report.warned + report.escalated + report.closed + report.stale + report.failed > 0) {
    logging::app().info("sla watch: {} looked at, {} warned, {} escalated, {} closed, {} stale, {} failed",
                        report.looked_at, report.warned, report.escalated, report.closed, report.stale, report.failed);
  }
  return report;
}

void SlaWatch::start() {
  if (options_.interval.count() <= 0 || thread_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void SlaWatch::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SlaWatch::loop() {
  for (;;) {
    if (auto ran = run_once(); !ran) logging::app().error("sla watch: {}", ran.error().log_detail());
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, options_.interval, [this] { return stopping_; })) return;
  }
}

}  // namespace sigap::jobs
