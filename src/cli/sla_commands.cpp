#include "cli/sla_commands.hpp"

#include <iostream>

#include <fmt/format.h>

#include "app/sla/indonesia_calendar.hpp"
#include "app/sla/recompute_open_cases.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "jobs/sla_watch.hpp"

namespace sigap::cli {

app::sla::SlaSettings sla_settings(const Config& config) {
  app::sla::SlaSettings settings;
  settings.first_response_rule = config.sla_first_response_rule == "within_24_hours"
                                     ? domain::sla::FirstResponseRule::within_24_hours
                                     : domain::sla::FirstResponseRule::lapor_follow_up;
  return settings;
}

int sla_run_once(const Config& config) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  SystemClock clock;
  app::sla::SlaRules rules(*storage, clock, app::sla::indonesia_calendar(), sla_settings(config));
  jobs::SlaWatch watch(*storage, clock, rules, {std::chrono::seconds(0)});
  auto report = watch.run_once();
  if (!report) {
    std::cerr << "sigap: sla run-once: " << report.error().message().en << '\n';
    return kExitFailure;
  }
  std::cout << fmt::format(
                   "SLA watch: {} looked at, {} warned, {} escalated, {} closed, {} changed meanwhile, {} failed.",
                   report->looked_at, report->warned, report->escalated, report->closed, report->stale, report->failed)
            << std::endl;
  return report->failed == 0 ? kExitOk : kExitFailure;
}

int sla_recompute(const Config& config) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  SystemClock clock;
  app::sla::SlaRules rules(*storage, clock, app::sla::indonesia_calendar(), sla_settings(config));
  auto changed = app::sla::recompute_open_cases(*storage, rules, clock);
  if (!changed) {
    std::cerr << "sigap: sla recompute: " << changed.error().message().en << '\n';
    return kExitFailure;
  }
  std::cout << fmt::format("Deadlines recomputed: {} open cases changed.", *changed) << std::endl;
  return kExitOk;
}

}  // namespace sigap::cli
