#include "cli/command_center_jobs.hpp"

namespace sigap::cli {

std::unique_ptr<notify::CurlCameraFetcher> camera_fetcher(const Config& config) {
  notify::CameraFetcherOptions options;
  options.allow = config.camera_allow;
  options.total_timeout = std::chrono::seconds(config.camera_timeout_seconds);
  options.connect_timeout = std::min<std::chrono::milliseconds>(options.connect_timeout, options.total_timeout);
  return std::make_unique<notify::CurlCameraFetcher>(std::move(options));
}

CommandCenterJobs::CommandCenterJobs(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules,
                                     const Config& config, app::ports::CameraFetcher& fetcher,
                                     app::cameras::CameraSnapshots& snapshots)
    : presence_(storage, clock, rules, std::chrono::seconds(config.presence_watch_interval_seconds)),
      cameras_(storage, clock, fetcher, snapshots,
               jobs::CameraProbeOptions{std::chrono::seconds(config.camera_probe_interval_seconds), 4}),
      surges_(storage, clock, std::chrono::seconds(config.surge_watch_interval_seconds)) {}

void CommandCenterJobs::start() {
  presence_.start();
  cameras_.start();
  surges_.start();
}

void CommandCenterJobs::stop() {
  surges_.stop();
  cameras_.stop();
  presence_.stop();
}

}  // namespace sigap::cli
