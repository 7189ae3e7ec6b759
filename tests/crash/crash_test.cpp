// The crash test (issue #9, docs/reliability.md): the real `sigap serve`, on SQLite and on
// PostgreSQL, takes complaints from several clients as fast as it can answer and is killed with
// SIGKILL at a random moment, again and again. After every restart each complaint it had
// acknowledged with 201 is there with every field as sent and as answered, with its "submitted"
// event; no record is half written; the database passes its own integrity check. At the end the
// outbox has delivered every committed complaint's event to a webhook receiver, and nothing that
// was not committed.
//
// Short form (make test): 3 kills per backend. Long form (make crash): SIGAP_CRASH_KILLS=20.
// SIGAP_CRASH_SEED=N repeats the kill moments of an earlier run (the seed is printed).
#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <thread>
#include <unordered_set>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/master_data/demo_data.hpp"
#include "app/webhooks/webhook_admin.hpp"
#include "common/time_format.hpp"
#include "crash/store_checks.hpp"
#include "crypto/keyring.hpp"
#include "storage/open_storage.hpp"
#include "support/http_client.hpp"
#include "support/intake_load.hpp"
#include "support/postgres_database.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_receiver.hpp"

namespace sigap::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;
constexpr int kClients = 4;
// The kill falls this long after the first 201 of a run, drawn uniformly.
constexpr int kKillAfterMinMs = 200;
constexpr int kKillAfterMaxMs = 1200;
// Complaints read back field by field over HTTP tracking after each restart.
constexpr std::size_t kTrackedPerRestart = 20;

int kills_per_backend() {
  const char* text = std::getenv("SIGAP_CRASH_KILLS");
  if (!text || !*text) return 3;
  int kills = std::atoi(text);
  return std::clamp(kills, 1, 1000);
}

std::uint64_t crash_seed() {
  static const std::uint64_t seed = [] {
    const char* text = std::getenv("SIGAP_CRASH_SEED");
    if (text && *text) return static_cast<std::uint64_t>(std::strtoull(text, nullptr, 10));
    return static_cast<std::uint64_t>(std::random_device{}()) << 32 | std::random_device{}();
  }();
  return seed;
}

// --- the table of results ---------------------------------------------------------------------

struct CrashRow {
  std::string backend;
  int runs = 0;
  std::size_t acknowledged = 0;
  std::size_t found = 0;
  std::size_t lost = 0;
  std::size_t unacknowledged_stored = 0;  // in flight when killed, committed, answer lost
  std::size_t delivered = 0;              // distinct complaints whose event reached the receiver
  std::size_t committed = 0;              // complaints stored at the end
  std::string integrity;
  double seconds = 0;
};

std::vector<CrashRow>& crash_rows() {
  static std::vector<CrashRow> rows;
  return rows;
}

void print_table(std::ostream& out, const std::vector<CrashRow>& rows) {
  out << fmt::format("\ncrash test: SIGKILL during intake, {} client connections, seed {}\n", kClients, crash_seed());
  out << fmt::format("{:<9} {:>5} {:>13} {:>8} {:>5} {:>18} {:>20} {:>8}\n", "backend", "runs", "acknowledged", "found",
                     "lost", "stored unanswered", "outbox delivered", "seconds");
  for (const auto& row : rows) {
    out << fmt::format("{:<9} {:>5} {:>13} {:>8} {:>5} {:>18} {:>20} {:>8.1f}\n", row.backend, row.runs,
                       row.acknowledged, row.found, row.lost, row.unacknowledged_stored,
                       fmt::format("{} of {}", row.delivered, row.committed), row.seconds);
  }
  for (const auto& row : rows) out << fmt::format("integrity ({}): {}\n", row.backend, row.integrity);
  out << std::flush;
}

// Prints every backend's row together when the whole binary runs (make crash).
class CrashTable : public ::testing::Environment {
 public:
  void TearDown() override {
    if (crash_rows().size() > 1) print_table(std::cout, crash_rows());
  }
};
[[maybe_unused]] auto* const kCrashTable = ::testing::AddGlobalTestEnvironment(new CrashTable);

// --- the server ------------------------------------------------------------------------------

// The base URL ("http://127.0.0.1:PORT") `sigap serve` prints, or "".
std::string served_url(Process& serve) {
  constexpr std::string_view kPrefix = "listening on ";
  auto line = serve.wait_for_stdout_line(kPrefix, 30s);
  if (!line) return {};
  auto url = line->substr(line->find(kPrefix) + kPrefix.size());
  if (url.ends_with('/')) url.pop_back();
  return url;
}

