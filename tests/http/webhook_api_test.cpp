// The webhook and notification admin API over real HTTP: subscriptions created with a secret
// shown once, checked by the URL policy, kept apart per integrator, audited; a receiver that is
// down for good ends in the dead-letter list with every attempt, and a redelivery by hand
// reaches it once it is back; the message templates admins edit.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/identity/api_keys.hpp"
#include "app/identity/user_admin.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/webhooks/deliver_webhooks.hpp"
#include "app/webhooks/webhook_fan_out.hpp"
#include "app/webhooks/webhook_signature.hpp"
#include "notify/curl_webhook_transport.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/loopback_listener.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_server.hpp"
#include "support/webhook_receiver.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

app::webhooks::WebhookSettings loopback_settings() {
  app::webhooks::WebhookSettings settings;
  settings.allow = *domain::integration::AllowList::parse("127.0.0.1", "webhook_allow_hosts");
  settings.retry = {1s, 10s, 60s};
  settings.source = "https://sigap.test/api/v1/complaints";
  settings.lease = 30s;
  return settings;
}

class WebhookApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    clock_ = new FakeClock(std::chrono::system_clock::now());
    transport_ = new notify::CurlWebhookTransport({loopback_settings().allow, 1s, 3s});
    TestServerOptions options;
    options.clock = clock_;
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{1000, 100};
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{1000, 100};
    options.rate_limits[http::RateBudget::api] = http::BucketPolicy{10000, 1000};
    options.webhooks = loopback_settings();
    options.webhook_transport = transport_;
    server_ = new TestServer(options);
    app::identity::UserAdmin users(server_->storage(), *clock_);
    auto admin = users.create({"admin@test.id",
                               "Admin",
                               std::string(kPassword),
                               domain::identity::UserKind::staff,
                               {{"pemkot-palembang", da::Role::admin}}},
                              "test");
    ASSERT_TRUE(admin.ok());
    admin_id_ = admin->id;
    enrol_test_totp(server_->storage(), admin->id);
    admin_ =
        new std::vector<std::string>(sign_in_staff(server_->base_url(), "admin@test.id", kPassword, clock_->now()));
    for (auto [unit, slot] : {std::pair{"dinas-pupr", &pupr_key_}, std::pair{"dlhk", &dlhk_key_}}) {
      auto key = app::identity::create_api_key(
          server_->storage(), *clock_,
          {std::string("Aplikasi ") + unit, unit, {da::Action::read_case, da::Action::manage_webhooks}}, "test");
      ASSERT_TRUE(key.ok());
      *slot = new std::vector<std::string>{"Authorization: Bearer " + key->token, "Content-Type: application/json"};
    }
  }
  static void TearDownTestSuite() {
    delete server_;
    delete transport_;
    delete clock_;
    delete admin_;
    delete pupr_key_;
    delete dlhk_key_;
  }

  static HttpResult call(const std::vector<std::string>& as, const std::string& method, const std::string& path,
                         const std::string& body = {}) {
    HttpClient client(server_->base_url());
    return client.request(method, path, body, as);
  }

  static std::vector<std::string> field_errors(const HttpResult& result) {
    std::vector<std::string> fields;
    auto body = result.json().as_object();
    if (const auto* errors = body.if_contains("errors")) {
      for (const auto& error : errors->as_array()) fields.emplace_back(error.as_object().at("field").as_string());
    }
    return fields;
  }

  static inline std::int64_t admin_id_ = 0;
  static inline FakeClock* clock_ = nullptr;
  static inline notify::CurlWebhookTransport* transport_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::vector<std::string>* admin_ = nullptr;
  static inline std::vector<std::string>* pupr_key_ = nullptr;
  static inline std::vector<std::string>* dlhk_key_ = nullptr;
};

