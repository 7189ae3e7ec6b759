#include "app/cameras/camera_admin.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "app/audit/record_audit.hpp"
#include "app/command_center/unit_tree.hpp"
#include "domain/alerts/alert_kind.hpp"
#include "domain/cameras/camera_rules.hpp"

namespace sigap::app::cameras {

namespace da = domain::access;
namespace dc = domain::cameras;
namespace dal = domain::alerts;

namespace {

Error not_found() { return Error(ErrorCode::not_found, Text{"Kamera tidak ditemukan.", "Camera not found."}); }

Error invalid(std::vector<FieldError> problems) {
  return Error(ErrorCode::validation,
               Text{"Data kamera belum benar; periksa isian yang ditandai.",
                    "The camera is not right yet; check the marked fields."},
               std::move(problems));
}

// The fields an edit changed, for the audit log; credentials by name only.
std::string changed_fields(const dc::Camera& before, const dc::Camera& after) {
  std::string changed;
  auto note = [&](bool differs, std::string_view name) {
    if (!differs) return;
    if (!changed.empty()) changed += ", ";
    changed += name;
  };
  note(before.unit_code != after.unit_code, "unit_code");
  note(before.name != after.name, "name");
  note(before.location != after.location, "location");
  note(before.position != after.position, "position");
  note(before.snapshot_url != after.snapshot_url, "snapshot_url");
  note(before.username != after.username || before.password != after.password, "credentials");
  note(before.active != after.active, "active");
  return changed.empty() ? std::string("no change") : changed;
}

}  // namespace

Result<bool> may_on_unit(ports::Storage& storage, const da::Actor& actor, da::Action action,
                         const std::string& unit_code) {
  auto path = storage.units().path_to(unit_code);
  if (!path) return path.error();
  if (path->empty()) return false;
  return da::can(actor, action, da::Resource{*path}) == da::Decision::allow;
}

Result<std::vector<dc::Camera>> CameraAdmin::list(const da::Actor& actor) {
  auto cameras = storage_.cameras().list();
  if (!cameras) return cameras.error();
  auto scope = da::scope_of(actor, da::Action::view_camera);
  if (scope.everywhere) return cameras;
  auto tree = command_center::UnitTree::load(storage_);
  if (!tree) return tree.error();
  std::erase_if(*cameras, [&](const dc::Camera& camera) { return !tree->in_scope(camera.unit_code, scope); });
  return cameras;
}

Result<dc::Camera> CameraAdmin::get(const da::Actor& actor, std::int64_t id) {
  auto found = storage_.cameras().find(id);
  if (!found) return found.error();
  if (!*found) return not_found();
  auto allowed = may_on_unit(storage_, actor, da::Action::view_camera, (*found)->unit_code);
  if (!allowed) return allowed.error();
  if (!*allowed) return not_found();
  return std::move(**found);
}

Result<void> CameraAdmin::apply(const CameraDraft& draft, bool creating, dc::Camera& camera) {
  std::vector<FieldError> problems;
  auto required = [&](const char* field) { problems.push_back({field, Text{"Wajib diisi.", "Required."}}); };
  if (draft.unit_code) {
    camera.unit_code = *draft.unit_code;
  } else if (creating) {
    required("unit_code");
  }
  if (draft.name) {
    camera.name = *draft.name;
  } else if (creating) {
    required("name");
  }
  if (draft.location) camera.location = *draft.location;
  if (draft.position) camera.position = *draft.position;
  if (draft.username) camera.username = *draft.username;
  if (draft.password) camera.password = *draft.password;
  if (draft.active) camera.active = *draft.active;
  if (draft.snapshot_url) {
    auto url = dc::check_camera_url(*draft.snapshot_url, settings_.allow, "snapshot_url");
    if (!url) {
      for (const auto& field : url.error().fields()) problems.push_back(field);
    } else {
      camera.snapshot_url = url->text;
      if (fetcher_) {
        auto reachable = fetcher_->check_destination(url->text);
        if (!reachable && reachable.error().code() == ErrorCode::forbidden) {
          problems.push_back({"snapshot_url", Text{"Host ini mengarah ke alamat yang tidak boleh dituju (link-local, "
                                                   "metadata cloud, atau loopback).",
                                                   "This host resolves to an address that may not be reached "
                                                   "(link-local, cloud metadata or loopback)."}});
        }
      }
    }
  } else if (creating) {
    required("snapshot_url");
  }
  auto own = dc::check_camera(camera);
  for (auto& problem : own) {
    const bool named =
        std::any_of(problems.begin(), problems.end(), [&](const FieldError& p) { return p.field == problem.field; });
    if (!named) problems.push_back(std::move(problem));
  }
  if (!camera.unit_code.empty() &&
      std::none_of(problems.begin(), problems.end(), [](const FieldError& p) { return p.field == "unit_code"; })) {
    auto unit = storage_.units().find_by_code(camera.unit_code);
    if (!unit) return unit.error();
    if (!*unit) problems.push_back({"unit_code", Text{"Unit tidak dikenal.", "Unknown unit."}});
  }
  if (!problems.empty()) return invalid(std::move(problems));
  return {};
}

Result<dc::Camera> CameraAdmin::create(const da::Actor& actor, const CameraDraft& draft, const std::string& ip) {
  dc::Camera camera;
  if (auto applied = apply(draft, true, camera); !applied) return applied.error();
  const auto now = clock_.now();
  camera.created_at = camera.updated_at = now;
  camera.health = {dc::CameraStatus::unknown, now, {}};
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto id = tx.cameras().insert(camera);
    if (!id) return id.error();
    camera.id = *id;
    auto audited =
        audit::record_audit(tx, {now, audit::audit_name(actor), "camera.created", "camera:" + std::to_string(camera.id),
                                 fmt::format("{} ({})", camera.name, camera.unit_code), ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return camera;
}

Result<dc::Camera> CameraAdmin::update(const da::Actor& actor, std::int64_t id, const CameraDraft& draft,
                                       const std::string& ip) {
  auto stored = get(actor, id);
  if (!stored) return stored.error();
  auto camera = *stored;
  if (auto applied = apply(draft, false, camera); !applied) return applied.error();
  const auto now = clock_.now();
  camera.updated_at = now;
  const bool leaves_probing = stored->active && (!camera.active || camera.unit_code != stored->unit_code);
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto updated = tx.cameras().update(camera);
    if (!updated) return updated.error();
    if (!*updated) return not_found();
    if (leaves_probing) {
      auto closed = tx.alerts().close(dal::to_string(dal::AlertKind::camera_down), dal::camera_subject(id), now);
      if (!closed) return closed.error();
    }
    auto audited = audit::record_audit(tx, {now, audit::audit_name(actor), "camera.updated",
                                            "camera:" + std::to_string(id), changed_fields(*stored, camera), ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  return camera;
}

Result<void> CameraAdmin::remove(const da::Actor& actor, std::int64_t id, const std::string& ip) {
  auto stored = get(actor, id);
  if (!stored) return stored.error();
  const auto now = clock_.now();
  auto written = storage_.write([&](ports::Transaction& tx) -> Result<void> {
    auto removed = tx.cameras().remove(id);
    if (!removed) return removed.error();
    if (!*removed) return not_found();
    auto closed = tx.alerts().close(dal::to_string(dal::AlertKind::camera_down), dal::camera_subject(id), now);
    if (!closed) return closed.error();
    auto audited =
        audit::record_audit(tx, {now, audit::audit_name(actor), "camera.deleted", "camera:" + std::to_string(id),
                                 fmt::format("{} ({})", stored->name, stored->unit_code), ip});
    if (!audited) return audited.error();
    return {};
  });
  if (!written) return written.error();
  if (snapshots_) snapshots_->forget(id);
  return {};
}

}  // namespace sigap::app::cameras
