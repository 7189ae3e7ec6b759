#include "jobs/surge_watch.hpp"

#include "common/logging.hpp"

namespace sigap::jobs {

SurgeWatch::SurgeWatch(app::ports::Storage& storage, const Clock& clock, std::chrono::seconds interval)
    : storage_(storage), clock_(clock), ticker_("sigap-surges", interval, [this] {
        if (auto ran = run_once(); !ran) logging::app().error("surge watch: {}", ran.error().log_detail());
      }) {}

Result<app::alerts::SurgeReport> SurgeWatch::run_once() {
  std::lock_guard tick(tick_mutex_);
  return app::alerts::detect_surges(storage_, clock_.now());
}

}  // namespace sigap::jobs
