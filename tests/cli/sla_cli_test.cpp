// The SLA commands as an operator meets them: one tick of the watch on demand, a recomputation
// of every open case, and a bad SLA setting stopping start-up with one line naming the key.
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

const std::string kBinary = SIGAP_BINARY;

ProcessResult sigap(std::vector<std::string> args) {
  args.insert(args.begin(), kBinary);
  return run_process(args);
}

TEST(SlaCli, RunOnceLooksAtWhatIsDueAndSaysWhatItDid) {
  TempDir dir;
  auto db = "sqlite:" + (dir.path() / "sigap.db").string();
  auto result = sigap({"sla", "run-once", "--db", db});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("SLA watch: 0 looked at, 0 warned, 0 escalated, 0 closed"), std::string::npos)
      << result.out;
  auto recomputed = sigap({"sla", "recompute", "--db", db});
  ASSERT_EQ(recomputed.status, 0) << recomputed.err;
  EXPECT_NE(recomputed.out.find("0 open cases changed"), std::string::npos) << recomputed.out;
}

TEST(SlaCli, ABadSlaSettingStopsStartupWithOneLineNamingTheKey) {
  TempDir dir;
  struct Row {
    const char* toml;
    const char* key;
  };
  const Row rows[] = {
      {"sla_first_response_rule = \"weekly\"\n", "sla_first_response_rule"},
      {"sla_watch_interval_seconds = -5\n", "sla_watch_interval_seconds"},
  };
  for (const auto& row : rows) {
    auto file = dir.path() / "sigap.toml";
    std::ofstream(file) << row.toml;
    auto result = sigap(
        {"serve", "--config", file.string(), "--listen", "127.0.0.1:0", "--data-dir", (dir.path() / "data").string()});
    EXPECT_EQ(result.status, 2) << result.err;
    auto lines = lines_of(result.err);
    ASSERT_EQ(lines.size(), 1U) << result.err;
    EXPECT_NE(lines.front().find(row.key), std::string::npos) << lines.front();
  }
}

}  // namespace
}  // namespace sigap::testing
