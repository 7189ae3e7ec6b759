#pragma once

#include <string>
#include <vector>

#include "domain/sla/date.hpp"

namespace sigap::domain::sla {

/// Why a weekday is not a working day: a national holiday (libur nasional) or a collective
/// leave day (cuti bersama). Both are decreed each year by the joint ministerial decree (SKB).
enum class HolidayKind { national_holiday, collective_leave };

struct Holiday {
  Date date;
  std::string name;  // as decreed, in Indonesian ("Hari Kemerdekaan Republik Indonesia")
  HolidayKind kind = HolidayKind::national_holiday;
  bool operator==(const Holiday&) const = default;
};

/// Indonesia's working days (hari kerja): Monday to Friday, except national holidays and cuti
/// bersama. A calendar also knows which years it covers, that is, for which years the holidays
/// have been decreed and loaded; deadline arithmetic refuses to count through any other year
/// rather than silently treating it as holiday-free.
///
/// A value type: immutable after construction, cheap to query, safe to share between threads.
class WorkingCalendar {
 public:
  /// A calendar that covers no year.
  WorkingCalendar() = default;
  /// `holidays` in any order (a date may appear twice, e.g. two holidays on one day: the first
  /// listed is reported); `covered_years` are the years whose holidays are complete. A holiday in
  /// a year that is not covered still counts as a holiday.
  WorkingCalendar(std::vector<Holiday> holidays, std::vector<int> covered_years);

  /// Whether the holidays of `year` are loaded.
  [[nodiscard]] bool covers(int year) const;
  [[nodiscard]] bool is_holiday(Date date) const;
  /// The holiday on `date`, or nullptr. The pointer lives as long as the calendar.
  [[nodiscard]] const Holiday* holiday_on(Date date) const;
  /// Monday to Friday and not a holiday. Says nothing about coverage: ask covers() too.
  [[nodiscard]] bool is_working_day(Date date) const;

  /// Sorted by date (stable for equal dates).
  [[nodiscard]] const std::vector<Holiday>& holidays() const { return holidays_; }
  /// Ascending, without repeats.
  [[nodiscard]] const std::vector<int>& covered_years() const { return covered_years_; }

 private:
  std::vector<Holiday> holidays_;
  std::vector<int> covered_years_;
};

}  // namespace sigap::domain::sla
