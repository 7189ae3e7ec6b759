#pragma once

#include <cstdint>
#include <string>

#include "app/cameras/camera_snapshots.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/cameras/camera.hpp"

namespace sigap::app::cameras {

/// A camera's latest image for someone allowed to see its unit (view_camera), and the camera.
struct SnapshotView {
  domain::cameras::Camera camera;
  Snapshot snapshot;
};

/// Hands out the camera's latest image and records the view in the audit log (camera.viewed:
/// who, which camera, when, from which address) before returning it: nobody looks at a camera
/// unrecorded. A camera outside the actor's scope is not_found, like one that does not exist;
/// `unavailable` when no image has been fetched yet (a new camera, or one down since start-up).
Result<SnapshotView> view_snapshot(ports::Storage& storage, const CameraSnapshots& snapshots, const Clock& clock,
                                   const domain::access::Actor& actor, std::int64_t camera_id, const std::string& ip);

}  // namespace sigap::app::cameras