std::shared_ptr<const crypto::Keyring> data_keys(const fs::path& data) {
  // Created on first use, as serve would; the server and the checks share it.
  auto keyring = crypto::load_keyring(data / "keys" / "data.keys", nullptr);
  EXPECT_TRUE(keyring.ok());
  return keyring ? std::make_shared<const crypto::Keyring>(std::move(*keyring)) : nullptr;
}

std::unique_ptr<app::ports::Storage> open_store(const std::string& url, const fs::path& data) {
  auto database = storage::parse_database_url(url);
  EXPECT_TRUE(database.ok());
  if (!database) return nullptr;
  auto opened = storage::open_storage(*database, {2, data_keys(data)});
  EXPECT_TRUE(opened.ok()) << (opened ? "" : opened.error().message().en);
  return opened ? std::move(*opened) : nullptr;
}

// The database the server will open: the demo's master data, and one webhook subscription to
// `receiver_url` for every complaint's "submitted" event.
void prepare(const std::string& url, const fs::path& data, const std::string& receiver_url) {
  auto storage = open_store(url, data);
  ASSERT_TRUE(storage);
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(*storage).ok());
  SystemClock clock;
  app::webhooks::WebhookSettings settings;
  settings.allow = *domain::integration::AllowList::parse("127.0.0.1", "webhook_allow_hosts");
  app::webhooks::WebhookAdmin admin(*storage, clock, nullptr, settings);
  domain::access::Actor actor;
  actor.kind = domain::access::ActorKind::staff;
  actor.id = 1;
  actor.memberships = {{"pemkot-palembang", domain::access::Role::admin}};
  app::webhooks::SubscriptionDraft draft;
  draft.name = "Penerima uji crash";
  draft.url = receiver_url;
  draft.event_types = std::vector<std::string>{"complaint.submitted"};
  auto created = admin.create(actor, draft);
  ASSERT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message().en);
}

// --- the checks after a restart ----------------------------------------------------------------

struct RestartCheck {
  std::size_t found = 0;
  std::size_t lost = 0;
  std::size_t stored = 0;
};

/// Every acknowledged complaint is stored; those from `first_full` on (the ones not checked
/// before) field by field with their "submitted" event; no half-written record; integrity.
RestartCheck check_after_restart(const std::string& url, const fs::path& data, bool postgres,
                                 const std::vector<AcknowledgedComplaint>& acknowledged, std::size_t first_full,
                                 std::string& integrity_method) {
  RestartCheck result;
  auto direct = connect_directly(url);
  if (!direct) return result;
  auto codes = stored_codes(*direct);
  std::unordered_set<std::string> stored(codes.begin(), codes.end());
  result.stored = stored.size();
  std::size_t reported = 0;
  for (const auto& complaint : acknowledged) {
    if (stored.contains(complaint.code)) {
      ++result.found;
    } else {
      ++result.lost;
      if (reported++ < 10)
        ADD_FAILURE() << "acknowledged complaint " << complaint.code << " is missing after a restart";
    }
  }
  auto half = half_written_records(*direct);
  EXPECT_TRUE(half.empty()) << fmt::format("half-written records: {}", fmt::join(half, "; "));
  auto problems = integrity_problems(*direct, postgres, integrity_method);
  EXPECT_TRUE(problems.empty()) << fmt::format("integrity ({}): {}", integrity_method, fmt::join(problems, "; "));
  direct.reset();

  // Field by field, personal data opened, as staff allowed to reveal it would see it.
  auto storage = open_store(url, data);
  if (!storage) return result;
  reported = 0;
  for (std::size_t i = first_full; i < acknowledged.size(); ++i) {
    const auto& complaint = acknowledged[i];
    if (!stored.contains(complaint.code)) continue;
    auto found = storage->complaints().find_by_code(complaint.code);
    if (!found.ok() || !found->has_value()) {
      ADD_FAILURE() << complaint.code << " cannot be read back";
      continue;
    }
    auto differ = differences(complaint, **found);
    if (!differ.empty() && reported++ < 10) {
      ADD_FAILURE() << complaint.code
                    << " differs from what was sent and answered in: " << fmt::format("{}", fmt::join(differ, ", "));
    }
    auto events = storage->complaints().events(complaint.id, false);
    if (!events.ok()) {
      ADD_FAILURE() << complaint.code << ": its events cannot be read";
      continue;
    }
    auto submitted = std::count_if(events->begin(), events->end(), [&](const auto& event) {
      return event.type == "submitted" && format_utc(event.at) == complaint.submitted_at &&
             event.to_status == domain::complaints::Status::submitted;
    });
    EXPECT_EQ(submitted, 1) << complaint.code << ": its submitted event";
  }
  return result;
}

