#include "http/handlers/camera_handlers.hpp"

#include <boost/json.hpp>

#include "app/cameras/view_snapshot.hpp"
#include "app/command_center/unit_tree.hpp"
#include "common/time_format.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace da = domain::access;
namespace dc = domain::cameras;

namespace {

const std::initializer_list<std::string_view> kFields{"unit_code",    "name",     "location", "latitude", "longitude",
                                                      "snapshot_url", "username", "password", "active"};

Response not_found(const Request& request) {
  return problem_response(Error(ErrorCode::not_found, Text{"Kamera tidak ditemukan.", "Camera not found."}), request);
}

// The fields of a create or update body; problems of type go into `fields`.
app::cameras::CameraDraft draft_from(const json::object& body, JsonFields& fields) {
  app::cameras::CameraDraft draft;
  draft.unit_code = fields.string("unit_code", false);
  draft.name = fields.string("name", false);
  draft.location = fields.string("location", false);
  draft.snapshot_url = fields.string("snapshot_url", false);
  draft.username = fields.string("username", false);
  draft.password = fields.string("password", false);
  draft.active = fields.boolean("active", false);
  const bool has_latitude = body.contains("latitude");
  const bool has_longitude = body.contains("longitude");
  if (has_latitude || has_longitude) {
    const bool cleared =
        has_latitude && has_longitude && body.at("latitude").is_null() && body.at("longitude").is_null();
    if (cleared) {
      draft.position = std::optional<domain::master_data::GeoPoint>();
    } else {
      auto latitude = fields.number("latitude", true);
      auto longitude = fields.number("longitude", true);
      if (latitude && longitude) draft.position = domain::master_data::GeoPoint{*latitude, *longitude};
    }
  }
  return draft;
}

json::object camera_json(const dc::Camera& camera, const app::cameras::CameraSnapshots& snapshots, bool admin) {
  auto image = snapshots.latest(camera.id);
  json::object out{
      {"id", camera.id},
      {"unit_code", camera.unit_code},
      {"name", camera.name},
      {"location", camera.location},
      {"latitude", camera.position ? json::value(camera.position->latitude) : json::value(nullptr)},
      {"longitude", camera.position ? json::value(camera.position->longitude) : json::value(nullptr)},
      {"active", camera.active},
      {"status", dc::to_string(camera.health.status)},
      {"status_since", format_utc(camera.health.since)},
      {"last_error", camera.health.last_error.empty() ? json::value(nullptr) : json::value(camera.health.last_error)},
      {"image_captured_at", image ? json::value(format_utc(image->captured_at)) : json::value(nullptr)},
      {"created_at", format_utc(camera.created_at)},
      {"updated_at", format_utc(camera.updated_at)}};
  if (admin) {
    out["snapshot_url"] = camera.snapshot_url;
    out["has_credentials"] = camera.has_credentials();
  }
  return out;
}

bool is_camera_admin(const da::Actor& actor) { return da::scope_of(actor, da::Action::manage_cameras).everywhere; }

Response no_store(json::object body, int status = 200) {
  auto response = json_response(json::serialize(body), status);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response CameraHandlers::list(const Request& request) {
  ListQuery query(request, {"unit"});
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto cameras = admin_.list(request.actor);
  if (!cameras) return problem_response(cameras.error(), request);
  if (auto unit = query.text("unit")) {
    auto tree = app::command_center::UnitTree::load(storage_);
    if (!tree) return problem_response(tree.error(), request);
    std::erase_if(*cameras, [&](const dc::Camera& camera) { return !tree->under(camera.unit_code, *unit); });
  }
  const bool admin = is_camera_admin(request.actor);
  json::array items;
  for (const auto& camera : *cameras) items.push_back(camera_json(camera, snapshots_, admin));
  return no_store(json::object{{"items", std::move(items)}});
}

Response CameraHandlers::create(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, kFields);
  auto draft = draft_from(*body, fields);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto created = admin_.create(request.actor, draft, request.remote_address);
  if (!created) return problem_response(created.error(), request);
  auto response = no_store(camera_json(*created, snapshots_, true), 201);
  response.set_header("Location", "/api/v1/cameras/" + std::to_string(created->id));
  return response;
}

Response CameraHandlers::get(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto camera = admin_.get(request.actor, *id);
  if (!camera) return problem_response(camera.error(), request);
  return no_store(camera_json(*camera, snapshots_, is_camera_admin(request.actor)));
}

Response CameraHandlers::update(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, kFields);
  auto draft = draft_from(*body, fields);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto updated = admin_.update(request.actor, *id, draft, request.remote_address);
  if (!updated) return problem_response(updated.error(), request);
  return no_store(camera_json(*updated, snapshots_, true));
}

Response CameraHandlers::remove(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  if (auto removed = admin_.remove(request.actor, *id, request.remote_address); !removed) {
    return problem_response(removed.error(), request);
  }
  Response response;
  response.status = 204;
  return response;
}

Response CameraHandlers::snapshot(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto view = app::cameras::view_snapshot(storage_, snapshots_, clock_, request.actor, *id, request.remote_address);
  if (!view) {
    auto response = problem_response(view.error(), request);
    if (view.error().code() == ErrorCode::unavailable) response.set_header("Retry-After", "30");
    return response;
  }
  Response response;
  response.body = *view->snapshot.jpeg;
  response.set_header("Content-Type", "image/jpeg");
  // Every view is a fresh, audited request: no cache may answer it instead.
  response.set_header("Cache-Control", "no-store");
  response.set_header("X-Captured-At", format_utc(view->snapshot.captured_at));
  response.set_header("X-Camera-Status", std::string(dc::to_string(view->camera.health.status)));
  return response;
}

}  // namespace sigap::http::handlers
