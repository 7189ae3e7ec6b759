#include "cli/generate_commands.hpp"

#include <cstdio>
#include <iostream>

#include "app/complaints/generate_complaints.hpp"
#include "app/master_data/demo_data.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/dashboard_commands.hpp"
#include "cli/progress_bar.hpp"

namespace sigap::cli {

int generate_complaints(const Config& config, const GenerateComplaintsOptions& options) {
  auto storage = open_database(config);
  if (!storage) return kExitBadStartup;
  if (auto loaded = app::master_data::load_palembang_demo_data(*storage); !loaded) {
    std::cerr << "sigap: master data: " << one_line(loaded.error()) << std::endl;
    return kExitFailure;
  }
  SystemClock clock;
  ProgressBar bar(stderr, options.count, "complaints");
  app::complaints::GenerateRequest request;
  request.count = options.count;
  request.seed = options.seed;
  auto written = app::complaints::generate_complaints(*storage, clock, request,
                                                      [&](std::int64_t done) { bar.update(done); });
  if (!written) {
    std::cerr << "\nsigap: generate: " << one_line(written.error()) << std::endl;
    return kExitFailure;
  }
  bar.finish(*written);
  // Generated cases bypass the outbox: count the dashboard figures again from every case.
  if (!build_dashboard_after_generate(*storage, clock)) return kExitFailure;
  std::cout << *written << std::endl;
  return kExitOk;
}

}  // namespace sigap::cli
