// The sigap binary as an operator meets it: exit statuses, the one line printed when start-up
// stops, imports, and a demo server that starts, answers and stops cleanly on SIGTERM.
// Every child runs from a Process, which kills it if a test fails before it ends.

#include <atomic>
#include <csignal>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

namespace sigap::testing {
namespace {

using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;
const std::string kSourceDir = SIGAP_SOURCE_DIR;

ProcessResult sigap(std::vector<std::string> args) {
  args.insert(args.begin(), kBinary);
  return run_process(args);
}

void write_file(const std::filesystem::path& file, std::string_view content) {
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

// A start-up refusal: status 2, nothing on stdout, exactly one line on stderr; that line.
std::string expect_bad_startup(const ProcessResult& result) {
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_EQ(result.out, "");
  auto lines = lines_of(result.err);
  EXPECT_EQ(lines.size(), 1U) << result.err;
  return lines.empty() ? std::string() : lines.front();
}

// The base URL ("http://127.0.0.1:PORT", no trailing slash) a demo prints, or "" if it printed none.
std::string demo_url(Process& demo) {
  constexpr std::string_view kPrefix = "is running at ";
  auto line = demo.wait_for_stdout_line(kPrefix, 5s);
  if (!line) return {};
  auto url = line->substr(line->find(kPrefix) + kPrefix.size());
  if (url.ends_with('/')) url.pop_back();
  return url;
}

TEST(Cli, VersionPrintsTheVersion) {
  auto result = sigap({"version"});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_TRUE(result.out.starts_with("sigap ")) << result.out;
  EXPECT_EQ(lines_of(result.out).size(), 1U) << result.out;
}

TEST(Cli, UnknownCommandIsABadStartup) {
  auto result = sigap({"frobnicate"});
  EXPECT_EQ(result.status, 2) << result.err;
}

TEST(Cli, UnknownConfigKeyStopsStartupWithOneLineNamingIt) {
  TempDir dir;
  auto config = dir.path() / "sigap.toml";
  write_file(config, "listen = \"127.0.0.1:0\"\ncolour = \"merah\"\n");
  auto line = expect_bad_startup(sigap({"serve", "--config", config.string(), "--data-dir", dir.path().string()}));
  EXPECT_NE(line.find("colour"), std::string::npos) << line;
  EXPECT_FALSE(std::filesystem::exists(dir.path() / "sigap.db")) << "nothing is touched before the config is valid";
}

TEST(Cli, ConfigValueOfTheWrongTypeStopsStartupWithOneLineNamingIt) {
  TempDir dir;
  auto config = dir.path() / "sigap.toml";
  write_file(config, "listen = \"127.0.0.1:0\"\nthreads = \"four\"\n");
  auto line = expect_bad_startup(sigap({"serve", "--config", config.string(), "--data-dir", dir.path().string()}));
  EXPECT_NE(line.find("threads"), std::string::npos) << line;
}

TEST(Cli, UnsupportedDatabaseStopsStartupWithOneLine) {
  TempDir dir;
  auto line = expect_bad_startup(
      sigap({"serve", "--listen", "127.0.0.1:0", "--db", "mysql://x", "--data-dir", dir.path().string()}));
  EXPECT_NE(line.find("db"), std::string::npos) << line;
}

TEST(Cli, UnreachableDatabaseStopsStartupWithOneLine) {
  TempDir dir;
  auto line = expect_bad_startup(sigap({"serve", "--listen", "127.0.0.1:0", "--db", "postgres://sigap@127.0.0.1:1/none",
                                        "--data-dir", dir.path().string()}));
  EXPECT_NE(line.find("db"), std::string::npos) << line;
}

TEST(Cli, MalformedListenAddressStopsStartupWithOneLine) {
  TempDir dir;
  const std::vector<std::string> bad{"nonsense", "127.0.0.1:99999", "127.0.0.1:", ":8080"};
  for (const auto& listen : bad) {
    auto result = sigap({"serve", "--listen", listen, "--data-dir", dir.path().string()});
    auto line = expect_bad_startup(result);
    EXPECT_NE(line.find("listen"), std::string::npos) << listen << ": " << line;
  }
}

// Addresses that only fail when bound: the log may already have spoken, but the one line for
// the operator (the only line that is not a JSON log record) says what is wrong.
std::string expect_listen_refused(const ProcessResult& result) {
  EXPECT_EQ(result.status, 2) << result.err;
  EXPECT_EQ(result.out, "");
  std::vector<std::string> plain;
  for (const auto& line : lines_of(result.err)) {
    if (!line.starts_with('{')) plain.push_back(line);
  }
  EXPECT_EQ(plain.size(), 1U) << result.err;
  if (plain.empty()) return {};
  EXPECT_NE(plain[0].find("listen"), std::string::npos) << plain[0];
  return plain[0];
}

TEST(Cli, UnusableListenAddressStopsStartupWithOneLine) {
  TempDir dir;
  expect_listen_refused(sigap({"serve", "--listen", "256.1.1.1:0", "--data-dir", dir.path().string()}));
}

TEST(Cli, PortInUseStopsStartupWithOneLine) {
  TempDir dir;
  Process first({kBinary, "demo", "--listen", "127.0.0.1:0", "--data-dir", (dir.path() / "a").string()});
  auto url = demo_url(first);
  ASSERT_FALSE(url.empty()) << first.stderr_text();
  auto taken = url.substr(std::string("http://").size());
  expect_listen_refused(sigap({"demo", "--listen", taken, "--data-dir", (dir.path() / "b").string()}));
}

TEST(Cli, ImportsThePalembangRegions) {
  TempDir dir;
  auto result = sigap({"import", "regions", kSourceDir + "/data/palembang/regions.csv", "--db",
                       "sqlite:" + (dir.path() / "x.db").string()});
  ASSERT_EQ(result.status, 0) << result.err;
  EXPECT_NE(result.out.find("18 kecamatan"), std::string::npos) << result.out;
  EXPECT_NE(result.out.find("107 kelurahan"), std::string::npos) << result.out;
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "x.db"));

