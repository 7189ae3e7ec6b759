#pragma once

#include <string_view>

#include "common/error.hpp"
#include "domain/sla/working_calendar.hpp"

namespace sigap::app::sla {

/// Reads a holiday calendar in the form of data/calendar/id-holidays.json:
///
///   {"about": "...", "years": {"2026": {"holidays": [["2026-08-17", "Hari Kemerdekaan ..."], ...],
///                                      "cuti_bersama": [["2026-12-24", "Hari Raya Natal"], ...]}}}
///
/// Every year listed under "years" is covered, with its "holidays" (libur nasional, required) and
/// "cuti_bersama" (optional) as [date, name] pairs; each date must be a real date in that year
/// and each name non-empty. Keys outside "years" are ignored; unknown keys inside a year are
/// refused (a misspelt "cuti-bersama" must not silently drop days).
/// Errors: invalid_input when the text is not JSON; validation with the offending place as a
/// JSON pointer ("/years/2026/holidays/3") otherwise.
Result<domain::sla::WorkingCalendar> parse_holiday_calendar(std::string_view json_text);

}  // namespace sigap::app::sla