/// A few acknowledged complaints as the reporter sees them: tracked by code on the restarted server.
void expect_tracked(const std::string& base_url, const std::vector<AcknowledgedComplaint>& acknowledged,
                    std::mt19937_64& random) {
  if (acknowledged.empty()) return;
  HttpClient client(base_url);
  std::uniform_int_distribution<std::size_t> pick(0, acknowledged.size() - 1);
  for (std::size_t i = 0; i < kTrackedPerRestart; ++i) {
    const auto& complaint = acknowledged[pick(random)];
    auto tracked = client.get("/api/v1/track/" + complaint.code);
    ASSERT_EQ(tracked.status, 200) << complaint.code << " " << tracked.body;
    auto object = tracked.json().as_object();
    EXPECT_EQ(object.at("status").as_string(), "submitted") << complaint.code;
    EXPECT_EQ(object.at("submitted_at").as_string(), complaint.submitted_at) << complaint.code;
    EXPECT_EQ(object.at("unit").as_object().at("code").as_string(), complaint.unit) << complaint.code;
  }
}

/// The outbox delivers what was committed: the receiver gets the "submitted" event of every
/// stored complaint (at least once), and of nothing else; every outbox row is fanned out, with
/// dispatch numbers that have no gaps.
std::size_t expect_outbox_delivered(const std::string& url, const WebhookReceiver& receiver) {
  auto direct = connect_directly(url);
  if (!direct) return 0;
  auto codes = stored_codes(*direct);
  std::set<std::string> committed(codes.begin(), codes.end());
  auto delivered_codes = [](const std::vector<ReceivedRequest>& requests) {
    std::set<std::string> delivered;
    for (const auto& request : requests) {
      if (request.answered != 200) continue;
      delivered.insert(std::string(json::parse(request.body).as_object().at("subject").as_string()));
    }
    return delivered;
  };
  auto patience = 60s + std::chrono::milliseconds(20 * committed.size());
  bool all = receiver.wait_for(
      [&](const auto& requests) {
        auto delivered = delivered_codes(requests);
        return std::includes(delivered.begin(), delivered.end(), committed.begin(), committed.end());
      },
      std::chrono::duration_cast<std::chrono::milliseconds>(patience));
  auto delivered = delivered_codes(receiver.requests());
  EXPECT_TRUE(all) << delivered.size() << " of " << committed.size() << " committed complaints delivered";
  std::vector<std::string> strangers;
  std::set_difference(delivered.begin(), delivered.end(), committed.begin(), committed.end(),
                      std::back_inserter(strangers));
  EXPECT_TRUE(strangers.empty()) << strangers.size()
                                 << " events delivered of complaints that were never committed, e.g. "
                                 << (strangers.empty() ? "" : strangers.front());

  auto pending = direct->query("SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL", {});
  EXPECT_TRUE(pending.ok());
  if (pending) {
    EXPECT_EQ(storage::sql::int_at(pending->rows.at(0), 0), 0) << "outbox rows never fanned out";
  }
  auto order = direct->query(
      "SELECT COUNT(dispatch_seq), COALESCE(MIN(dispatch_seq), 0), COALESCE(MAX(dispatch_seq), 0) FROM outbox", {});
  EXPECT_TRUE(order.ok());
  if (order) {
    auto numbered = storage::sql::int_at(order->rows.at(0), 0);
    EXPECT_EQ(storage::sql::int_at(order->rows.at(0), 1), numbered > 0 ? 1 : 0);
    EXPECT_EQ(storage::sql::int_at(order->rows.at(0), 2), numbered) << "dispatch numbers have gaps";
  }
  std::size_t of_committed = 0;
  for (const auto& code : delivered) of_committed += committed.contains(code) ? 1 : 0;
  return of_committed;
}

// --- the test ------------------------------------------------------------------------------

class CrashTest : public ::testing::TestWithParam<std::string> {};