TEST_F(WebhookApi, AnAdminCreatesReadsChangesAndDeletesASubscriptionAndEveryChangeIsAudited) {
  auto created = call(*admin_, "POST", "/api/v1/webhooks",
                      R"({"name":"SIMPEG","url":"https://hooks.simpeg.example.go.id/sigap",)"
                      R"("event_types":["complaint.verify","complaint.resolve"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  auto body = created.json().as_object();
  auto id = body.at("id").as_int64();
  EXPECT_EQ(created.header("location"), "/api/v1/webhooks/" + std::to_string(id));
  auto secret = std::string(body.at("secret").as_string());
  EXPECT_TRUE(secret.starts_with("whsec_")) << secret;
  EXPECT_GE(secret.size(), 40U);
  EXPECT_TRUE(body.at("active").as_bool());
  EXPECT_TRUE(body.at("unit_code").is_null());
  EXPECT_EQ(body.at("owner").as_string(), "user:" + std::to_string(admin_id_));

  auto path = "/api/v1/webhooks/" + std::to_string(id);
  auto read = call(*admin_, "GET", path);
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.body.find(secret), std::string::npos) << "the secret is shown once";
  EXPECT_FALSE(read.json().as_object().contains("secret"));
  auto list = call(*admin_, "GET", "/api/v1/webhooks");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body.find(secret), std::string::npos);

  auto paused = call(*admin_, "PUT", path, R"({"active":false,"name":"SIMPEG BKPSDM","event_types":["*"]})");
  ASSERT_EQ(paused.status, 200) << paused.body;
  EXPECT_FALSE(paused.json().as_object().at("active").as_bool());
  EXPECT_EQ(paused.json().as_object().at("name").as_string(), "SIMPEG BKPSDM");
  EXPECT_EQ(paused.json().as_object().at("url").as_string(), "https://hooks.simpeg.example.go.id/sigap") << "kept";

  EXPECT_EQ(call(*admin_, "DELETE", path).status, 204);
  EXPECT_EQ(call(*admin_, "GET", path).status, 404);
  EXPECT_EQ(call(*admin_, "DELETE", path).status, 404);

  auto audit = call(*admin_, "GET", "/api/v1/audit?action=webhook.");
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  auto entries = audit.json().as_object().at("items").as_array();
  for (const auto& entry : entries) {
    if (entry.as_object().at("target").as_string() == "webhook:" + std::to_string(id)) {
      actions.emplace_back(entry.as_object().at("action").as_string());
    }
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"webhook.created", "webhook.updated", "webhook.deleted"}));
  EXPECT_EQ(audit.body.find(secret), std::string::npos);
}

