#include "jobs/camera_probe.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <set>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "app/cameras/record_probe.hpp"
#include "app/command_center/wall_clock.hpp"
#include "common/logging.hpp"
#include "domain/alerts/alert_kind.hpp"

namespace sigap::jobs {

namespace dc = domain::cameras;
namespace dal = domain::alerts;

CameraProbe::CameraProbe(app::ports::Storage& storage, const Clock& clock, app::ports::CameraFetcher& fetcher,
                         app::cameras::CameraSnapshots& snapshots, CameraProbeOptions options)
    : storage_(storage),
      clock_(clock),
      fetcher_(fetcher),
      snapshots_(snapshots),
      options_(options),
      ticker_("sigap-cameras", options.interval, [this] {
        if (auto ran = run_once(); !ran) logging::app().error("camera probe: {}", ran.error().log_detail());
      }) {}

Result<CameraProbeReport> CameraProbe::run_once() {
  std::lock_guard round(round_mutex_);
  CameraProbeReport report;
  auto listed = storage_.cameras().list();
  if (!listed) return listed.error();
  std::vector<dc::Camera> cameras;
  for (auto& camera : *listed) {
    if (camera.active) cameras.push_back(std::move(camera));
  }
  if (cameras.empty()) return report;

  // Fetch them all, `threads` at a time.
  std::vector<app::ports::CameraAnswer> answers(cameras.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (auto i = next++; i < cameras.size(); i = next++) {
      answers[i] = fetcher_.fetch({cameras[i].snapshot_url, cameras[i].username, cameras[i].password});
    }
  };
  const auto threads = std::clamp<std::size_t>(options_.threads, 1, cameras.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < threads; ++t) workers.emplace_back(work);
  work();
  for (auto& worker : workers) worker.join();

  const auto now = clock_.now();
  auto open = storage_.alerts().open_of_kind(dal::to_string(dal::AlertKind::camera_down));
  if (!open) return open.error();
  std::set<std::string, std::less<>> alerted;
  for (const auto& alert : *open) alerted.insert(alert.subject);
  auto units = storage_.units().list({});
  if (!units) return units.error();
  std::map<std::string, const domain::master_data::Unit*, std::less<>> unit_of;
  for (const auto& unit : *units) unit_of.emplace(unit.code, &unit);

  for (std::size_t i = 0; i < cameras.size(); ++i) {
    const auto& camera = cameras[i];
    auto& answer = answers[i];
    dc::ProbeResult result{answer.ok, answer.error};
    if (answer.ok && !snapshots_.put(camera.id, std::move(answer.jpeg), now)) {
      result = {false, fmt::format("image larger than {} bytes", snapshots_.max_image_bytes())};
    }
    auto unit = unit_of.find(camera.unit_code);
    const std::string unit_name = unit != unit_of.end() ? unit->second->name : camera.unit_code;
    const auto zone = app::command_center::zone_of(unit != unit_of.end() ? unit->second->time_zone : std::string());
    auto recorded = app::cameras::record_probe(storage_, camera, unit_name, zone,
                                               alerted.contains(dal::camera_subject(camera.id)), result, now);
    ++report.probed;
    if (!recorded) {
      ++report.failed;
      logging::app().error("camera probe: camera {}: {}", camera.id, recorded.error().log_detail());
      continue;
    }
    if (recorded->health.status == dc::CameraStatus::up) {
      ++report.up;
    } else {
      ++report.down;
    }
    if (recorded->raised) ++report.raised;
    if (recorded->closed) ++report.closed;
  }
  if (report.raised + report.closed + report.failed > 0) {
    logging::app().info("camera probe: {} cameras, {} up, {} down, {} alerts raised, {} closed, {} failed",
                        report.probed, report.up, report.down, report.raised, report.closed, report.failed);
  }
  return report;
}

}  // namespace sigap::jobs
