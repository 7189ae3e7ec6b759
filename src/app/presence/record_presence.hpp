#pragma once

#include <optional>
#include <string>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/presence/geofence.hpp"

namespace sigap::app::presence {

/// What a phone sends to check in: the browser's position and its accuracy, and the office
/// (a unit code) when the officer works at more than one.
struct CheckInRequest {
  double latitude = 0;
  double longitude = 0;
  double accuracy_m = 0;
  std::string unit_code;  // "": the one office the actor may check in at
  std::string ip;         // for the audit log
};

/// What a phone sends to check out; the position is optional (a check-out counts anywhere).
struct CheckOutRequest {
  std::optional<double> latitude;
  std::optional<double> longitude;
  std::optional<double> accuracy_m;
  std::string ip;
};

/// A session as the officer's phone shows it.
struct PresenceView {
  ports::PresenceSession session;
  std::string unit_name;
  int radius_m = 0;
};

/// E-presensi for the signed-in staff member (record_presence): check in at a unit office
/// within its geofence (domain/presence/geofence: radius plus at most 50 m of accuracy; a
/// phone less accurate than 200 m is not believed), check out anywhere. One open session per
/// person. Of the position only the distance from the office and the accuracy are stored.
/// Checking in closes the office's open `unstaffed` alert in the same transaction. Each check-in
/// and check-out is audited (presence.checked_in, presence.checked_out; detail: the distance
/// and accuracy in metres). A session open for longer than domain::presence::kLongestPresence
/// has lapsed: it ends at that time by itself ("lapsed"), whatever the next request is.
/// Thread-safe (holds references only).
class PresenceRecorder {
 public:
  PresenceRecorder(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// Errors: validation per field ("latitude", "longitude", "accuracy_m"; "unit_code" when the
  /// office is ambiguous, unknown or has no location yet; "location" with the distance when
  /// outside the geofence); forbidden for an office outside the actor's units or an actor who is
  /// no staff member; conflict when checked in already.
  Result<PresenceView> check_in(const domain::access::Actor& actor, const CheckInRequest& request);
  /// Errors: conflict when not checked in (or the check-in lapsed); validation of a position
  /// that is given.
  Result<PresenceView> check_out(const domain::access::Actor& actor, const CheckOutRequest& request);
  /// The actor's open session, if any.
  Result<std::optional<PresenceView>> current(const domain::access::Actor& actor);

 private:
  /// The open session of `user_id`, after ending it as lapsed when it is too old.
  Result<std::optional<ports::PresenceSession>> open_session(std::int64_t user_id, bool& lapsed);
  Result<PresenceView> view_of(ports::PresenceSession session);

  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::presence
