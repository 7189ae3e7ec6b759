#include "domain/sla/working_calendar.hpp"

#include <algorithm>

namespace sigap::domain::sla {

WorkingCalendar::WorkingCalendar(std::vector<Holiday> holidays, std::vector<int> covered_years)
    : holidays_(std::move(holidays)), covered_years_(std::move(covered_years)) {
  std::stable_sort(holidays_.begin(), holidays_.end(),
                   [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  std::sort(covered_years_.begin(), covered_years_.end());
  covered_years_.erase(std::unique(covered_years_.begin(), covered_years_.end()), covered_years_.end());
}

bool WorkingCalendar::covers(int year) const {
  return std::binary_search(covered_years_.begin(), covered_years_.end(), year);
}

const Holiday* WorkingCalendar::holiday_on(Date date) const {
  auto found = std::lower_bound(holidays_.begin(), holidays_.end(), date,
                                [](const Holiday& holiday, Date value) { return holiday.date < value; });
  return found != holidays_.end() && found->date == date ? &*found : nullptr;
}

bool WorkingCalendar::is_holiday(Date date) const { return holiday_on(date) != nullptr; }

bool WorkingCalendar::is_working_day(Date date) const { return weekday_index(date) < 5 && !is_holiday(date); }

}  // namespace sigap::domain::sla
