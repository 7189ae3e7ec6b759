#include "app/sla/indonesia_calendar.hpp"

#include <cstdio>
#include <cstdlib>

#include "app/sla/holiday_calendar_file.hpp"
#include "app/sla/holiday_data_files.hpp"

namespace sigap::app::sla {

namespace {

domain::sla::WorkingCalendar load() {
  auto calendar = parse_holiday_calendar(id_holidays_json());
  if (!calendar.ok()) {
    const auto& fields = calendar.error().fields();
    std::fprintf(stderr, "sigap: the embedded data/calendar/id-holidays.json is invalid: %s %s\n",
                 calendar.error().message().en.c_str(), fields.empty() ? "" : fields.front().field.c_str());
    std::abort();
  }
  return std::move(calendar).value();
}

}  // namespace

const domain::sla::WorkingCalendar& indonesia_calendar() {
  static const domain::sla::WorkingCalendar kCalendar = load();
  return kCalendar;
}

}  // namespace sigap::app::sla
