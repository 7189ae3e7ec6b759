#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/presence/geofence.hpp"

namespace sigap::app::ports {

/// One check-in and its check-out (e-presensi). Of the phone's position only the distance from
/// the office and the reported accuracy are kept, rounded to metres; never the coordinates.
struct PresenceSession {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string unit_code;
  TimePoint checked_in_at{};
  int check_in_distance_m = 0;
  int check_in_accuracy_m = 0;
  std::optional<TimePoint> checked_out_at;  // nullopt while checked in
  std::optional<int> check_out_distance_m;  // when the phone sent a position at check-out
  std::optional<int> check_out_accuracy_m;
  std::string ended_by;  // "" while checked in, "check_out", or "lapsed" (domain::presence::kLongestPresence)
  bool operator==(const PresenceSession&) const = default;
};

/// The latest end of a session at a unit office.
struct LastCheckOut {
  std::string unit_code;
  TimePoint at{};
};

/// Reads presence and the office geofences. Thread-safe.
class PresenceRepository {
 public:
  virtual ~PresenceRepository() = default;
  /// Every unit with an office location, with its radius, ordered by unit code.
  virtual Result<std::vector<domain::presence::Geofence>> geofences() = 0;
  virtual Result<std::optional<domain::presence::Geofence>> geofence(std::string_view unit_code) = 0;
  /// The session `user_id` is checked in with, if any.
  virtual Result<std::optional<PresenceSession>> open_session(std::int64_t user_id) = 0;
  /// Every session still open, at any unit (a partial index holds only these).
  virtual Result<std::vector<PresenceSession>> open_sessions() = 0;
  /// Sessions checked in at or after `since` (open or not), ordered by check-in.
  virtual Result<std::vector<PresenceSession>> sessions_since(TimePoint since) = 0;
  /// Per unit, the latest check-out among sessions checked in at or after `since`.
  virtual Result<std::vector<LastCheckOut>> last_check_outs(TimePoint since) = 0;
};

/// Writes presence inside a Transaction.
class PresenceWriter {
 public:
  virtual ~PresenceWriter() = default;
  /// Stores a new open session and returns its id; `conflict` when the user is checked in already.
  virtual Result<std::int64_t> check_in(const PresenceSession& session) = 0;
  /// Ends the open session `id` at `at`; false when it was not open.
  virtual Result<bool> check_out(std::int64_t id, TimePoint at, std::optional<int> distance_m,
                                 std::optional<int> accuracy_m, const std::string& ended_by) = 0;
  /// Sets a unit's office location and geofence radius; false when there is no such unit.
  virtual Result<bool> set_geofence(const domain::presence::Geofence& fence) = 0;
};

}  // namespace sigap::app::ports
