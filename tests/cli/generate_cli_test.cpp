// `sigap generate complaints`, as whoever prepares a load test meets it: the real binary on a
// real SQLite file in a temp dir; what it wrote is read straight from the file.
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_connection.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;

ProcessResult generate(const TempDir& dir, std::vector<std::string> args) {
  std::vector<std::string> argv{kBinary, "generate", "complaints"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.insert(argv.end(), {"--data-dir", dir.path().string(), "--log-level", "warn"});
  return run_process(argv, 120s);
}

std::vector<std::string> column(const TempDir& dir, const std::string& sql) {
  auto connection = storage::sqlite::SqliteConnection::open((dir.path() / "sigap.db").string(), true);
  EXPECT_TRUE(connection.ok());
  std::vector<std::string> values;
  if (!connection) return values;
  auto rows = (*connection)->query(sql, {});
  EXPECT_TRUE(rows.ok()) << sql;
  if (rows) {
    for (const auto& row : rows->rows) values.push_back(row.at(0).value_or(""));
  }
  return values;
}

TEST(GenerateCli, WritesTheCasesAskedForWithPlainProgressLinesOffATerminal) {
  TempDir dir;
  auto result = generate(dir, {"--count", "3000", "--seed", "7"});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_EQ(result.out, "3000\n");
  auto lines = lines_of(result.err);
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines.back().find("3,000 written in"), std::string::npos) << result.err;
  EXPECT_EQ(result.err.find('\r'), std::string::npos) << "no redrawn bar when stderr is not a terminal";
  EXPECT_NE(result.err.find("100.0 %  3,000 / 3,000"), std::string::npos) << result.err;

  EXPECT_EQ(column(dir, "SELECT COUNT(*) FROM complaints"), std::vector<std::string>{"3000"});
  auto statuses = column(dir, "SELECT DISTINCT status FROM complaints");
  EXPECT_GE(statuses.size(), 7U) << "a spread of statuses";
  EXPECT_GE(column(dir, "SELECT DISTINCT channel FROM complaints").size(), 6U);
  EXPECT_GE(column(dir, "SELECT DISTINCT category_code FROM complaints").size(), 15U);
  EXPECT_GE(column(dir, "SELECT DISTINCT unit_code FROM complaints").size(), 40U);
  // Text search finds some cases and not others.
  auto found = column(dir, "SELECT COUNT(*) FROM complaints_search WHERE complaints_search MATCH 'berlubang'");
  EXPECT_GT(std::stoi(found.at(0)), 10);
  EXPECT_LT(std::stoi(found.at(0)), 1000);
  // The reporter's contact is sealed like any other: never in clear in the file.
  for (const auto& name : column(dir, "SELECT reporter_name FROM complaints WHERE reporter_name <> '' LIMIT 20")) {
    EXPECT_TRUE(name.starts_with("v1.")) << "sealed";
  }
  // Ids follow the submit times; the open cases are the recent ones.
  EXPECT_EQ(column(dir, "SELECT COUNT(*) FROM complaints a JOIN complaints b ON b.id = a.id + 1 "
                        "WHERE b.submitted_at < a.submitted_at"),
            std::vector<std::string>{"0"});
}

TEST(GenerateCli, TheSameSeedWritesTheSameCases) {
  TempDir first, second;
  ASSERT_EQ(generate(first, {"--count", "200", "--seed", "42"}).status, 0);
  ASSERT_EQ(generate(second, {"--count", "200", "--seed", "42"}).status, 0);
  auto sql = "SELECT group_concat(description, '|') FROM (SELECT description FROM complaints ORDER BY id)";
  EXPECT_EQ(column(first, sql), column(second, sql));
}

TEST(GenerateCli, ABadCountIsABadStartup) {
  TempDir dir;
  EXPECT_EQ(generate(dir, {"--count", "0"}).status, 2);
  EXPECT_EQ(generate(dir, {"--count", "many"}).status, 2);
  EXPECT_EQ(generate(dir, {}).status, 2);
}

}  // namespace
}  // namespace sigap::testing
