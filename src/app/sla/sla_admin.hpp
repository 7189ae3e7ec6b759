#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "domain/sla/calendar_amendments.hpp"
#include "domain/sla/policy_lookup.hpp"

namespace sigap::app::sla {

/// One day of the working calendar in force, and where it comes from.
struct CalendarDayView {
  domain::sla::Date date;
  domain::sla::AmendmentKind kind = domain::sla::AmendmentKind::holiday;
  std::string name;
  bool amended = false;  // said by an admin (calendar_days), not by the decree shipped with Sigap
};

struct CalendarView {
  std::vector<int> covered_years;     // ascending
  std::vector<CalendarDayView> days;  // by date: holidays, cuti bersama, and working-day amendments
};

/// The admins' SLA settings: policies per category and unit, and amendments to the working
/// calendar. Every change is audited in its own transaction (actor `by`) and is followed by the
/// recomputation of every open case (recompute_open_cases), whose count of changed cases it
/// returns. Thread-safe.
class SlaAdmin {
 public:
  SlaAdmin(ports::Storage& storage, const Clock& clock, SlaRules& rules)
      : storage_(storage), clock_(clock), rules_(rules) {}

  /// The policy rows, and the default that applies where none matches.
  Result<std::vector<domain::sla::SlaPolicyRule>> policies();
  [[nodiscard]] domain::sla::SlaPolicy fallback() const;

  /// Sets the policy of (category, unit) ('' = any). Errors: validation per field
  /// (validate_sla_policy; an unknown category_code or unit_code).
  Result<std::size_t> save_policy(const domain::sla::SlaPolicyRule& rule, const std::string& by);

  /// The calendar in force; `year` narrows the days to one year.
  Result<CalendarView> calendar(std::optional<int> year);

  /// Adds or replaces what the calendar says about one date. Errors: validation on "name" when a
  /// day off has no name.
  Result<std::size_t> save_day(const domain::sla::CalendarAmendment& day, const std::string& by);

  /// Declares the calendar of `year` complete, so deadlines may count through it. Errors:
  /// validation on "year" outside 2000..2100.
  Result<std::size_t> complete_year(int year, const std::string& by);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  SlaRules& rules_;
};

/// "3 working_days" / "24 calendar_hours": how a target is written in the audit log.
std::string describe(const domain::sla::SlaPolicy& policy);

}  // namespace sigap::app::sla