  auto again = sigap({"import", "regions", kSourceDir + "/data/palembang/regions.csv", "--db",
                      "sqlite:" + (dir.path() / "x.db").string()});
  EXPECT_EQ(again.status, 0) << "importing the same file twice is harmless: " << again.err;
  EXPECT_NE(again.out.find("107 kelurahan"), std::string::npos) << again.out;
}

TEST(Cli, BrokenCsvFailsTheImport) {
  TempDir dir;
  auto csv = dir.path() / "broken.csv";
  write_file(csv, "code,parent_code,name\n16,,Sumatera Selatan\n16.71,16,\"Kota Palembang\n");
  auto result = sigap({"import", "regions", csv.string(), "--db", "sqlite:" + (dir.path() / "x.db").string()});
  EXPECT_EQ(result.status, 1) << result.err;
  EXPECT_EQ(result.out.find("Imported"), std::string::npos) << result.out;
  EXPECT_NE(result.err.find("broken.csv"), std::string::npos) << result.err;
}

TEST(Cli, MissingImportFileFailsTheImport) {
  TempDir dir;
  auto result = sigap(
      {"import", "regions", (dir.path() / "absent.csv").string(), "--db", "sqlite:" + (dir.path() / "x.db").string()});
  EXPECT_EQ(result.status, 1) << result.err;
  EXPECT_NE(result.err.find("absent.csv"), std::string::npos) << result.err;
}

TEST(Cli, DemoAnswersHealthzSoonAfterStarting) {
  TempDir dir;
  auto started = std::chrono::steady_clock::now();
  Process demo({kBinary, "demo", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string()});
  auto url = demo_url(demo);
  ASSERT_FALSE(url.empty()) << demo.stdout_text() << demo.stderr_text();
  EXPECT_TRUE(url.starts_with("http://127.0.0.1:")) << url;

  HttpClient client(url);
  auto health = client.get("/healthz");
  EXPECT_EQ(health.status, 200) << health.error;
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  auto kecamatan = client.get("/api/v1/regions?parent=16.71");
  ASSERT_EQ(kecamatan.status, 200);
  EXPECT_EQ(kecamatan.json().at("count").as_int64(), 18) << "the demo data is loaded";
  EXPECT_TRUE(std::filesystem::exists(dir.path() / "sigap.db")) << "the database lives in the given data dir";

  // Logs are JSON lines on stderr.
  for (const auto& line : lines_of(demo.stderr_text())) {
    boost::system::error_code ec;
    auto parsed = boost::json::parse(line, ec);
    EXPECT_FALSE(ec) << "not a JSON log line: " << line;
    if (!ec) {
      EXPECT_TRUE(parsed.is_object() && parsed.as_object().contains("level")) << line;
    }
  }

  demo.send_signal(SIGTERM);
  EXPECT_EQ(demo.wait(10s), 0) << demo.stderr_text();
}

// A whole categories list: 200 and a JSON body whose items are all there.
bool is_complete_category_list(const HttpResult& result) {
  if (result.status != 200) return false;
  boost::system::error_code ec;
  auto body = boost::json::parse(result.body, ec);
  if (ec || !body.is_object()) return false;
  const auto* items = body.as_object().if_contains("items");
  const auto* count = body.as_object().if_contains("count");
  return items && count && items->is_array() && count->is_int64() && !items->as_array().empty() &&
         items->as_array().size() == static_cast<std::size_t>(count->as_int64());
}

TEST(Cli, SigtermUnderLoadFinishesEveryAnsweredRequestAndExitsCleanly) {
  TempDir dir;
  Process demo({kBinary, "demo", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string(), "--log-level", "warn"});
  auto url = demo_url(demo);
  ASSERT_FALSE(url.empty()) << demo.stdout_text() << demo.stderr_text();

  struct Tally {
    int answered = 0;
    int refused = 0;  // not a byte of an answer: the server had stopped accepting
    std::vector<std::string> broken;
  };
  constexpr int kThreads = 4;
  std::vector<Tally> tallies(kThreads);
  std::atomic<bool> done{false};
  std::atomic<int> answered_so_far{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(url);
      auto& tally = tallies[static_cast<std::size_t>(t)];
      while (!done) {
        auto result = client.get("/api/v1/categories");
        if (!result.error.empty() && result.body.empty()) {
          ++tally.refused;
          std::this_thread::sleep_for(5ms);
        } else if (!result.error.empty() || !is_complete_category_list(result)) {
          tally.broken.push_back("status " + std::to_string(result.status) + " " + result.error + ": " +
                                 result.body.substr(0, 80));
        } else {
          ++tally.answered;
          ++answered_so_far;
        }
      }
    });
  }
  // Let the load build up, then ask the server to stop while requests are in flight.
  auto load_started = std::chrono::steady_clock::now();
  while ((answered_so_far < 100 || std::chrono::steady_clock::now() - load_started < 300ms) &&
         std::chrono::steady_clock::now() - load_started < 5s) {
    std::this_thread::sleep_for(5ms);
  }
  demo.send_signal(SIGTERM);
  auto status = demo.wait(10s);
  done = true;
  for (auto& thread : threads) thread.join();

  ASSERT_TRUE(status.has_value()) << "still running 10 s after SIGTERM";
  EXPECT_EQ(*status, 0) << demo.stderr_text();
  int answered = 0;
  int refused = 0;
  for (const auto& tally : tallies) {
    answered += tally.answered;
    refused += tally.refused;
    for (const auto& broken : tally.broken) ADD_FAILURE() << "malformed or partial answer: " << broken;
  }
  EXPECT_GE(answered, 100) << "the load never got going";
  EXPECT_GE(refused, 1) << "the clients never saw the server stop: SIGTERM did not land under load";
}

TEST(Cli, ServeWithAnEmptyDatabaseStopsOnSigint) {
  TempDir dir;
  Process serve({kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", dir.path().string()});
  auto line = serve.wait_for_stdout_line("listening on", 5s);
  ASSERT_TRUE(line.has_value()) << serve.stderr_text();
  auto url = line->substr(line->find("http://"));
  if (url.ends_with('/')) url.pop_back();
  HttpClient client(url);
  EXPECT_EQ(client.get("/readyz").status, 200);
  auto categories = client.get("/api/v1/categories");
  ASSERT_EQ(categories.status, 200);
  EXPECT_EQ(categories.json().at("count").as_int64(), 0) << "serve loads no demo data";
  serve.send_signal(SIGINT);
  EXPECT_EQ(serve.wait(10s), 0) << serve.stderr_text();
}

}  // namespace
}  // namespace sigap::testing
