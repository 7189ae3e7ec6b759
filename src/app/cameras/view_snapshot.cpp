#include "app/cameras/view_snapshot.hpp"

#include "app/audit/record_audit.hpp"
#include "app/cameras/camera_admin.hpp"
#include "common/time_format.hpp"

namespace sigap::app::cameras {

namespace da = domain::access;

Result<SnapshotView> view_snapshot(ports::Storage& storage, const CameraSnapshots& snapshots, const Clock& clock,
                                   const da::Actor& actor, std::int64_t camera_id, const std::string& ip) {
  auto camera = storage.cameras().find(camera_id);
  if (!camera) return camera.error();
  Error missing(ErrorCode::not_found, Text{"Kamera tidak ditemukan.", "Camera not found."});
  if (!*camera) return missing;
  auto allowed = may_on_unit(storage, actor, da::Action::view_camera, (*camera)->unit_code);
  if (!allowed) return allowed.error();
  if (!*allowed) return missing;
  auto snapshot = snapshots.latest(camera_id);
  if (!snapshot) {
    return Error(ErrorCode::unavailable, Text{"Belum ada gambar dari kamera ini.", "No image from this camera yet."});
  }
  auto audited = audit::record_audit(
      storage, {clock.now(), audit::audit_name(actor), "camera.viewed", "camera:" + std::to_string(camera_id),
                "captured " + format_utc(snapshot->captured_at), ip});
  if (!audited) return audited.error();
  return SnapshotView{std::move(**camera), std::move(*snapshot)};
}

}  // namespace sigap::app::cameras
