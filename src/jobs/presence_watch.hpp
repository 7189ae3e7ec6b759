#pragma once

#include <chrono>
#include <mutex>

#include "app/ports/storage.hpp"
#include "app/presence/watch_presence.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "jobs/ticker.hpp"

namespace sigap::jobs {

/// Looks at every office every `interval` (presence_watch_interval_seconds; zero: start() runs
/// nothing) with app::presence::watch_presence: raises the `unstaffed` alert for an office nobody
/// has been checked in at for more than 15 minutes of its service hours, closes it when someone
/// is in or the hours are over, and ends check-ins left open for 12 hours. Time comes from
/// `clock`, so tests drive it with a fake clock and run_once(). Thread-safe: run_once() may be
/// called while the thread runs (looks do not overlap).
class PresenceWatch {
 public:
  PresenceWatch(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules,
                std::chrono::seconds interval = std::chrono::seconds(60));
  PresenceWatch(const PresenceWatch&) = delete;
  PresenceWatch& operator=(const PresenceWatch&) = delete;

  Result<app::presence::PresenceWatchReport> run_once();
  void start() { ticker_.start(); }
  void stop() { ticker_.stop(); }

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::sla::SlaRules& rules_;
  std::mutex tick_mutex_;  // one look at a time
  Ticker ticker_;
};

}  // namespace sigap::jobs
