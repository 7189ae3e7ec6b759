// The live stream GET /api/v1/stream over real HTTP and a real WebSocket (issue #6): a complaint
// filed through the API reaches a subscribed socket within a second, without anything personal;
// a kelurahan officer receives only its kelurahan's cases, a leader all; refusals come as
// problem+json before the upgrade (no session, a scope out of reach, another site's page); a
// client that resumes with `after` gets exactly what it missed, even while cases keep coming; a
// client that stops reading is told to resync and the server's queue stays bounded; heartbeats;
// alerts; a graceful stop with sockets open. The outbox dispatcher is the real one.
#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "app/identity/api_keys.hpp"
#include "app/identity/user_admin.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "jobs/outbox_dispatcher.hpp"
#include "support/http_client.hpp"
#include "support/intake_load.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_server.hpp"
#include "support/ws_client.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";
constexpr std::string_view kOfficerUnit = "kelurahan-16.71.01.1001";
constexpr std::string_view kNeighbourUnit = "kelurahan-16.71.01.1002";

struct Filed {
  std::string code;
  SentComplaint sent;
};

class StreamTest : public ::testing::Test {
 protected:
  void SetUp() override { start({}); }

  void start(TestServerOptions options) {
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{1000, 100};
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{100000, 100000};
    options.rate_limits[http::RateBudget::api] = http::BucketPolicy{100000, 100000};
    options.stream.alert_poll = 100ms;
    server_ = std::make_unique<TestServer>(options);
    app::identity::UserAdmin admin(server_->storage(), clock_);
    auto add = [&](const std::string& email, da::Role role, std::string_view unit) {
      auto user = admin.create({email, "Nama " + email, std::string(kPassword), domain::identity::UserKind::staff,
                                {{std::string(unit), role}}},
                               "test");
      EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message().en);
      return user.ok() ? user->id : 0;
    };
    add("officer@test.id", da::Role::officer, kOfficerUnit);
    enrol_test_totp(server_->storage(), add("leader@test.id", da::Role::leader, "pemkot-palembang"));
    enrol_test_totp(server_->storage(), add("admin@test.id", da::Role::admin, "pemkot-palembang"));
    dispatch_ = std::make_unique<app::outbox::OutboxDispatch>(server_->storage(), clock_,
                                                              std::vector<app::outbox::OutboxConsumer*>{});
    dispatcher_ = std::make_unique<jobs::OutboxDispatcher>(*dispatch_, jobs::OutboxDispatcherOptions{},
                                                           [this] { server_->service().stream_hub().wake(); });
    dispatcher_->start();
  }

  void TearDown() override { stop(); }

  void stop() {
    if (dispatcher_) dispatcher_->stop();
    dispatcher_.reset();
    server_.reset();
  }

  /// The session cookie of `who`, signed in once per test (a TOTP code is good for one use).
  std::vector<std::pair<std::string, std::string>> cookie_of(const std::string& who) {
    if (auto known = cookies_.find(who); known != cookies_.end()) return {{"Cookie", known->second}};
    auto headers = sign_in_staff(server_->base_url(), who + "@test.id", kPassword, clock_.now());
    EXPECT_FALSE(headers.empty());
    if (headers.empty()) return {};
    auto cookie = headers[0].substr(std::string_view("Cookie: ").size());
    cookies_[who] = cookie;
    return {{"Cookie", cookie}};
  }

  std::unique_ptr<WebSocketClient> connect(const std::string& who, const std::string& query = {},
                                           WebSocketClient::Options options = {}) {
    for (auto& header : cookie_of(who)) options.headers.push_back(header);
    return std::make_unique<WebSocketClient>(server_->port(), "/api/v1/stream" + query, options);
  }

  /// Routes rubbish (sampah) of the two kelurahan to their own offices.
  void route_rubbish_to_kelurahan() {
    auto admin = sign_in_staff(server_->base_url(), "admin@test.id", kPassword, clock_.now());
    HttpClient client(server_->base_url());
    for (auto unit : {kOfficerUnit, kNeighbourUnit}) {
      auto region = std::string(unit.substr(std::string_view("kelurahan-").size()));
      auto saved = client.request(
          "PUT", "/api/v1/routing-rules",
          fmt::format(R"({{"category_code":"sampah","region_code":"{}","unit_code":"{}"}})", region, unit), admin);
      ASSERT_EQ(saved.status, 200) << saved.body;
    }
  }

  Filed file(std::string_view region = "16.71.01.1001", std::string_view category = "sampah") {
    auto sent = SentComplaint::numbered(6, ++filed_);
    sent.region_code = std::string(region);
    sent.category = std::string(category);
    sent.confidential = false;
    HttpClient client(server_->base_url());
    auto answer = client.post_json("/api/v1/complaints", sent.body());
    EXPECT_EQ(answer.status, 201) << answer.body;
    if (answer.status != 201) return {};
    return {std::string(answer.json().at("code").as_string()), sent};
  }

  /// Waits until the dispatcher has numbered every committed outbox row up to `seq`.
  void await_numbered(std::int64_t seq) {
    for (int i = 0; i < 500; ++i) {
      auto last = server_->storage().outbox().last_dispatched_seq();
      if (last.ok() && *last >= seq) return;
      std::this_thread::sleep_for(10ms);
    }
    FAIL() << "event " << seq << " was not numbered";
  }

  SystemClock clock_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<app::outbox::OutboxDispatch> dispatch_;
  std::unique_ptr<jobs::OutboxDispatcher> dispatcher_;
  std::int64_t filed_ = 0;
  std::map<std::string, std::string> cookies_;
};

