#pragma once

#include "app/command_center/unit_tree.hpp"
#include "app/ports/storage.hpp"
#include "app/presence/office_geofence.hpp"
#include "app/presence/presence_board.hpp"
#include "app/presence/record_presence.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// E-presensi (docs/command-center.md). Thin: JSON to a request, the use cases in app/presence
/// check, write and audit.
class PresenceHandlers {
 public:
  /// A geofence set here makes `units` (the kept unit tree, which holds the geofences) read again.
  PresenceHandlers(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules,
                   app::command_center::UnitDirectory& units)
      : recorder_(storage, clock), board_(storage, clock, rules), geofences_(storage, clock), units_(units) {}

  /// POST /api/v1/presence/check-in {latitude, longitude, accuracy_m, unit_code?}: 201 with the
  /// session; 422 with the distance when outside the office's geofence.
  Response check_in(const Request& request);
  /// POST /api/v1/presence/check-out {latitude?, longitude?, accuracy_m?}: the ended session.
  Response check_out(const Request& request);
  /// GET /api/v1/presence/me: {session: the open session or null}.
  Response mine(const Request& request);
  /// GET /api/v1/presence?unit=: the offices in scope, who is in, hours staffed this week.
  Response board(const Request& request);
  /// GET /api/v1/units/{id}/geofence
  Response get_geofence(const Request& request);
  /// PUT /api/v1/units/{id}/geofence {latitude, longitude, radius_m?}
  Response put_geofence(const Request& request);

 private:
  app::presence::PresenceRecorder recorder_;
  app::presence::PresenceBoard board_;
  app::presence::OfficeGeofences geofences_;
  app::command_center::UnitDirectory& units_;
};

}  // namespace sigap::http::handlers
