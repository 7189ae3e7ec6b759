#pragma once

#include "app/ports/storage.hpp"
#include "app/sla/sla_admin.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The admin API of the SLA clock (manage_master_data): policies per category and unit
/// (/api/v1/sla-policies) and the working calendar (/api/v1/calendar/...). Every change is
/// audited under the acting admin and answered with how many open cases got other deadlines.
class SlaHandlers {
 public:
  SlaHandlers(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules)
      : admin_(storage, clock, rules), rules_(rules) {}

  /// GET /api/v1/sla-policies: {first_response_rule, default, items: [{category_code, unit_code,
  /// verify, first_response, resolve}]}, each target {unit, amount}.
  Response list_policies(const Request& request);
  /// PUT /api/v1/sla-policies {category_code?, unit_code?, verify, first_response, resolve}.
  Response put_policy(const Request& request);
  /// GET /api/v1/calendar/days[?year=2026]: {covered_years, items: [{date, kind, name, amended}]}.
  Response list_days(const Request& request);
  /// POST /api/v1/calendar/days {date, kind, name}.
  Response post_day(const Request& request);
  /// POST /api/v1/calendar/years/{year}/complete.
  Response complete_year(const Request& request);

 private:
  app::sla::SlaAdmin admin_;
  app::sla::SlaRules& rules_;
};

}  // namespace sigap::http::handlers
