#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>

#include "app/cameras/camera_snapshots.hpp"
#include "app/ports/camera_fetcher.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "jobs/ticker.hpp"

namespace sigap::jobs {

struct CameraProbeOptions {
  /// camera_probe_interval_seconds: time between two rounds; zero: start() runs nothing.
  std::chrono::seconds interval{30};
  /// Cameras fetched at once (each fetch is bounded by the fetcher's timeouts, so a round takes
  /// at most about cameras / threads × the timeout).
  std::size_t threads = 4;
};

/// What one round did.
struct CameraProbeReport {
  std::size_t probed = 0;
  std::size_t up = 0;
  std::size_t down = 0;
  std::size_t raised = 0;  // camera_down alerts raised
  std::size_t closed = 0;  // and closed
  std::size_t failed = 0;  // could not be recorded (logged; tried again next round)
};

/// Fetches one image of every active camera each round (app::ports::CameraFetcher: a JPEG, or
/// the first frame of an MJPEG stream, with timeouts), keeps it as the camera's latest image
/// (app::cameras::CameraSnapshots, in memory), and records up or down and since when with
/// app::cameras::record_probe, which raises the camera_down alert after 5 minutes down and
/// closes it when the camera answers again. Time comes from `clock`; tests drive a fake clock
/// and run_once(). Thread-safe (rounds do not overlap).
class CameraProbe {
 public:
  CameraProbe(app::ports::Storage& storage, const Clock& clock, app::ports::CameraFetcher& fetcher,
              app::cameras::CameraSnapshots& snapshots, CameraProbeOptions options = {});
  CameraProbe(const CameraProbe&) = delete;
  CameraProbe& operator=(const CameraProbe&) = delete;

  /// One round at clock.now(). Errors only when storage cannot list the cameras.
  Result<CameraProbeReport> run_once();
  void start() { ticker_.start(); }
  void stop() { ticker_.stop(); }

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::ports::CameraFetcher& fetcher_;
  app::cameras::CameraSnapshots& snapshots_;
  CameraProbeOptions options_;
  std::mutex round_mutex_;
  Ticker ticker_;
};

}  // namespace sigap::jobs
