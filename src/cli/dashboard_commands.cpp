#include "cli/dashboard_commands.hpp"

#include <cstdio>
#include <iostream>

#include "app/dashboard/rebuild_figures.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/progress_bar.hpp"
#include "common/logging.hpp"

namespace sigap::cli {

namespace {

Result<app::dashboard::RebuildReport> rebuild_with_progress(app::ports::Storage& storage, const Clock& clock,
                                                            bool only_if_needed, bool& rebuilt) {
  rebuilt = false;
  app::dashboard::RebuildReport report;
  if (only_if_needed) {
    auto built = storage.dashboard().built();
    if (!built) return built.error();
    if (*built) return report;
  }
  auto total = storage.complaints().count();
  if (!total) return total.error();
  ProgressBar bar(stderr, std::max<std::int64_t>(*total, 1), "cases counted for the dashboard");
  auto progress = [&](std::int64_t done, std::int64_t) { bar.update(done); };
  auto done = app::dashboard::rebuild_figures(storage, clock, progress);
  if (!done) return done.error();
  report = *done;
  rebuilt = true;
  bar.finish(report.cases);
  return report;
}

}  // namespace

int dashboard_rebuild(const Config& config) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  SystemClock clock;
  bool rebuilt = false;
  auto report = rebuild_with_progress(*storage, clock, false, rebuilt);
  if (!report) {
    std::cerr << "\nsigap: dashboard rebuild: " << one_line(report.error()) << std::endl;
    return kExitFailure;
  }
  std::cout << "Dashboard figures rebuilt from " << ProgressBar::grouped(report->cases) << " cases in "
            << report->took.count() << " ms." << std::endl;
  return kExitOk;
}

bool build_dashboard_if_needed(app::ports::Storage& storage, const Clock& clock) {
  return build_dashboard(storage, clock, true);
}

bool build_dashboard_after_generate(app::ports::Storage& storage, const Clock& clock) {
  return build_dashboard(storage, clock, false);
}

bool build_dashboard(app::ports::Storage& storage, const Clock& clock, bool only_if_needed) {
  bool rebuilt = false;
  auto report = rebuild_with_progress(storage, clock, only_if_needed, rebuilt);
  if (!report) {
    logging::app().error("dashboard: building the figures failed: {} {}", report.error().message().en,
                         report.error().log_detail());
    return false;
  }
  if (rebuilt) {
    logging::app().info("dashboard: figures built from {} cases in {} ms", report->cases, report->took.count());
  }
  return true;
}

}  // namespace sigap::cli
