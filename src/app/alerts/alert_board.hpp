#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"

namespace sigap::app::alerts {

/// What a reader asks for; the scope comes from the actor.
struct AlertFilter {
  std::optional<std::string> unit;  // that unit and the units under it
  std::optional<std::string> kind;
  ports::AlertState state = ports::AlertState::open;
  std::optional<std::string> cursor;  // next_cursor of the previous page
  int limit = 50;
};

struct AlertPage {
  std::vector<ports::Alert> items;
  std::optional<std::string> next_cursor;  // more to read
};

/// Alerts for the people who act on them (docs/command-center.md): read_alerts lists those of
/// the units in the actor's scope (everything, the city-wide ones too, for leaders and admins),
/// open first, then newest first; acknowledge_alert records who saw an alert and when, closes
/// it when it is about an event (domain::alerts::closes_by_itself), and is audited
/// (alert.acknowledged). Thread-safe.
class AlertBoard {
 public:
  AlertBoard(ports::Storage& storage, const Clock& clock) : storage_(storage), clock_(clock) {}

  /// Errors: validation on "cursor" when it is not one this list gave out.
  Result<AlertPage> list(const domain::access::Actor& actor, const AlertFilter& filter);
  /// Errors: not_found when the actor may not read the alert (or there is none); forbidden when
  /// it may read but not acknowledge it; conflict when it was acknowledged already (naming by
  /// whom and when).
  Result<ports::Alert> acknowledge(const domain::access::Actor& actor, std::int64_t id, const std::string& ip);

 private:
  /// Whether `actor` may do `action` on the alert (its unit; "" only with everywhere).
  Result<bool> may(const domain::access::Actor& actor, domain::access::Action action, const ports::Alert& alert);

  ports::Storage& storage_;
  const Clock& clock_;
};

}  // namespace sigap::app::alerts
