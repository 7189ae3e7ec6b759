#pragma once

#include <chrono>
#include <span>

#include "common/clock.hpp"
#include "common/error.hpp"
#include "domain/master_data/service_hours.hpp"
#include "domain/sla/time_zone.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::domain::sla {

/// How an SLA target is counted.
enum class SlaUnit {
  calendar_hours,  // plain elapsed time: nights, weekends and holidays count
  working_days,    // hari kerja on the working calendar, within the unit's service hours
};

/// One time limit, e.g. "3 working days" or "24 hours". `amount` is at least 1 (see
/// validate_sla_policy); a target of calendar days is kept as 24 × days calendar hours.
struct SlaTarget {
  SlaUnit unit = SlaUnit::calendar_hours;
  int amount = 0;

  static constexpr SlaTarget hours(int count) { return {SlaUnit::calendar_hours, count}; }
  static constexpr SlaTarget calendar_days(int count) { return {SlaUnit::calendar_hours, 24 * count}; }
  static constexpr SlaTarget working_days(int count) { return {SlaUnit::working_days, count}; }
  bool operator==(const SlaTarget&) const = default;
};

/// A stretch during which the SLA clock stood still (the case waited in need_info for the
/// reporter), [from, to). For a pause still running pass to = now: the result is then the
/// deadline as it stands if the case resumes now.
struct Pause {
  TimePoint from;
  TimePoint to;
};

/// Where and when a unit works: everything the counting needs besides the instants.
/// The references must outlive the Schedule; it is a view, cheap to copy.
struct Schedule {
  const WorkingCalendar& calendar;
  const master_data::ServiceHours& hours;
  UnitTimeZone zone = UnitTimeZone::wib;
};

using Duration = TimePoint::duration;

// ---------------------------------------------------------------------------------------------
// The counting rules (docs/sla.md has them with worked examples).
//
// Service day: a local date (in the unit's zone) that is a working day of the calendar (Monday
// to Friday, not a libur nasional, not cuti bersama) on which the unit has service hours.
// Saturday hours of a service hall are served, but Saturday is never a working day.
// Service time: the time inside the service intervals of service days (the Friday prayer break
// between "07:30-11:30" and "13:00-16:30" is not service time).
//
// calendar_hours N: deadline = start + N hours. The calendar is never consulted, so such a
// target never fails for lack of a calendar.
//
// working_days N: the case is received at `start`, or, when that is outside service time, at
// the next opening (a Friday-evening report is received on Monday 07:30; one sent during the
// Friday prayer break at 13:00). The day it is received is day 0 and is not counted; the
// deadline is the close of service (the end of the last interval) on the N-th service day after
// day 0. So the unit always gets N full service days plus whatever is left of day 0. Example,
// "mon-thu 07:30-16:00; fri 07:30-11:30,13:00-16:30" in WIB, 3 working days: received Friday
// 2026-08-14 10:00 -> day 0 is that Friday; Monday 17 August is a holiday; Tue 18, Wed 19,
// Thu 20 are days 1-3; deadline Thursday 2026-08-20 16:00 WIB.
//
// Every local date the counting looks at must be in a year the calendar covers; otherwise the
// answer is ErrorCode::unavailable naming that year (an admin must load its holidays) — the
// caller raises the admin alert.
//
// Pauses: the clock stops while a case waits for the reporter. For calendar_hours the deadline
// moves by the calendar time of each pause; for working_days by the service time of each pause
// (a pause over a weekend costs nothing, a pause of a whole Tuesday costs one service day). A
// pause that begins at or after the deadline as it stands changes nothing: the time had run out.
// ---------------------------------------------------------------------------------------------

/// The deadline of `target` for a case received at `start`, per the rules above.
/// Errors: unavailable when counting reaches a year `calendar` does not cover; validation when
/// target.amount < 1 or (working days only) the unit has no service hours on any weekday Monday
/// to Friday.
Result<TimePoint> deadline(TimePoint start, SlaTarget target, const WorkingCalendar& calendar,
                           const master_data::ServiceHours& hours, UnitTimeZone zone);

/// `deadline` moved later by the time spent in `pauses` (any order; overlaps count once).
/// Preconditions: every pause starts at or after the start the deadline was computed from.
/// Errors as for deadline().
Result<TimePoint> extend_for_pauses(TimePoint deadline, std::span<const Pause> pauses, SlaTarget target,
                                    const WorkingCalendar& calendar, const master_data::ServiceHours& hours,
                                    UnitTimeZone zone);

/// deadline() then extend_for_pauses(): the deadline of a case that has waited in `pauses`.
Result<TimePoint> deadline(TimePoint start, SlaTarget target, std::span<const Pause> pauses,
                           const WorkingCalendar& calendar, const master_data::ServiceHours& hours, UnitTimeZone zone);

/// How much of the time allowed between `start` and `deadline` (a deadline that already
/// includes the pauses) has been used at `now`, pauses not counted: 0 at the start, 0.75 when
/// the holder is to be warned, 1 at and after the deadline (the result is clamped to [0, 1]).
/// Measured in calendar time.
double elapsed_fraction(TimePoint start, TimePoint deadline, TimePoint now, std::span<const Pause> pauses = {});

/// As above, measured the way `target` counts: calendar time for calendar_hours, service time
/// for working_days (a weekend inside the span uses none of it). Should the calendar no longer
/// cover the span (it was replaced after the deadline was set), falls back to calendar time.
double elapsed_fraction(TimePoint start, TimePoint deadline, TimePoint now, std::span<const Pause> pauses,
                        SlaTarget target, const WorkingCalendar& calendar, const master_data::ServiceHours& hours,
                        UnitTimeZone zone);

/// The service time in [from, to) (zero when to <= from). Errors: unavailable when the span
/// touches a year the calendar does not cover.
Result<Duration> service_time_between(TimePoint from, TimePoint to, const Schedule& schedule);

/// The earliest instant at which `amount` of service time has passed since `from` (`from` itself
/// when amount <= 0). The result is inside a service interval or at its close, never at the next
/// opening. Errors: unavailable when counting reaches a year the calendar does not cover;
/// validation when the unit has no service hours on any weekday Monday to Friday.
Result<TimePoint> advance_service_time(TimePoint from, Duration amount, const Schedule& schedule);

}  // namespace sigap::domain::sla
