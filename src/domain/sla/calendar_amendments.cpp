#include "domain/sla/calendar_amendments.hpp"

#include <algorithm>
#include <vector>

namespace sigap::domain::sla {

std::string_view to_string(AmendmentKind kind) {
  switch (kind) {
    case AmendmentKind::holiday:
      return "holiday";
    case AmendmentKind::collective_leave:
      return "collective_leave";
    case AmendmentKind::working_day:
      return "working_day";
  }
  return "holiday";
}

Result<AmendmentKind> amendment_kind_from_string(std::string_view text, std::string_view field) {
  for (auto kind : {AmendmentKind::holiday, AmendmentKind::collective_leave, AmendmentKind::working_day}) {
    if (to_string(kind) == text) return kind;
  }
  return Error(ErrorCode::validation, Text{"Jenis hari tidak dikenal.", "Unknown kind of day."},
               {FieldError{std::string(field), Text{"Pilih holiday, collective_leave atau working_day.",
                                                    "Use holiday, collective_leave or working_day."}}});
}

WorkingCalendar amended_calendar(const WorkingCalendar& decreed, std::span<const CalendarAmendment> amendments,
                                 std::span<const int> completed_years) {
  std::vector<Holiday> holidays;
  for (const auto& amendment : amendments) {
    if (amendment.kind == AmendmentKind::working_day) continue;
    holidays.push_back(Holiday{
        amendment.date, amendment.name,
        amendment.kind == AmendmentKind::holiday ? HolidayKind::national_holiday : HolidayKind::collective_leave});
  }
  for (const auto& holiday : decreed.holidays()) {
    const bool amended = std::any_of(amendments.begin(), amendments.end(),
                                     [&](const CalendarAmendment& a) { return a.date == holiday.date; });
    if (!amended) holidays.push_back(holiday);
  }
  std::vector<int> years = decreed.covered_years();
  years.insert(years.end(), completed_years.begin(), completed_years.end());
  return WorkingCalendar(std::move(holidays), std::move(years));
}

}  // namespace sigap::domain::sla
