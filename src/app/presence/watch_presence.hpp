#pragma once

#include <cstddef>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"

namespace sigap::app::presence {

/// What one look at the offices did.
struct PresenceWatchReport {
  std::size_t offices = 0;  // offices with a location, looked at
  std::size_t lapsed = 0;   // check-ins ended after domain::presence::kLongestPresence
  std::size_t raised = 0;   // unstaffed alerts raised
  std::size_t closed = 0;   // unstaffed alerts closed (someone came, or service hours ended)
};

/// One look at every office with a location, at `now`: ends check-ins nobody checked out of
/// within 12 hours ("lapsed"), then applies domain::presence::judge_staffing to each office —
/// raises the `unstaffed` alert (unit = the office, subject "unit:<code>", one open at a time)
/// for an office nobody has been checked in at for more than 15 minutes of its service hours,
/// and closes it once someone is in or the service hours are over (a check-in closes it at once
/// too). Holidays come from the working calendar in force (`rules`). Reads are few and
/// indexed (geofences, open sessions, the last days' check-outs, open alerts); writes happen
/// only when something changes, in one transaction. Idempotent.
Result<PresenceWatchReport> watch_presence(ports::Storage& storage, sla::SlaRules& rules, TimePoint now);

}  // namespace sigap::app::presence