std::string text(const json::value& value, std::string_view key) {
  return std::string(value.as_object().at(key).as_string());
}

TEST_F(StreamTest, AComplaintFiledThroughTheApiArrivesWithinASecondWithNothingPersonal) {
  auto leader = connect("leader");
  ASSERT_TRUE(leader->open()) << leader->status() << " " << leader->refusal_body();
  auto hello = leader->next();
  ASSERT_TRUE(hello);
  EXPECT_EQ(text(*hello, "type"), "hello");
  EXPECT_EQ(text(*hello, "scope"), "");
  const auto last_id = hello->at("last_id").as_int64();

  auto filed = file();
  const auto committed = std::chrono::steady_clock::now();
  auto event = leader->next_of("event", 1s);
  ASSERT_TRUE(event) << "no event within 1 s of the intake's answer";
  EXPECT_LE(std::chrono::steady_clock::now() - committed, 1s);
  const auto& object = event->as_object();
  EXPECT_EQ(object.at("id").as_int64(), last_id + 1);
  EXPECT_EQ(text(*event, "topic"), "complaint.submitted");
  EXPECT_EQ(object.at("at").as_string().size(), std::string_view("2026-08-04T03:00:00Z").size());
  const auto& kase = object.at("case").as_object();
  EXPECT_EQ(kase.at("code").as_string(), filed.code);
  EXPECT_EQ(kase.at("status").as_string(), "submitted");
  EXPECT_EQ(kase.at("unit").as_string(), "dlhk");
  EXPECT_EQ(kase.at("category").as_string(), "sampah");
  EXPECT_EQ(kase.at("region").as_string(), "16.71.01.1001");
  EXPECT_EQ(kase.at("kind").as_string(), filed.sent.kind);
  EXPECT_EQ(object.at("event").at("type").as_string(), "submitted");
  EXPECT_EQ(object.at("event").at("actor_role").as_string(), "reporter");
  const auto frame = json::serialize(*event);
  for (const auto& personal : {filed.sent.reporter_name, filed.sent.reporter_phone, filed.sent.reporter_email,
                               filed.sent.reporter_nik, filed.sent.address, filed.sent.description,
                               filed.sent.title}) {
    EXPECT_EQ(frame.find(personal), std::string::npos) << personal << " is in " << frame;
  }
}

TEST_F(StreamTest, AKelurahanOfficerSeesOnlyItsKelurahanAndALeaderSeesAll) {
  route_rubbish_to_kelurahan();
  auto officer = connect("officer");
  auto narrowed = connect("officer", "?scope=" + std::string(kOfficerUnit));
  auto leader = connect("leader");
  auto leader_kecamatan = connect("leader", "?scope=kecamatan-16.71.01");
  for (auto* client : {officer.get(), narrowed.get(), leader.get(), leader_kecamatan.get()}) {
    ASSERT_TRUE(client->open()) << client->status() << " " << client->refusal_body();
    ASSERT_EQ(text(*client->next(), "type"), "hello");
  }
  auto own = file("16.71.01.1001");
  auto neighbour = file("16.71.01.1002");
  auto elsewhere = file("16.71.02.1004", "jalan-rusak");  // Dinas PUPR: outside both kelurahan
  auto own_again = file("16.71.01.1001");

  for (auto* client : {officer.get(), narrowed.get()}) {
    auto first = client->next_of("event");
    ASSERT_TRUE(first);
    EXPECT_EQ(first->at("case").at("code").as_string(), own.code);
    EXPECT_EQ(first->at("case").at("unit").as_string(), kOfficerUnit);
    auto second = client->next_of("event");
    ASSERT_TRUE(second);
    EXPECT_EQ(second->at("case").at("code").as_string(), own_again.code) << "the neighbour's case was skipped";
  }
  std::vector<std::string> seen;
  for (int i = 0; i < 4; ++i) {
    auto event = leader->next_of("event");
    ASSERT_TRUE(event);
    seen.emplace_back(event->at("case").at("code").as_string());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{own.code, neighbour.code, elsewhere.code, own_again.code}));
  std::vector<std::string> kecamatan;
  for (int i = 0; i < 3; ++i) {
    auto event = leader_kecamatan->next_of("event");
    ASSERT_TRUE(event);
    kecamatan.emplace_back(event->at("case").at("code").as_string());
  }
  EXPECT_EQ(kecamatan, (std::vector<std::string>{own.code, neighbour.code, own_again.code}));
}

