#pragma once

#include <cstdint>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"

namespace sigap::app::sla {

/// What the SLA watch did with one case.
enum class WatchOutcome {
  nothing_due,  // looked, nothing to do but set the next look
  warned,       // 75 %: the holding unit is warned
  escalated,    // breached: the supervisor (level 2) or the parent unit (level 3) is told
  closed,       // resolved, and the dispute window passed in silence: closed
  stale,        // someone changed the case meanwhile; the next tick looks again
};

/// The SLA watch's work on case `id` at `now`, in one transaction:
///  - a clock running past a level (75 % of the allowed time, the deadline, a further quarter):
///    the level rises to the one due now, with an internal timeline event ("sla_warning", or
///    "sla_escalated" naming the unit's supervisor or the parent unit) and its outbox row, and
///    for a breach an alert (sla_breach, sla_parent_escalation; one open per case and kind);
///  - a resolved case whose dispute window has passed: close_silently, a public event by
///    "system";
///  - otherwise: only the next look is set (and deadlines recomputed if the rules changed).
/// The case's version guards the write: a stale copy is `stale`, never an error. Idempotent:
/// running it twice at the same `now` does nothing the second time.
Result<WatchOutcome> watch_case(ports::Storage& storage, SlaRules& rules, TimePoint now, std::int64_t id);

}  // namespace sigap::app::sla
