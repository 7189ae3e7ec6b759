#pragma once

#include "app/sla/sla_rules.hpp"
#include "cli/config.hpp"

namespace sigap::cli {

/// The SLA settings named by the configuration (sla_first_response_rule).
app::sla::SlaSettings sla_settings(const Config& config);

/// `sigap sla run-once`: one tick of the SLA watch now (warn, escalate, close), its report on
/// stdout. For operators (e.g. with sla_watch_interval_seconds = 0 and a cron job) and tests.
int sla_run_once(const Config& config);

/// `sigap sla recompute`: recomputes the deadlines of every open case with the policies and
/// calendar in force (after an upgrade, or after editing calendar data by hand).
int sla_recompute(const Config& config);

}  // namespace sigap::cli
