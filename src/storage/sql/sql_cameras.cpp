#include "storage/sql/sql_cameras.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace dc = domain::cameras;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kColumns =
    "id, unit_code, name, location, latitude, longitude, snapshot_url, username, password, active, status, "
    "status_since, last_error, created_at, updated_at";

Result<dc::Camera> camera_from(const Row& row, const PersonalDataSealer& sealer) {
  dc::Camera camera;
  camera.id = int_at(row, 0);
  camera.unit_code = text_at(row, 1);
  camera.name = text_at(row, 2);
  camera.location = text_at(row, 3);
  auto latitude = double_at(row, 4);
  auto longitude = double_at(row, 5);
  if (latitude && longitude) camera.position = domain::master_data::GeoPoint{*latitude, *longitude};
  auto url = sealer.open(text_at(row, 6));
  auto username = sealer.open(text_at(row, 7));
  auto password = sealer.open(text_at(row, 8));
  if (!url) return url.error();
  if (!username) return username.error();
  if (!password) return password.error();
  camera.snapshot_url = std::move(*url);
  camera.username = std::move(*username);
  camera.password = std::move(*password);
  camera.active = int_at(row, 9) != 0;
  camera.health.status = dc::camera_status_from_string(text_at(row, 10)).value_or(dc::CameraStatus::unknown);
  camera.health.since = parse_utc(text_at(row, 11)).value_or(TimePoint{});
  camera.health.last_error = text_at(row, 12);
  camera.created_at = parse_utc(text_at(row, 13)).value_or(TimePoint{});
  camera.updated_at = parse_utc(text_at(row, 14)).value_or(TimePoint{});
  return camera;
}

SqlValue coordinate(const dc::Camera& camera, bool latitude) {
  if (!camera.position) return std::monostate{};
  return latitude ? camera.position->latitude : camera.position->longitude;
}

}  // namespace

Result<std::vector<dc::Camera>> SqlCameraRepository::list() {
  auto rows = backend_.read(fmt::format("SELECT {} FROM cameras ORDER BY unit_code, name, id", kColumns), {});
  if (!rows) return rows.error();
  std::vector<dc::Camera> cameras;
  for (const auto& row : rows->rows) {
    auto camera = camera_from(row, sealer_);
    if (!camera) return camera.error();
    cameras.push_back(std::move(*camera));
  }
  return cameras;
}

Result<std::optional<dc::Camera>> SqlCameraRepository::find(std::int64_t id) {
  auto rows = backend_.read(fmt::format("SELECT {} FROM cameras WHERE id = $1", kColumns), {id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<dc::Camera>();
  auto camera = camera_from(rows->rows.front(), sealer_);
  if (!camera) return camera.error();
  return std::optional<dc::Camera>(std::move(*camera));
}

Result<std::int64_t> SqlCameraWriter::insert(const dc::Camera& camera) {
  auto rows = connection_.query(
      "INSERT INTO cameras (unit_code, name, location, latitude, longitude, snapshot_url, username, password, active, "
      "status, status_since, last_error, created_at, updated_at) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
      {camera.unit_code, camera.name, camera.location, coordinate(camera, true), coordinate(camera, false),
       sealer_.seal(camera.snapshot_url), sealer_.seal(camera.username), sealer_.seal(camera.password),
       std::int64_t{camera.active ? 1 : 0}, std::string(dc::to_string(camera.health.status)),
       format_utc(camera.health.since), camera.health.last_error, format_utc(camera.created_at),
       format_utc(camera.updated_at)});
  if (!rows) return rows.error();
  return int_at(rows->rows.front(), 0);
}

Result<bool> SqlCameraWriter::update(const dc::Camera& camera) {
  auto rows = connection_.query(
      "UPDATE cameras SET unit_code = $1, name = $2, location = $3, latitude = $4, longitude = $5, snapshot_url = $6, "
      "username = $7, password = $8, active = $9, updated_at = $10 WHERE id = $11 RETURNING id",
      {camera.unit_code, camera.name, camera.location, coordinate(camera, true), coordinate(camera, false),
       sealer_.seal(camera.snapshot_url), sealer_.seal(camera.username), sealer_.seal(camera.password),
       std::int64_t{camera.active ? 1 : 0}, format_utc(camera.updated_at), camera.id});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<bool> SqlCameraWriter::remove(std::int64_t id) {
  auto rows = connection_.query("DELETE FROM cameras WHERE id = $1 RETURNING id", {id});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<bool> SqlCameraWriter::set_health(std::int64_t id, const dc::CameraHealth& health) {
  auto rows =
      connection_.query("UPDATE cameras SET status = $1, status_since = $2, last_error = $3 WHERE id = $4 RETURNING id",
                        {std::string(dc::to_string(health.status)), format_utc(health.since), health.last_error, id});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace sigap::storage::sql
