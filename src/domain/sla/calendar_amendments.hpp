#pragma once

#include <span>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::domain::sla {

/// What an admin says about one date, on top of the decreed calendar shipped with Sigap: a
/// libur nasional, a cuti bersama, or a working day (an amendment that cancels a day off).
enum class AmendmentKind { holiday, collective_leave, working_day };

struct CalendarAmendment {
  Date date;
  AmendmentKind kind = AmendmentKind::holiday;
  std::string name;  // as decreed, in Indonesian; may be empty for working_day
  bool operator==(const CalendarAmendment&) const = default;
};

/// "holiday", "collective_leave", "working_day": the names used by the API and the database.
std::string_view to_string(AmendmentKind kind);
/// The inverse of to_string; a validation error names `field`.
Result<AmendmentKind> amendment_kind_from_string(std::string_view text, std::string_view field);

/// The working calendar in force: the decreed one with the admins' amendments applied (an
/// amendment replaces whatever the decreed calendar says about its date), covering the decreed
/// years and the years admins declared complete.
WorkingCalendar amended_calendar(const WorkingCalendar& decreed, std::span<const CalendarAmendment> amendments,
                                 std::span<const int> completed_years);

}  // namespace sigap::domain::sla
