#pragma once

#include "domain/sla/working_calendar.hpp"

namespace sigap::app::sla {

/// Indonesia's working calendar from the embedded data/calendar/id-holidays.json (the decreed
/// years, 2025 and 2026 at the time of writing). Built on first use (thread-safe) and alive for
/// the whole program. The embedded file is ours and tested; should it ever fail to parse, the
/// program stops with one line on stderr.
const domain::sla::WorkingCalendar& indonesia_calendar();

}  // namespace sigap::app::sla
