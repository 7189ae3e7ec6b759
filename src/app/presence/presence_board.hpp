#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/command_center/unit_tree.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"
#include "domain/master_data/unit.hpp"
#include "domain/presence/geofence.hpp"
#include "domain/presence/staffing.hpp"

namespace sigap::app::presence {

/// Someone checked in now.
struct CheckedIn {
  std::int64_t user_id = 0;
  std::string name;
  TimePoint since{};
  int distance_m = 0;
};

/// One office on the presence board.
struct OfficePresence {
  domain::master_data::Unit unit;
  std::optional<domain::presence::Geofence> geofence;  // none: nobody can check in yet
  bool serving_now = false;                            // within its service hours now
  std::vector<CheckedIn> checked_in;
  std::optional<TimePoint> unstaffed_since;            // serving, nobody in, since then
  TimePoint week_start{};                              // Monday 00:00 on the office's wall clock
  domain::presence::Duration staffed_week{0};          // someone checked in, since week_start
  domain::presence::Duration service_week{0};          // service hours so far this week
  domain::presence::Duration staffed_service_week{0};  // of those, with someone checked in
};

/// Who is at which office now and how many hours each was staffed this week (read_presence):
/// the offices (units with an office location, and the unit asked for) within the actor's
/// scope, under `unit` when given, ordered by unit code. Costs three reads whatever the number
/// of offices: all units and the geofences (none when given a tree that has them), and the
/// sessions of the last eight days (indexed by check-in time). Thread-safe.
class PresenceBoard {
 public:
  PresenceBoard(ports::Storage& storage, const Clock& clock, sla::SlaRules& rules)
      : storage_(storage), clock_(clock), rules_(rules) {}

  /// Errors: not_found for an unknown `unit`; forbidden when it is outside the actor's scope.
  Result<std::vector<OfficePresence>> offices(const domain::access::Actor& actor, const std::string& unit);
  /// The same over units already read (`tree`), for a scope given by the caller (the
  /// dashboard's read_dashboard scope), without an existence or scope check of `unit`;
  /// `with_names` false leaves CheckedIn::name empty (no account reads).
  Result<std::vector<OfficePresence>> offices_in(const command_center::UnitTree& tree,
                                                 const domain::access::Scope& scope, const std::string& unit,
                                                 bool with_names);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  sla::SlaRules& rules_;
};

}  // namespace sigap::app::presence