TEST_F(StreamTest, RefusalsAreProblemsBeforeTheUpgrade) {
  WebSocketClient anonymous(server_->port(), "/api/v1/stream");
  EXPECT_EQ(anonymous.status(), 401);
  EXPECT_EQ(anonymous.refusal_json().at("status").as_int64(), 401);

  auto outside = connect("officer", "?scope=" + std::string(kNeighbourUnit));
  EXPECT_EQ(outside->status(), 403) << outside->refusal_body();
  EXPECT_EQ(outside->refusal_json().at("type").as_string(), "/problems/forbidden");
  auto above = connect("officer", "?scope=kecamatan-16.71.01");
  EXPECT_EQ(above->status(), 403) << "a kelurahan officer may not follow its kecamatan";
  auto unknown = connect("leader", "?scope=no-such-unit");
  EXPECT_EQ(unknown->status(), 422);
  EXPECT_EQ(unknown->refusal_json().at("errors").at(0).at("field").as_string(), "scope");
  auto bad_after = connect("leader", "?after=-3");
  EXPECT_EQ(bad_after->status(), 422);

  // Another site's page, carrying the leader's cookie: cross-site WebSocket hijacking.
  WebSocketClient::Options hijack;
  hijack.headers.emplace_back("Origin", "https://evil.example");
  auto hijacked = connect("leader", "", hijack);
  EXPECT_EQ(hijacked->status(), 403) << hijacked->refusal_body();
  WebSocketClient::Options own_page;
  own_page.headers.emplace_back("Origin", fmt::format("http://127.0.0.1:{}", server_->port()));
  auto same_origin = connect("leader", "", own_page);
  EXPECT_TRUE(same_origin->open()) << same_origin->refusal_body();

  // An API key with read_case (no cookie: no Origin check), scoped to its unit.
  auto key = app::identity::create_api_key(server_->storage(), clock_, {"Aplikasi DLHK", "dlhk", {da::Action::read_case}},
                                           "test");
  ASSERT_TRUE(key.ok());
  WebSocketClient::Options bearer;
  bearer.headers.emplace_back("Authorization", "Bearer " + key->token);
  bearer.headers.emplace_back("Origin", "https://integrator.example");
  WebSocketClient integrator(server_->port(), "/api/v1/stream", bearer);
  ASSERT_TRUE(integrator.open()) << integrator.refusal_body();
  auto rubbish = file("16.71.01.1001", "sampah");  // DLHK's
  auto event = integrator.next_of("event");
  ASSERT_TRUE(event);
  EXPECT_EQ(event->at("case").at("code").as_string(), rubbish.code);

  // A plain GET is told to upgrade.
  HttpClient client(server_->base_url());
  std::vector<std::string> cookie{"Cookie: " + cookie_of("leader").at(0).second};
  auto plain = client.get("/api/v1/stream", cookie);
  EXPECT_EQ(plain.status, 426) << plain.body;
  EXPECT_EQ(plain.header("upgrade"), "websocket");
}

