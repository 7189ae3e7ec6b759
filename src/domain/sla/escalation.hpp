#pragma once

#include <optional>
#include <span>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/sla/deadline.hpp"

namespace sigap::domain::sla {

/// How far the SLA watch has gone against the deadline a case is held to now. Stored as a
/// number (complaints.sla_level); the order is the order of escalation.
enum class SlaLevel : int {
  on_time = 0,
  warned = 1,                // 75 % of the allowed time used: the holding unit is warned
  escalated_supervisor = 2,  // the deadline passed: the unit's supervisor is told
  escalated_parent = 3,      // a further quarter of the allowed time passed: the parent unit
};

inline constexpr double kWarnShare = 0.75;
/// The parent unit is told once a further quarter of the allowed time has passed after the
/// deadline (counted the way the target counts: service time for working days).
inline constexpr double kParentShare = 0.25;

/// The instants at which each level falls due for one deadline.
struct LevelTimes {
  TimePoint warn;    // kWarnShare of the allowed time used
  TimePoint breach;  // the deadline itself
  TimePoint parent;  // the deadline plus kParentShare of the allowed time
  bool operator==(const LevelTimes&) const = default;
};

/// The level times of a clock that started at `start` and is due at `due` (a deadline that
/// already includes `pauses`). The allowed time is the running time from start to due, pauses
/// not counted, measured as `target` counts (calendar time, or the unit's service time for
/// working days); the warning falls where kWarnShare of it has run, the parent escalation where
/// kParentShare more of it has run after `due` (pauses after the deadline do not count either).
/// Errors: unavailable when a working-day count reaches a year the calendar does not cover.
Result<LevelTimes> level_times(TimePoint start, TimePoint due, std::span<const Pause> pauses, SlaTarget target,
                               const Schedule& schedule);

/// The highest level due at `now`.
SlaLevel level_due(const LevelTimes& times, TimePoint now);

/// When the level after `reached` falls due; nullopt once the parent unit has been told.
std::optional<TimePoint> next_level_at(const LevelTimes& times, SlaLevel reached);

/// The instant at which `amount` of running time has passed since `from`, skipping `pauses`
/// (any order, overlaps allowed): calendar time for calendar_hours, service time for
/// working_days. Errors as for advance_service_time.
Result<TimePoint> after_running_time(TimePoint from, Duration amount, std::span<const Pause> pauses, SlaUnit unit,
                                     const Schedule& schedule);

/// The running time in [from, to), pauses not counted, measured as `unit` counts.
Result<Duration> running_time_between(TimePoint from, TimePoint to, std::span<const Pause> pauses, SlaUnit unit,
                                      const Schedule& schedule);

}  // namespace sigap::domain::sla
