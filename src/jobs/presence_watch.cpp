#include "jobs/presence_watch.hpp"

#include "common/logging.hpp"

namespace sigap::jobs {

PresenceWatch::PresenceWatch(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules,
                             std::chrono::seconds interval)
    : storage_(storage), clock_(clock), rules_(rules), ticker_("sigap-presence", interval, [this] {
        if (auto ran = run_once(); !ran) logging::app().error("presence watch: {}", ran.error().log_detail());
      }) {}

Result<app::presence::PresenceWatchReport> PresenceWatch::run_once() {
  std::lock_guard tick(tick_mutex_);
  return app::presence::watch_presence(storage_, rules_, clock_.now());
}

}  // namespace sigap::jobs