TEST_F(StreamTest, AResumingClientGetsExactlyWhatItMissedEvenWhileCasesKeepComing) {
  auto first = connect("leader");
  ASSERT_TRUE(first->open());
  ASSERT_TRUE(first->next());
  file();
  file();
  auto seen = first->next_of("event");
  seen = first->next_of("event");
  ASSERT_TRUE(seen);
  const auto last_seen = seen->at("id").as_int64();
  first->close();

  // Cases keep coming while the client is away and while it reconnects.
  std::atomic<int> filed{0};
  std::jthread more([&] {
    for (int i = 0; i < 24; ++i) {
      HttpClient client(server_->base_url());
      auto sent = SentComplaint::numbered(7, i);
      if (client.post_json("/api/v1/complaints", sent.body()).status == 201) ++filed;
      std::this_thread::sleep_for(15ms);
    }
  });
  while (filed < 8) std::this_thread::sleep_for(5ms);
  // Signed in before it reconnects (the sign-in is not what is measured).
  cookie_of("leader");
  auto again = connect("leader", fmt::format("?after={}", last_seen));
  ASSERT_TRUE(again->open()) << again->refusal_body();
  auto hello = again->next();
  ASSERT_TRUE(hello);
  EXPECT_EQ(text(*hello, "type"), "hello");
  more.join();
  ASSERT_EQ(filed, 24);
  const auto last = last_seen + 24;
  await_numbered(last);
  std::vector<std::int64_t> ids;
  while (ids.empty() || ids.back() < last) {
    auto event = again->next_of("event", 3s);
    ASSERT_TRUE(event) << "stopped after " << ids.size() << " events";
    ids.push_back(event->at("id").as_int64());
  }
  std::vector<std::int64_t> expected;
  for (auto id = last_seen + 1; id <= last; ++id) expected.push_back(id);
  EXPECT_EQ(ids, expected) << "every event after the one seen, in order, no gap, no duplicate";
  // At least the 8 filed before it reconnected were one page of the backfill: one frame.
  EXPECT_GE(again->frames().batches, 1U) << "the missed events come in frames of several";
  EXPECT_LT(again->frames().frames, ids.size()) << "fewer frames than events";
  file();
  auto live = again->next_of("event");
  ASSERT_TRUE(live);
  EXPECT_EQ(live->at("id").as_int64(), last + 1);

  // An id the server never gave out: resync.
  auto ahead = connect("leader", fmt::format("?after={}", last + 1000));
  ASSERT_TRUE(ahead->open());
  ASSERT_EQ(text(*ahead->next(), "type"), "hello");
  auto resync = ahead->next();
  ASSERT_TRUE(resync);
  EXPECT_EQ(text(*resync, "type"), "resync");
  EXPECT_EQ(text(*resync, "reason"), "unknown_id");
  EXPECT_TRUE(ahead->wait_closed(2s));
}

class SlowStreamTest : public StreamTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.stream.queue_messages = 20;
    options.stream_session.send_buffer = 4096;
    start(std::move(options));
  }
};

TEST_F(SlowStreamTest, AClientThatDoesNotReadIsToldToResyncAndTheQueueStaysBounded) {
  WebSocketClient::Options slow;
  slow.read = false;
  slow.receive_buffer = 4096;
  auto client = connect("leader", "", slow);
  ASSERT_TRUE(client->open());
  auto reader = connect("leader");  // reads along: not affected
  ASSERT_TRUE(reader->open());
  auto& hub = server_->service().stream_hub();
  EXPECT_EQ(hub.stats().subscribers, 2U);
  int filed = 0;
  while (hub.stats().resyncs == 0 && filed < 600) {
    file();
    ++filed;
  }
  ASSERT_EQ(hub.stats().resyncs, 1U) << "no resync after " << filed << " cases";
  EXPECT_EQ(hub.stats().subscribers, 1U) << "the slow client is dropped from the fan-out";
  EXPECT_LE(hub.stats().peak_queued, 20U) << "no queue ever held more than its limit";

  client->start_reading();
  std::optional<json::value> message;
  std::size_t events = 0;
  std::string last_type;
  while ((message = client->next(3s))) {
    last_type = text(*message, "type");
    if (last_type == "event") ++events;
    if (last_type == "resync") {
      EXPECT_EQ(text(*message, "reason"), "queue_full");
      break;
    }
  }
  EXPECT_EQ(last_type, "resync");
  EXPECT_GT(events, 0U);
  EXPECT_LT(events, static_cast<std::size_t>(filed)) << "it fell behind, it did not get everything";
  EXPECT_TRUE(client->wait_closed(3s));

  std::size_t read_along = 0;
  while (reader->next_of("event", 2s)) {
    if (++read_along == static_cast<std::size_t>(filed)) break;
  }
  EXPECT_EQ(read_along, static_cast<std::size_t>(filed)) << "a client that reads gets everything";
}

class HeartbeatStreamTest : public StreamTest {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.stream.heartbeat = 200ms;
    start(std::move(options));
  }
};