TEST_F(WebhookApi, ABadSubscriptionIsRefusedNamingEachField) {
  struct Row {
    const char* body;
    std::vector<std::string> fields;
  };
  const Row rows[] = {
      {R"({"name":"A","url":"http://hooks.example.go.id/x","event_types":["*"]})", {"url"}},
      {R"({"name":"A","url":"https://169.254.169.254/latest","event_types":["*"]})", {"url"}},
      {R"({"name":"A","url":"https://10.0.0.5/x","event_types":["*"]})", {"url"}},
      {R"({"name":"A","url":"https://[::1]/x","event_types":["*"]})", {"url"}},
      {R"({"name":"A","url":"https://localhost/x","event_types":["*"]})", {"url"}},
      {R"({"name":"A","url":"https://hooks.example.go.id/x","event_types":["complaint.verified"]})", {"event_types"}},
      {R"({"name":"A","url":"https://hooks.example.go.id/x","event_types":"complaint.verify"})", {"event_types"}},
      {R"({"url":"https://hooks.example.go.id/x","event_types":["*"]})", {"name"}},
      {R"({"name":"A","url":"https://hooks.example.go.id/x","event_types":["*"],"secret":"short"})", {"secret"}},
      {R"({"name":"A","url":"https://hooks.example.go.id/x","event_types":["*"],"unit_code":"nowhere"})",
       {"unit_code"}},
      {R"({"name":"A","url":"https://hooks.example.go.id/x","event_types":["*"],"colour":"red"})", {"colour"}},
  };
  for (const auto& row : rows) {
    auto result = call(*admin_, "POST", "/api/v1/webhooks", row.body);
    EXPECT_EQ(result.status, 422) << row.body << " -> " << result.body;
    if (result.status == 422) {
      EXPECT_EQ(field_errors(result), row.fields) << row.body;
    }
  }
  EXPECT_EQ(call(*admin_, "GET", "/api/v1/webhooks").json().as_object().at("items").as_array().size(), 0U)
      << "nothing was stored";
}

TEST_F(WebhookApi, AnIntegratorManagesOnlyItsOwnSubscriptionsForItsUnit) {
  auto mine = call(*pupr_key_, "POST", "/api/v1/webhooks",
                   R"({"name":"SIM PUPR","url":"https://hooks.pupr.example.go.id/x","event_types":["complaint.*"]})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(mine.json().as_object().at("unit_code").as_string(), "dinas-pupr") << "its unit, by default";
  auto mine_id = std::to_string(mine.json().as_object().at("id").as_int64());
  auto admins = call(*admin_, "POST", "/api/v1/webhooks",
                     R"({"name":"Kota","url":"https://hooks.kota.example.go.id/x","event_types":["*"]})");
  ASSERT_EQ(admins.status, 201);
  auto admins_id = std::to_string(admins.json().as_object().at("id").as_int64());

  auto listed = call(*pupr_key_, "GET", "/api/v1/webhooks").json().as_object().at("items").as_array();
  ASSERT_EQ(listed.size(), 1U);
  EXPECT_EQ(std::to_string(listed.front().as_object().at("id").as_int64()), mine_id);
  EXPECT_EQ(call(*pupr_key_, "GET", "/api/v1/webhooks/" + admins_id).status, 404) << "not its own";
  EXPECT_EQ(call(*dlhk_key_, "GET", "/api/v1/webhooks/" + mine_id).status, 404);
  EXPECT_EQ(call(*dlhk_key_, "DELETE", "/api/v1/webhooks/" + mine_id).status, 404);
  EXPECT_EQ(call(*admin_, "GET", "/api/v1/webhooks/" + mine_id).status, 200) << "admins see all";
  auto outside = call(*pupr_key_, "PUT", "/api/v1/webhooks/" + mine_id, R"({"unit_code":"dlhk"})");
  EXPECT_EQ(outside.status, 422) << outside.body;
  EXPECT_EQ(field_errors(outside), (std::vector<std::string>{"unit_code"}));
  auto everything = call(*pupr_key_, "PUT", "/api/v1/webhooks/" + mine_id, R"({"unit_code":""})");
  EXPECT_EQ(everything.status, 422) << "a key cannot widen its subscription to the whole city";
  EXPECT_EQ(call(*pupr_key_, "DELETE", "/api/v1/webhooks/" + mine_id).status, 204);
  EXPECT_EQ(call(*admin_, "DELETE", "/api/v1/webhooks/" + admins_id).status, 204);
}

TEST_F(WebhookApi, AReceiverDownForGoodIsDeadLetteredWithItsAttemptsAndARedeliveryReachesItWhenBack) {
  const auto port = LoopbackListener::free_port();  // nothing listens there: refused
  auto created = call(*admin_, "POST", "/api/v1/webhooks",
                      R"({"name":"Mati","url":"http://127.0.0.1:)" + std::to_string(port) +
                          R"(/hook","event_types":["complaint.submitted"],"secret":"whsec_down_for_good_1234"})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto subscription = created.json().as_object().at("id").as_int64();
  HttpClient citizen(server_->base_url());
  auto report =
      citizen.post_json("/api/v1/complaints", R"({"description":"Sampah menumpuk di depan pasar sejak seminggu",)"
                                              R"("category":"sampah","region_code":"16.71.01.1001"})");
  ASSERT_EQ(report.status, 201) << report.body;
  auto code = std::string(report.json().as_object().at("code").as_string());

  auto settings = loopback_settings();
  app::webhooks::WebhookFanOut fan_out(server_->storage(), settings);
  app::outbox::OutboxDispatch dispatch(server_->storage(), *clock_, {&fan_out});
  app::webhooks::WebhookDeliverer deliverer(server_->storage(), *clock_, *transport_, settings, [] { return 0.9; });
  ASSERT_TRUE(dispatch.dispatch_all().ok());
  for (int round = 0; round < 30; ++round) {
    ASSERT_TRUE(deliverer.run_until_idle().ok());
    clock_->advance(10s);
  }
  auto query = "/api/v1/webhook-deliveries?status=dead&subscription=" + std::to_string(subscription);
  auto dead = call(*admin_, "GET", query);
  ASSERT_EQ(dead.status, 200) << dead.body;
  auto letters = dead.json().as_object().at("items").as_array();
  ASSERT_EQ(letters.size(), 1U) << dead.body;
  auto letter = letters.front().as_object();
  EXPECT_EQ(letter.at("status").as_string(), "dead");
  EXPECT_EQ(letter.at("event_type").as_string(), "complaint.submitted");
  EXPECT_EQ(letter.at("event").as_object().at("subject").as_string(), code);
  const auto attempts = letter.at("attempts").as_int64();
  EXPECT_GE(attempts, 6) << "tried over the 60 s window";
  const auto& history = letter.at("history").as_array();
  ASSERT_EQ(history.size(), static_cast<std::size_t>(attempts));
  for (const auto& attempt : history) {
    EXPECT_EQ(attempt.as_object().at("status_code").as_int64(), 0);
    EXPECT_FALSE(attempt.as_object().at("error").as_string().empty());
    EXPECT_TRUE(attempt.as_object().at("at").as_string().ends_with("Z"));
  }
  EXPECT_TRUE(letter.at("finished_at").is_string());
  EXPECT_TRUE(letter.at("next_attempt_at").is_null());

  // Back up; redelivered by hand.
  WebhookReceiver receiver(nullptr, port);
  auto delivery = std::to_string(letter.at("id").as_int64());
  auto requeued = call(*admin_, "POST", "/api/v1/webhook-deliveries/" + delivery + "/redeliver");
  ASSERT_EQ(requeued.status, 200) << requeued.body;
  EXPECT_EQ(requeued.json().as_object().at("status").as_string(), "pending");
  EXPECT_EQ(call(*admin_, "POST", "/api/v1/webhook-deliveries/" + delivery + "/redeliver").status, 409)
      << "only a dead letter is redelivered";
  ASSERT_TRUE(deliverer.run_until_idle().ok());
  auto requests = receiver.requests();
  ASSERT_EQ(requests.size(), 1U);
  auto event = json::parse(requests.front().body).as_object();
  EXPECT_EQ(event.at("subject").as_string(), code);
  auto unix_now = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
  EXPECT_TRUE(app::webhooks::verify_signature(requests.front().header("sigap-signature"), "whsec_down_for_good_1234",
                                              requests.front().body, unix_now));
  auto done = call(*admin_, "GET", "/api/v1/webhook-deliveries/" + delivery);
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.json().as_object().at("status").as_string(), "delivered");
  EXPECT_EQ(done.json().as_object().at("attempts").as_int64(), attempts + 1);
  EXPECT_EQ(
      call(*admin_, "GET", "/api/v1/webhook-deliveries?status=dead").json().as_object().at("items").as_array().size(),
      0U);
  EXPECT_EQ(call(*dlhk_key_, "GET", "/api/v1/webhook-deliveries/" + delivery).status, 404) << "not the key's";
  EXPECT_EQ(call(*admin_, "GET", "/api/v1/webhook-deliveries?status=lost").status, 422);
  EXPECT_EQ(call(*admin_, "GET", "/api/v1/webhook-deliveries?limit=0").status, 422);
  EXPECT_EQ(call(*admin_, "DELETE", "/api/v1/webhooks/" + std::to_string(subscription)).status, 204);
}

TEST_F(WebhookApi, AdminsReadAndEditTheMessageTemplates) {
  auto list = call(*admin_, "GET", "/api/v1/notification-templates");
  ASSERT_EQ(list.status, 200) << list.body;
  auto items = list.json().as_object().at("items").as_array();
  EXPECT_EQ(items.size(), 14U);
  EXPECT_EQ(list.json().as_object().at("placeholders").as_array().size(), 5U);
  auto bad = call(*admin_, "PUT", "/api/v1/notification-templates",
                  R"({"notice":"resolved","language":"en","subject":"Done {code}","body":"Hello {name}"})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(field_errors(bad), (std::vector<std::string>{"body"}));
  EXPECT_EQ(call(*admin_, "PUT", "/api/v1/notification-templates",
                 R"({"notice":"finished","language":"jv","subject":"x","body":"y"})")
                .status,
            422);
  auto saved = call(*admin_, "PUT", "/api/v1/notification-templates",
                    R"({"notice":"resolved","language":"en","subject":"Done: {code}","body":"See {tracking_url}"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json().as_object().at("updated_by").as_string(), "user:" + std::to_string(admin_id_));
  auto again = call(*admin_, "GET", "/api/v1/notification-templates");
  EXPECT_NE(again.body.find("Done: {code}"), std::string::npos);
  auto audit = call(*admin_, "GET", "/api/v1/audit?action=notification_template.saved");
  EXPECT_NE(audit.body.find("notification_template:resolved/en"), std::string::npos) << audit.body;
  EXPECT_EQ(call(*admin_, "GET", "/api/v1/notifications?status=pending").status, 200);
  EXPECT_EQ(call(*pupr_key_, "GET", "/api/v1/notification-templates").status, 403) << "admins only";
}

TEST_F(WebhookApi, IntakeRecordsTheReportersLanguageAndHowTheyWantToHearBack) {
  HttpClient client(server_->base_url());
  auto post = [&](const std::string& fields, const std::string& accept_language) {
    return client.request("POST", "/api/v1/complaints",
                          R"({"description":"Lampu jalan padam di depan masjid",)" + fields + "}",
                          {"Content-Type: application/json", "Accept-Language: " + accept_language});
  };
  auto stored = [&](const HttpResult& answer) {
    auto found =
        server_->storage().complaints().find_by_code(std::string(answer.json().as_object().at("code").as_string()));
    EXPECT_TRUE(found.ok() && found->has_value());
    return found.ok() && found->has_value() ? **found : domain::complaints::Complaint{};
  };
  auto english = post(R"("reporter":{"email":"rina@example.com"})", "en-US,en;q=0.9");
  ASSERT_EQ(english.status, 201) << english.body;
  EXPECT_EQ(stored(english).language, Language::en) << "from Accept-Language";
  auto named =
      post(R"("language":"id","notify":"email","anonymous":true,"reporter":{"email":"rina@example.com"})", "en");
  ASSERT_EQ(named.status, 201) << named.body;
  EXPECT_EQ(stored(named).language, Language::id) << "the body's language wins";
  EXPECT_EQ(stored(named).notify_choice, "email");
  auto no_address = post(R"("notify":"email")", "id");
  EXPECT_EQ(no_address.status, 422);
  EXPECT_EQ(field_errors(no_address), (std::vector<std::string>{"notify"}));
  auto no_phone = post(R"("notify":"whatsapp","reporter":{"email":"rina@example.com"})", "id");
  EXPECT_EQ(field_errors(no_phone), (std::vector<std::string>{"notify"}));
  auto unknown = post(R"("language":"fr","notify":"pigeon")", "id");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(field_errors(unknown), (std::vector<std::string>{"language", "notify"}));
}

}  // namespace
}  // namespace sigap::testing