TEST_P(CrashTest, EveryAcknowledgedComplaintSurvivesSigkillDuringIntake) {
  const bool postgres = GetParam() == "postgres";
  if (postgres && !PostgresDatabase::server_url()) {
    if (PostgresDatabase::required()) FAIL() << "SIGAP_TEST_POSTGRES_URL is not set (run under tools/with-postgres)";
    GTEST_SKIP() << "no test PostgreSQL (run under tools/with-postgres)";
  }
  auto started = std::chrono::steady_clock::now();
  const int kills = kills_per_backend();
  std::mt19937_64 random(crash_seed() + (postgres ? 1 : 0));
  TempDir dir;
  auto data = dir.path() / "data";
  std::optional<PostgresDatabase> database;
  if (postgres) database.emplace();
  const std::string url = postgres ? database->url() : "sqlite:" + (data / "sigap.db").string();
  WebhookReceiver receiver;
  prepare(url, data, receiver.url());
  if (HasFatalFailure()) return;

  const std::vector<std::string> args{kBinary,       "serve", "--listen", "127.0.0.1:0", "--data-dir",
                                      data.string(), "--db",  url,        "--log-level", "warn"};
  const std::vector<std::string> environment{
      "SIGAP_RATE_LIMIT_INTAKE=off",         "SIGAP_RATE_LIMIT_TRACKING=off",   "SIGAP_SLA_WATCH_INTERVAL_SECONDS=0",
      "SIGAP_WEBHOOK_ALLOW_HOSTS=127.0.0.1", "SIGAP_WEBHOOK_TIMEOUT_SECONDS=2", "SIGAP_DELIVERY_RETRY_BASE_SECONDS=1",
      "SIGAP_DELIVERY_RETRY_CAP_SECONDS=2"};

  std::vector<AcknowledgedComplaint> acknowledged;
  std::size_t checked_fully = 0;  // acknowledged[0, checked_fully) were compared field by field
  std::size_t killed_after_ms = 0;
  CrashRow row;
  row.backend = GetParam();
  row.runs = kills;
  for (int run = 1; run <= kills + 1; ++run) {
    Process server(args, environment);
    auto base_url = served_url(server);
    ASSERT_FALSE(base_url.empty()) << "the server did not start again after kill " << run - 1 << ":\n"
                                   << server.stderr_text();
    if (run > 1) {
      // The final restart compares every acknowledged complaint field by field once more.
      auto check =
          check_after_restart(url, data, postgres, acknowledged, run > kills ? 0 : checked_fully, row.integrity);
      checked_fully = acknowledged.size();
      expect_tracked(base_url, acknowledged, random);
      std::cout << fmt::format(
                       "[crash] {} run {}/{}: killed {} ms after the first 201; {} acknowledged so far, "
                       "{} found after the restart, {} lost, {} stored in all\n",
                       row.backend, run - 1, kills, killed_after_ms, acknowledged.size(), check.found, check.lost,
                       check.stored)
                << std::flush;
      row.found = check.found;
      row.lost = check.lost;
      row.unacknowledged_stored = check.stored - check.found;
    }
    if (run > kills) {
      row.delivered = expect_outbox_delivered(url, receiver);
      row.committed = row.found + row.unacknowledged_stored;
      server.send_signal(SIGTERM);
      EXPECT_EQ(server.wait(20s), 0) << server.stderr_text();
      break;
    }
    IntakeLoad load(base_url, kClients, run);
    ASSERT_TRUE(load.wait_for(1, 20s)) << "no complaint was acknowledged: "
                                       << fmt::format("{}", fmt::join(load.unexpected(), "\n")) << "\n"
                                       << server.stderr_text();
    killed_after_ms =
        static_cast<std::size_t>(std::uniform_int_distribution<int>(kKillAfterMinMs, kKillAfterMaxMs)(random));
    std::this_thread::sleep_for(std::chrono::milliseconds(killed_after_ms));
    server.send_signal(SIGKILL);
    EXPECT_EQ(server.wait(10s), 128 + SIGKILL);
    load.stop();
    EXPECT_EQ(load.unexpected_count(), 0U) << fmt::format("{}", fmt::join(load.unexpected(), "\n"));
    auto answered = load.acknowledged();
    acknowledged.insert(acknowledged.end(), answered.begin(), answered.end());
  }
  row.acknowledged = acknowledged.size();
  row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  EXPECT_EQ(row.lost, 0U);
  EXPECT_EQ(row.found, row.acknowledged);
  crash_rows().push_back(row);
  print_table(std::cout, {row});
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace sigap::testing
