#include "domain/cameras/camera_health.hpp"

namespace sigap::domain::cameras {

ProbeVerdict judge_probe(const CameraHealth& before, bool alert_open, const ProbeResult& result, TimePoint now) {
  ProbeVerdict verdict;
  if (result.reached) {
    verdict.health = before.status == CameraStatus::up ? before : CameraHealth{CameraStatus::up, now, {}};
    verdict.health.last_error.clear();
    verdict.close_alert = alert_open;
  } else {
    verdict.health = before.status == CameraStatus::down ? before : CameraHealth{CameraStatus::down, now, {}};
    verdict.health.last_error = result.error.empty() ? std::string("no image") : result.error;
    verdict.raise_alert = !alert_open && now - verdict.health.since >= kDownAlertAfter;
  }
  verdict.changed = verdict.health != before;
  return verdict;
}

}  // namespace sigap::domain::cameras