TEST_F(HeartbeatStreamTest, HeartbeatsCarryTheNewestId) {
  auto client = connect("officer");
  ASSERT_TRUE(client->open());
  ASSERT_EQ(text(*client->next(), "type"), "hello");
  auto beat = client->next_of("heartbeat", 2s);
  ASSERT_TRUE(beat);
  EXPECT_EQ(beat->at("at").as_string().size(), std::string_view("2026-08-04T03:00:00Z").size());
  EXPECT_EQ(beat->at("last_id").as_int64(), 0);
  file("16.71.02.1004", "jalan-rusak");  // not the officer's
  await_numbered(1);
  for (int i = 0; i < 20; ++i) {
    beat = client->next_of("heartbeat", 2s);
    ASSERT_TRUE(beat);
    if (beat->at("last_id").as_int64() == 1) break;
  }
  EXPECT_EQ(beat->at("last_id").as_int64(), 1) << "events outside the scope still move last_id (resume from it)";
}

TEST_F(StreamTest, AnAlertRaisedAndClosedArrivesAsAlertMessages) {
  route_rubbish_to_kelurahan();
  auto leader = connect("leader");
  auto officer = connect("officer");
  ASSERT_TRUE(leader->open());
  ASSERT_TRUE(officer->open());
  leader->next();
  officer->next();
  std::this_thread::sleep_for(300ms);  // the hub has had its first look at the alerts

  const auto now = std::chrono::system_clock::now();
  app::ports::Alert alert;
  alert.kind = "unstaffed";
  alert.severity = "warning";
  alert.unit_code = std::string(kOfficerUnit);
  alert.subject = "unit:" + std::string(kOfficerUnit);
  alert.message = "Tidak ada petugas di kantor. / Nobody is at the office.";
  alert.created_at = now;
  ASSERT_TRUE(server_->storage().write([&](app::ports::Transaction& tx) -> Result<void> {
    auto raised = tx.alerts().raise(alert);
    if (!raised) return raised.error();
    return {};
  }));
  auto raised = leader->next_of("alert", 3s);
  ASSERT_TRUE(raised);
  const auto& body = raised->at("alert").as_object();
  EXPECT_EQ(body.at("kind").as_string(), "unstaffed");
  EXPECT_EQ(body.at("severity").as_string(), "warning");
  EXPECT_EQ(body.at("unit").as_string(), kOfficerUnit);
  EXPECT_EQ(body.at("message_id").as_string(), "Tidak ada petugas di kantor.");
  EXPECT_EQ(body.at("message_en").as_string(), "Nobody is at the office.");
  EXPECT_TRUE(body.at("closed_at").is_null());
  EXPECT_TRUE(body.at("acknowledged_at").is_null());

  ASSERT_TRUE(server_->storage().write([&](app::ports::Transaction& tx) -> Result<void> {
    auto closed = tx.alerts().close(alert.kind, alert.subject, now);
    if (!closed) return closed.error();
    return {};
  }));
  auto closed = leader->next_of("alert", 3s);
  ASSERT_TRUE(closed);
  EXPECT_EQ(closed->at("alert").at("id"), body.at("id"));
  EXPECT_FALSE(closed->at("alert").at("closed_at").is_null());

  // Officers do not read alerts: the officer's next message is its case, not the alert.
  auto own = file("16.71.01.1001");
  std::optional<json::value> next;
  while ((next = officer->next(3s)) && text(*next, "type") == "heartbeat") {
  }
  ASSERT_TRUE(next);
  EXPECT_EQ(text(*next, "type"), "event");
  EXPECT_EQ(next->at("case").at("code").as_string(), own.code);
}

TEST_F(StreamTest, TheServerStopsGracefullyWithSocketsOpen) {
  std::vector<std::unique_ptr<WebSocketClient>> clients;
  for (int i = 0; i < 3; ++i) {
    clients.push_back(connect(i == 0 ? "officer" : "leader"));
    ASSERT_TRUE(clients.back()->open());
    ASSERT_TRUE(clients.back()->next());
  }
  WebSocketClient::Options slow;
  slow.read = false;
  clients.push_back(connect("leader", "", slow));  // never reads its hello
  ASSERT_TRUE(clients.back()->open());
  const auto started = std::chrono::steady_clock::now();
  stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s) << "the stop waited for the grace period (10 s)";
  for (std::size_t i = 0; i + 1 < clients.size(); ++i) {
    EXPECT_TRUE(clients[i]->wait_closed(2s));
    EXPECT_EQ(clients[i]->close_code(), 1001) << "going away";
  }
}

}  // namespace
}  // namespace sigap::testing
