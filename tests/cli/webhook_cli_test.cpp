// The outbox dispatcher and webhook delivery of the real `sigap serve`: killed with SIGKILL while
// deliveries are pending (some not fanned out yet, some in flight), started again on the same
// data, it delivers every committed event (at least once; receivers deduplicate by event id).
#include <algorithm>
#include <csignal>
#include <filesystem>
#include <set>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/master_data/demo_data.hpp"
#include "app/webhooks/webhook_admin.hpp"
#include "app/webhooks/webhook_signature.hpp"
#include "crypto/keyring.hpp"
#include "storage/open_storage.hpp"
#include "support/http_client.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/webhook_receiver.hpp"

namespace sigap::testing {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
using namespace std::chrono_literals;

const std::string kBinary = SIGAP_BINARY;
constexpr std::string_view kSecret = "whsec_sigkill_test_secret_42";

// The base URL ("http://127.0.0.1:PORT") `sigap serve` prints, or "".
std::string served_url(Process& serve) {
  constexpr std::string_view kPrefix = "listening on ";
  auto line = serve.wait_for_stdout_line(kPrefix, 15s);
  if (!line) return {};
  auto url = line->substr(line->find(kPrefix) + kPrefix.size());
  if (url.ends_with('/')) url.pop_back();
  return url;
}

// Sets up the database the server will open: demo data and one subscription to `url`.
void prepare(const fs::path& data, const std::string& url) {
  auto keyring = crypto::load_keyring(data / "keys" / "data.keys", nullptr);  // created, as serve would
  ASSERT_TRUE(keyring.ok());
  auto database = storage::parse_database_url("sqlite:" + (data / "sigap.db").string());
  ASSERT_TRUE(database.ok());
  auto opened = storage::open_storage(*database, {1, std::make_shared<const crypto::Keyring>(std::move(*keyring))});
  ASSERT_TRUE(opened.ok());
  auto& storage = **opened;
  ASSERT_TRUE(app::master_data::load_palembang_demo_data(storage).ok());
  SystemClock clock;
  app::webhooks::WebhookSettings settings;
  settings.allow = *domain::integration::AllowList::parse("127.0.0.1", "webhook_allow_hosts");
  app::webhooks::WebhookAdmin admin(storage, clock, nullptr, settings);
  domain::access::Actor actor;
  actor.kind = domain::access::ActorKind::staff;
  actor.id = 1;
  actor.memberships = {{"pemkot-palembang", domain::access::Role::admin}};
  app::webhooks::SubscriptionDraft draft;
  draft.name = "Penerima";
  draft.url = url;
  draft.event_types = std::vector<std::string>{"complaint.submitted"};
  draft.secret = std::string(kSecret);
  auto created = admin.create(actor, draft);
  ASSERT_TRUE(created.ok()) << (created.ok() ? "" : created.error().message().en);
}

std::set<std::string> delivered_codes(const std::vector<ReceivedRequest>& requests) {
  std::set<std::string> codes;
  for (const auto& request : requests) {
    if (request.answered == 200)
      codes.insert(std::string(json::parse(request.body).as_object().at("subject").as_string()));
  }
  return codes;
}

TEST(WebhookCli, KilledWithDeliveriesPendingItDeliversEveryCommittedEventAfterARestart) {
  TempDir dir;
  auto data = dir.path() / "data";
  // A slow receiver (one request at a time, 150 ms each): deliveries queue up behind it.
  WebhookReceiver receiver(nullptr, 0, 150ms);
  prepare(data, receiver.url());
  if (HasFatalFailure()) return;
  const std::vector<std::string> args{kBinary, "serve", "--listen", "127.0.0.1:0", "--data-dir", data.string()};
  const std::vector<std::string> environment{
      "SIGAP_WEBHOOK_ALLOW_HOSTS=127.0.0.1", "SIGAP_RATE_LIMIT_INTAKE=off",
      "SIGAP_WEBHOOK_TIMEOUT_SECONDS=2",     "SIGAP_DELIVERY_RETRY_BASE_SECONDS=1",
      "SIGAP_DELIVERY_RETRY_CAP_SECONDS=2",  "SIGAP_SLA_WATCH_INTERVAL_SECONDS=0"};

  std::set<std::string> committed;
  {
    Process first(args, environment);
    auto url = served_url(first);
    ASSERT_FALSE(url.empty()) << first.stderr_text();
    HttpClient client(url);
    auto report = [&](int i) {
      auto answer = client.post_json("/api/v1/complaints",
                                     R"({"description":"Air PDAM tidak mengalir di rumah nomor )" + std::to_string(i) +
                                         R"(","category":"air-bersih","region_code":"16.71.01.1001"})");
      ASSERT_EQ(answer.status, 201) << answer.body;
      committed.insert(std::string(answer.json().as_object().at("code").as_string()));
    };
    for (int i = 0; i < 20; ++i) report(i);
    ASSERT_TRUE(receiver.wait_for([](const auto& requests) { return requests.size() >= 3; }, 20s))
        << first.stderr_text();
    // Twenty more, killed right after the last answer: some not even fanned out yet.
    for (int i = 20; i < 40; ++i) report(i);
    first.send_signal(SIGKILL);
    EXPECT_EQ(first.wait(10s), 128 + SIGKILL);
  }
  auto before_restart = delivered_codes(receiver.requests());
  ASSERT_LT(before_restart.size(), committed.size()) << "deliveries were pending when it was killed";

  Process second(args, environment);
  ASSERT_FALSE(served_url(second).empty()) << second.stderr_text();
  bool all = receiver.wait_for(
      [&](const auto& requests) {
        auto codes = delivered_codes(requests);
        return std::includes(codes.begin(), codes.end(), committed.begin(), committed.end());
      },
      60s);
  EXPECT_TRUE(all) << delivered_codes(receiver.requests()).size() << " of " << committed.size() << " delivered\n"
                   << second.stderr_text();
  second.send_signal(SIGTERM);
  EXPECT_EQ(second.wait(20s), 0) << second.stderr_text();

  auto requests = receiver.requests();
  std::set<std::string> ids;
  for (const auto& request : requests) {
    auto event = json::parse(request.body).as_object();
    ids.insert(std::string(event.at("id").as_string()));
    auto now = std::chrono::duration_cast<std::chrono::seconds>(request.at.time_since_epoch()).count();
    EXPECT_TRUE(app::webhooks::verify_signature(request.header("sigap-signature"), kSecret, request.body, now));
    EXPECT_TRUE(committed.contains(std::string(event.at("subject").as_string()))) << "only committed events";
  }
  EXPECT_EQ(ids.size(), committed.size()) << "one event id per committed case";
}

}  // namespace
}  // namespace sigap::testing
