#include "storage/sql/sql_presence.hpp"

#include <fmt/format.h>

#include "common/time_format.hpp"

namespace sigap::storage::sql {

namespace ports = app::ports;
namespace dp = domain::presence;
using Row = std::vector<std::optional<std::string>>;

namespace {

constexpr std::string_view kSessionColumns =
    "id, user_id, unit_code, checked_in_at, check_in_distance_m, check_in_accuracy_m, checked_out_at, "
    "check_out_distance_m, check_out_accuracy_m, ended_by";

std::optional<int> optional_int(const Row& row, std::size_t column) {
  if (!row[column]) return std::nullopt;
  return static_cast<int>(int_at(row, column));
}

ports::PresenceSession session_from(const Row& row) {
  ports::PresenceSession session;
  session.id = int_at(row, 0);
  session.user_id = int_at(row, 1);
  session.unit_code = text_at(row, 2);
  session.checked_in_at = parse_utc(text_at(row, 3)).value_or(TimePoint{});
  session.check_in_distance_m = static_cast<int>(int_at(row, 4));
  session.check_in_accuracy_m = static_cast<int>(int_at(row, 5));
  session.checked_out_at = parse_utc(text_at(row, 6));
  session.check_out_distance_m = optional_int(row, 7);
  session.check_out_accuracy_m = optional_int(row, 8);
  session.ended_by = text_at(row, 9);
  return session;
}

Result<std::vector<ports::PresenceSession>> sessions_from(Result<SqlRows> rows) {
  if (!rows) return rows.error();
  std::vector<ports::PresenceSession> sessions;
  sessions.reserve(rows->size());
  for (const auto& row : rows->rows) sessions.push_back(session_from(row));
  return sessions;
}

dp::Geofence geofence_from(const Row& row) {
  return dp::Geofence{text_at(row, 0),
                      {double_at(row, 1).value_or(0), double_at(row, 2).value_or(0)},
                      static_cast<int>(int_at(row, 3))};
}

SqlValue optional_value(std::optional<int> value) {
  if (!value) return std::monostate{};
  return std::int64_t{*value};
}

}  // namespace

Result<std::vector<dp::Geofence>> SqlPresenceRepository::geofences() {
  auto rows = backend_.read(
      "SELECT code, latitude, longitude, geofence_radius_m FROM units "
      "WHERE latitude IS NOT NULL AND longitude IS NOT NULL ORDER BY code",
      {});
  if (!rows) return rows.error();
  std::vector<dp::Geofence> fences;
  for (const auto& row : rows->rows) fences.push_back(geofence_from(row));
  return fences;
}

Result<std::optional<dp::Geofence>> SqlPresenceRepository::geofence(std::string_view unit_code) {
  auto rows = backend_.read(
      "SELECT code, latitude, longitude, geofence_radius_m FROM units "
      "WHERE code = $1 AND latitude IS NOT NULL AND longitude IS NOT NULL",
      {std::string(unit_code)});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<dp::Geofence>();
  return std::optional<dp::Geofence>(geofence_from(rows->rows.front()));
}

Result<std::optional<ports::PresenceSession>> SqlPresenceRepository::open_session(std::int64_t user_id) {
  auto rows = backend_.read(
      fmt::format("SELECT {} FROM presence_sessions WHERE user_id = $1 AND checked_out_at = ''", kSessionColumns),
      {user_id});
  if (!rows) return rows.error();
  if (rows->empty()) return std::optional<ports::PresenceSession>();
  return std::optional<ports::PresenceSession>(session_from(rows->rows.front()));
}

Result<std::vector<ports::PresenceSession>> SqlPresenceRepository::open_sessions() {
  return sessions_from(
      backend_.read(fmt::format("SELECT {} FROM presence_sessions WHERE checked_out_at = '' ORDER BY checked_in_at, id",
                                kSessionColumns),
                    {}));
}

Result<std::vector<ports::PresenceSession>> SqlPresenceRepository::sessions_since(TimePoint since) {
  return sessions_from(
      backend_.read(fmt::format("SELECT {} FROM presence_sessions WHERE checked_in_at >= $1 ORDER BY checked_in_at, id",
                                kSessionColumns),
                    {format_utc(since)}));
}

Result<std::vector<ports::LastCheckOut>> SqlPresenceRepository::last_check_outs(TimePoint since) {
  auto rows = backend_.read(
      "SELECT unit_code, MAX(checked_out_at) FROM presence_sessions "
      "WHERE checked_in_at >= $1 AND checked_out_at <> '' GROUP BY unit_code ORDER BY unit_code",
      {format_utc(since)});
  if (!rows) return rows.error();
  std::vector<ports::LastCheckOut> out;
  for (const auto& row : rows->rows) {
    if (auto at = parse_utc(text_at(row, 1))) out.push_back({text_at(row, 0), *at});
  }
  return out;
}

Result<std::int64_t> SqlPresenceWriter::check_in(const ports::PresenceSession& session) {
  auto rows = connection_.query(
      "INSERT INTO presence_sessions (user_id, unit_code, checked_in_at, check_in_distance_m, check_in_accuracy_m) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      {session.user_id, session.unit_code, format_utc(session.checked_in_at), std::int64_t{session.check_in_distance_m},
       std::int64_t{session.check_in_accuracy_m}});
  if (!rows) return rows.error();
  return int_at(rows->rows.front(), 0);
}

Result<bool> SqlPresenceWriter::check_out(std::int64_t id, TimePoint at, std::optional<int> distance_m,
                                          std::optional<int> accuracy_m, const std::string& ended_by) {
  auto rows = connection_.query(
      "UPDATE presence_sessions SET checked_out_at = $1, check_out_distance_m = $2, check_out_accuracy_m = $3, "
      "ended_by = $4 WHERE id = $5 AND checked_out_at = '' RETURNING id",
      {format_utc(at), optional_value(distance_m), optional_value(accuracy_m), ended_by, id});
  if (!rows) return rows.error();
  return !rows->empty();
}

Result<bool> SqlPresenceWriter::set_geofence(const dp::Geofence& fence) {
  auto rows = connection_.query(
      "UPDATE units SET latitude = $1, longitude = $2, geofence_radius_m = $3 WHERE code = $4 RETURNING id",
      {fence.office.latitude, fence.office.longitude, std::int64_t{fence.radius_m}, fence.unit_code});
  if (!rows) return rows.error();
  return !rows->empty();
}

}  // namespace sigap::storage::sql
