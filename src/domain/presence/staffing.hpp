#pragma once

#include <chrono>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "domain/master_data/service_hours.hpp"
#include "domain/sla/time_zone.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::domain::presence {

/// A unit office with nobody checked in for longer than this during its service hours raises
/// the `unstaffed` alert.
inline constexpr std::chrono::minutes kUnstaffedAlertAfter{15};
/// A check-in nobody checked out of ends by itself this long after it began (a forgotten
/// check-out must not keep an office "staffed" for days).
inline constexpr std::chrono::hours kLongestPresence{12};

using Duration = TimePoint::duration;

/// [from, to) in UTC.
struct Interval {
  TimePoint from;
  TimePoint to;
  bool operator==(const Interval&) const = default;
};

/// When and where an office serves: its weekly hours in its own zone, closed on the holidays
/// of the calendar (libur nasional, cuti bersama). Unlike SLA working days, a service hall's
/// Saturday hours are service hours here: someone must be there. A year the calendar does not
/// cover has no known holidays, so its weekly hours count as they are.
/// The references must outlive the view.
struct OfficeHours {
  const master_data::ServiceHours& hours;
  sla::UnitTimeZone zone = sla::UnitTimeZone::wib;
  const sla::WorkingCalendar& calendar;
};

/// The office's service intervals that overlap [from, to), clipped to it, in order; adjacent
/// intervals ("mon-sun 00:00-24:00" across midnight) are joined into one.
std::vector<Interval> service_intervals(const OfficeHours& office, TimePoint from, TimePoint to);

/// When the stretch of service the office is in at `now` began (adjacent intervals count as one
/// stretch, looking back at most 7 days); nullopt when the office is not serving at `now`.
std::optional<TimePoint> serving_since(const OfficeHours& office, TimePoint now);

/// Monday 00:00 on the office's wall clock, of the week that holds `now`.
TimePoint week_start(TimePoint now, sla::UnitTimeZone zone);

/// The union of `intervals` (any order, overlapping or not), each clipped to [from, to).
std::vector<Interval> merged(std::vector<Interval> intervals, TimePoint from, TimePoint to);
/// The total length of `intervals` after merging and clipping to [from, to).
Duration covered(std::vector<Interval> intervals, TimePoint from, TimePoint to);
/// The total length of the overlap of two sets of intervals, each merged first.
Duration overlap(std::vector<Interval> a, std::vector<Interval> b, TimePoint from, TimePoint to);

/// What the presence watch needs to know about one office at `now`.
struct StaffingInput {
  bool staffed_now = false;                 // someone is checked in
  std::optional<TimePoint> last_check_out;  // the latest check-out (or lapse) at this office
};

struct StaffingVerdict {
  bool serving = false;                      // within service hours now
  std::optional<TimePoint> unstaffed_since;  // while serving and nobody is in
  bool alert_due = false;                    // unstaffed for more than kUnstaffedAlertAfter
};

/// THE unstaffed rule: while the office serves and nobody is checked in, it has been unstaffed
/// since the later of the last check-out and the start of the current stretch of service (an
/// office nobody came to at 07:30 is unstaffed from 07:30; one left at 10:00 from 10:00). The
/// alert is due once that is more than kUnstaffedAlertAfter ago.
StaffingVerdict judge_staffing(const OfficeHours& office, const StaffingInput& input, TimePoint now);

}  // namespace sigap::domain::presence
