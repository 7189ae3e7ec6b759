#pragma once

#include <chrono>
#include <string>

#include "domain/cameras/camera.hpp"

namespace sigap::domain::cameras {

/// A camera down this long raises the `camera_down` alert.
inline constexpr std::chrono::minutes kDownAlertAfter{5};

/// What one probe found.
struct ProbeResult {
  bool reached = false;  // a complete JPEG came back
  std::string error;     // why not, for the operator ("timed out", "HTTP 401", ...)
};

/// What to do after a probe.
struct ProbeVerdict {
  CameraHealth health;       // the camera's state after the probe
  bool changed = false;      // the state to store differs from `before` (status, since or error)
  bool raise_alert = false;  // down for kDownAlertAfter and no alert open
  bool close_alert = false;  // up again while an alert is open
};

/// THE rule: a probe that got an image makes the camera up (since that probe, unless it was up
/// already) and closes an open alert; a failed probe makes it down (since that probe, unless it
/// was down already) and, once it has been down for kDownAlertAfter or longer, raises the alert
/// if none is open. Down is counted from the first failed probe, so with probes every 30 s the
/// alert comes 5 to 5.5 minutes after the camera stopped answering.
ProbeVerdict judge_probe(const CameraHealth& before, bool alert_open, const ProbeResult& result, TimePoint now);

}  // namespace sigap::domain::cameras
