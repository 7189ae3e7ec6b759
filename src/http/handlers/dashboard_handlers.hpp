#pragma once

#include "app/dashboard/dashboard_summary.hpp"
#include "app/ports/storage.hpp"
#include "app/sla/sla_rules.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The Command Center's figures (docs/command-center.md, "Dashboard figures"). Thin over
/// app/dashboard/dashboard_summary.
class DashboardHandlers {
 public:
  DashboardHandlers(app::ports::Storage& storage, const Clock& clock, app::sla::SlaRules& rules,
                    app::command_center::UnitDirectory& units)
      : query_(storage, clock, rules, units) {}

  /// GET /api/v1/dashboard/summary?scope=<unit code>&depth=children|all: the scope's figures
  /// and those of the units under it (its children, or its whole subtree).
  Response summary(const Request& request);

 private:
  app::dashboard::DashboardSummaryQuery query_;
};

}  // namespace sigap::http::handlers
