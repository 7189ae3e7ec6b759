#pragma once

#include <chrono>
#include <mutex>

#include "app/alerts/detect_surges.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "jobs/ticker.hpp"

namespace sigap::jobs {

/// Looks for surges of reports every `interval` (surge_watch_interval_seconds; zero: start()
/// runs nothing) with app::alerts::detect_surges. Time comes from `clock`; tests call
/// run_once(). Thread-safe (looks do not overlap).
class SurgeWatch {
 public:
  SurgeWatch(app::ports::Storage& storage, const Clock& clock, std::chrono::seconds interval = std::chrono::minutes(5));
  SurgeWatch(const SurgeWatch&) = delete;
  SurgeWatch& operator=(const SurgeWatch&) = delete;

  Result<app::alerts::SurgeReport> run_once();
  void start() { ticker_.start(); }
  void stop() { ticker_.stop(); }

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  std::mutex tick_mutex_;
  Ticker ticker_;
};

}  // namespace sigap::jobs
