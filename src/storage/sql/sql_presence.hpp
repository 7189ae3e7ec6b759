#pragma once

#include "app/ports/presence_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Presence sessions and the office geofences (migration 0015: units.geofence_radius_m beside
/// the office location of 0001).
class SqlPresenceRepository final : public app::ports::PresenceRepository {
 public:
  explicit SqlPresenceRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::PresenceRepository
  Result<std::vector<domain::presence::Geofence>> geofences() override;
  Result<std::optional<domain::presence::Geofence>> geofence(std::string_view unit_code) override;
  Result<std::optional<app::ports::PresenceSession>> open_session(std::int64_t user_id) override;
  Result<std::vector<app::ports::PresenceSession>> open_sessions() override;
  Result<std::vector<app::ports::PresenceSession>> sessions_since(TimePoint since) override;
  Result<std::vector<app::ports::LastCheckOut>> last_check_outs(TimePoint since) override;

 private:
  SqlBackend& backend_;
};

class SqlPresenceWriter final : public app::ports::PresenceWriter {
 public:
  explicit SqlPresenceWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::PresenceWriter
  Result<std::int64_t> check_in(const app::ports::PresenceSession& session) override;
  Result<bool> check_out(std::int64_t id, TimePoint at, std::optional<int> distance_m, std::optional<int> accuracy_m,
                         const std::string& ended_by) override;
  Result<bool> set_geofence(const domain::presence::Geofence& fence) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
