#pragma once

#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/cameras/camera.hpp"
#include "domain/cameras/camera_health.hpp"
#include "domain/sla/time_zone.hpp"

namespace sigap::app::cameras {

/// What recording one probe did.
struct ProbeRecord {
  domain::cameras::CameraHealth health;
  bool raised = false;  // camera_down alert raised
  bool closed = false;  // camera_down alert closed
};

/// Applies domain::cameras::judge_probe to one probe of `camera` (as stored, with its health)
/// and writes what changed in one transaction: the camera's health, and the camera_down alert
/// (unit = the camera's unit, subject "camera:<id>") raised after 5 minutes down or closed when
/// it is up again. `alert_open`: whether such an alert is open now. `unit_name` and `zone` name
/// the office and its wall clock in the alert's message. Writes nothing when nothing changed.
Result<ProbeRecord> record_probe(ports::Storage& storage, const domain::cameras::Camera& camera,
                                 const std::string& unit_name, domain::sla::UnitTimeZone zone, bool alert_open,
                                 const domain::cameras::ProbeResult& result, TimePoint now);

}  // namespace sigap::app::cameras
