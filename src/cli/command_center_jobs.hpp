#pragma once

#include <memory>

#include "app/cameras/camera_snapshots.hpp"
#include "app/ports/camera_fetcher.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "cli/config.hpp"
#include "common/clock.hpp"
#include "jobs/camera_probe.hpp"
#include "jobs/presence_watch.hpp"
#include "jobs/surge_watch.hpp"
#include "notify/curl_camera_fetcher.hpp"

namespace sigap::cli {

/// The camera fetcher the configuration names: camera_allow_hosts, camera_timeout_seconds.
std::unique_ptr<notify::CurlCameraFetcher> camera_fetcher(const Config& config);

/// What `sigap serve` runs beside the server for the Command Center (issue #6,
/// docs/command-center.md): the presence watch (unstaffed offices), the camera probe (whose
/// images the snapshot route serves from `snapshots`) and the surge watch, each on its own
/// schedule from the configuration (0 = off).
class CommandCenterJobs {
 public:
  CommandCenterJobs(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules, const Config& config,
                    app::ports::CameraFetcher& fetcher, app::cameras::CameraSnapshots& snapshots);
  CommandCenterJobs(const CommandCenterJobs&) = delete;
  CommandCenterJobs& operator=(const CommandCenterJobs&) = delete;

  void start();
  /// Lets a look or round in progress finish (each fetch is bounded by its timeout).
  void stop();

 private:
  jobs::PresenceWatch presence_;
  jobs::CameraProbe cameras_;
  jobs::SurgeWatch surges_;
};

}  // namespace sigap::cli
