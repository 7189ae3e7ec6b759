// The SLA clock over real HTTP: admins set policies and amend the working calendar, each change
// moves the deadlines of open cases (seen on the public tracking page) and is audited; bad input
// is a 422 naming the field; the SLA watch's escalation shows on the staff view and timeline but
// never on the public page. Time is a fake clock; the tests that sign the admin in move it
// forward only (a TOTP step is accepted once per account).
#include <algorithm>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "crypto/totp.hpp"
#include "domain/sla/time_zone.hpp"
#include "jobs/sla_watch.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace json = boost::json;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";
constexpr std::string_view kTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

class SlaAdminApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    clock_ = new FakeClock(*parse_utc("2026-08-04T03:00:00Z"));  // Tuesday 10:00 WIB
    TestServerOptions options;
    options.clock = clock_;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{10000, 1000};
    server_ = new TestServer(options);
    app::identity::UserAdmin admin(server_->storage(), *clock_);
    auto created = admin.create({"admin@test.id",
                                 "Admin",
                                 std::string(kPassword),
                                 domain::identity::UserKind::staff,
                                 {{"pemkot-palembang", da::Role::admin}}},
                                "test");
    ASSERT_TRUE(created.ok());
    admin_id_ = created->id;
    ASSERT_TRUE(server_->storage()
                    .write([](app::ports::Transaction& tx) {
                      return tx.identity().set_totp(admin_id_, std::string(kTotpSecret), true);
                    })
                    .ok());
    ASSERT_TRUE(admin
                    .create({"tirta@test.id",
                             "Petugas",
                             std::string(kPassword),
                             domain::identity::UserKind::staff,
                             {{"tirta-musi", da::Role::officer}}},
                            "test")
                    .ok());
  }
  static void TearDownTestSuite() {
    delete server_;
    delete clock_;
  }

  static std::vector<std::string> sign_in(const std::string& email) {
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/session",
                                     R"({"email":")" + email + R"(","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(response.status, 201) << response.body;
    auto cookie = response.header("set-cookie");
    std::vector<std::string> headers{
        "Cookie: " + cookie.substr(0, cookie.find(';')),
        "X-CSRF-Token: " + std::string(response.json().as_object().at("csrf_token").as_string()),
        "Content-Type: application/json"};
    if (response.json().as_object().at("second_factor_pending").as_bool()) {
      clock_->advance(std::chrono::seconds(30));  // each TOTP step is accepted once per account
      auto secret = crypto::base32_decode(kTotpSecret);
      auto seconds = std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
      auto verified = client.request("POST", "/api/v1/session/second-factor",
                                     R"({"code":")" + crypto::totp_code(*secret, seconds) + "\"}", headers);
      EXPECT_EQ(verified.status, 204) << verified.body;
    }
    return headers;
  }

  // A report of `category` (by default water supply: Tirta Musi); returns its public code.
  static std::string report(const std::string& category = "air-bersih") {
    HttpClient client(server_->base_url());
    auto response = client.post_json(
        "/api/v1/complaints", R"({"description":"Air PDAM tidak mengalir sudah tiga hari di rumah kami","category":")" +
                                  category + R"(","region_code":"16.71.01.1001"})");
    EXPECT_EQ(response.status, 201) << response.body;
    return response.status == 201 ? std::string(response.json().as_object().at("code").as_string()) : "";
  }

  static json::object tracked(const std::string& code) {
    HttpClient client(server_->base_url());
    auto response = client.get("/api/v1/track/" + code);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json().as_object();
  }

  static std::string deadline(const std::string& code, const char* which) {
    const auto page = tracked(code);
    const auto& value = page.at("deadlines").as_object().at(which);
    return value.is_null() ? "null" : std::string(value.as_string());
  }

  static std::int64_t id_of(const std::string& code) {
    auto found = server_->storage().complaints().find_by_code(code);
    EXPECT_TRUE(found.ok() && found->has_value());
    return found.ok() && found->has_value() ? (*found)->id : 0;
  }

  static std::vector<std::string> fields_of(const HttpResult& response) {
    std::vector<std::string> fields;
    const auto body = response.json();
    for (const auto& error : body.as_object().at("errors").as_array()) {
      fields.emplace_back(error.as_object().at("field").as_string());
    }
    return fields;
  }

  static inline FakeClock* clock_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::int64_t admin_id_ = 0;
};

TEST_F(SlaAdminApiTest, APolicyForACategoryMovesTheDeadlinesOfOpenCasesAndIsAudited) {
  clock_->set(*parse_utc("2026-08-04T03:00:00Z"));
  auto code = report();
  EXPECT_EQ(deadline(code, "verify"), "2026-08-07T09:30:00Z") << "3 working days: Friday 16:30 WIB";
  auto admin = sign_in("admin@test.id");
  HttpClient client(server_->base_url());
  auto saved = client.request("PUT", "/api/v1/sla-policies",
                              R"({"category_code":"air-bersih","verify":{"unit":"working_days","amount":1},)"
                              R"("first_response":{"unit":"calendar_hours","amount":24},)"
                              R"("resolve":{"unit":"calendar_hours","amount":720}})",
                              admin);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_GE(saved.json().as_object().at("recomputed").as_int64(), 1);
  EXPECT_EQ(deadline(code, "verify"), "2026-08-05T09:00:00Z") << "1 working day: Wednesday 16:00 WIB";
  EXPECT_EQ(deadline(code, "resolve"), "2026-09-03T03:00:00Z") << "30 days";

  auto listed = client.get("/api/v1/sla-policies", admin);
  ASSERT_EQ(listed.status, 200);
  const auto listed_json = listed.json();
  const auto& body = listed_json.as_object();
  EXPECT_EQ(body.at("first_response_rule").as_string(), "lapor_follow_up");
  EXPECT_EQ(body.at("default").at("verify").at("amount").as_int64(), 3);
  bool found = false;
  for (const auto& item : body.at("items").as_array()) {
    if (item.at("category_code") == "air-bersih" && item.at("unit_code") == "") {
      found = true;
      EXPECT_EQ(item.at("resolve").at("amount").as_int64(), 720);
    }
  }
  EXPECT_TRUE(found) << listed.body;

  auto audit = server_->storage().audit().list({std::string("sla_policy.saved")});
  ASSERT_TRUE(audit.ok());
  ASSERT_FALSE(audit->empty());
  EXPECT_EQ(audit->back().record.actor, "user:" + std::to_string(admin_id_));
  EXPECT_EQ(audit->back().record.target, "sla_policy:air-bersih/*");
}

TEST_F(SlaAdminApiTest, ABadPolicyIsRefusedFieldByFieldInBothLanguages) {
  auto admin = sign_in("admin@test.id");
  HttpClient client(server_->base_url());
  auto refused = client.request("PUT", "/api/v1/sla-policies",
                                R"({"category_code":"tidak-ada","unit_code":"dinas-entah",)"
                                R"("verify":{"unit":"weeks","amount":1},)"
                                R"("first_response":{"unit":"working_days","amount":0},)"
                                R"("resolve":{"unit":"calendar_hours","amount":720}})",
                                admin);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.header("content-type").rfind("application/problem+json", 0), 0U);
  auto fields = fields_of(refused);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "verify.unit"), fields.end()) << refused.body;
  EXPECT_NE(std::find(fields.begin(), fields.end(), "first_response.amount"), fields.end()) << refused.body;

  auto unknown = client.request("PUT", "/api/v1/sla-policies",
                                R"({"category_code":"tidak-ada","unit_code":"dinas-entah",)"
                                R"("verify":{"unit":"working_days","amount":300},)"
                                R"("first_response":{"unit":"working_days","amount":5},)"
                                R"("resolve":{"unit":"calendar_hours","amount":720}})",
                                admin);
  ASSERT_EQ(unknown.status, 422) << unknown.body;
  fields = fields_of(unknown);
  for (const auto* field : {"verify", "category_code", "unit_code"}) {
    EXPECT_NE(std::find(fields.begin(), fields.end(), field), fields.end()) << field << ": " << unknown.body;
  }
  EXPECT_NE(unknown.body.find("hari kerja"), std::string::npos) << "Bahasa Indonesia by default";
  auto headers = admin;
  headers.emplace_back("Accept-Language: en");
  auto english = client.request("PUT", "/api/v1/sla-policies",
                                R"({"verify":{"unit":"working_days","amount":300},)"
                                R"("first_response":{"unit":"working_days","amount":5},)"
                                R"("resolve":{"unit":"calendar_hours","amount":720}})",
                                headers);
  ASSERT_EQ(english.status, 422);
  EXPECT_NE(english.body.find("working days"), std::string::npos) << english.body;
}

TEST_F(SlaAdminApiTest, AnExtraHolidayMovesOpenDeadlinesAndShowsInTheCalendar) {
  clock_->set(*parse_utc("2026-08-11T03:00:00Z"));  // Tuesday 10:00 WIB, after the first test
  auto code = report();
  const auto before = deadline(code, "verify");
  auto admin = sign_in("admin@test.id");
  HttpClient client(server_->base_url());
  auto added =
      client.request("POST", "/api/v1/calendar/days",
                     R"({"date":"2026-08-12","kind":"collective_leave","name":"Cuti bersama tambahan"})", admin);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_GE(added.json().as_object().at("recomputed").as_int64(), 1);
  EXPECT_NE(deadline(code, "verify"), before);
  auto listed = client.get("/api/v1/calendar/days?year=2026", admin);
  ASSERT_EQ(listed.status, 200);
  bool amended = false, decreed = false;
  const auto days = listed.json();
  for (const auto& day : days.as_object().at("items").as_array()) {
    if (day.at("date") == "2026-08-12") amended = day.at("amended").as_bool() && day.at("kind") == "collective_leave";
    if (day.at("date") == "2026-08-17") decreed = !day.at("amended").as_bool();
    EXPECT_EQ(std::string(day.at("date").as_string()).substr(0, 4), "2026");
  }
  EXPECT_TRUE(amended && decreed) << listed.body;

  auto bad = client.request("POST", "/api/v1/calendar/days", R"({"date":"2026-02-30","kind":"festival"})", admin);
  ASSERT_EQ(bad.status, 422) << bad.body;
  auto fields = fields_of(bad);
  EXPECT_NE(std::find(fields.begin(), fields.end(), "date"), fields.end());
  EXPECT_NE(std::find(fields.begin(), fields.end(), "kind"), fields.end());
  auto nameless = client.request("POST", "/api/v1/calendar/days", R"({"date":"2026-09-01","kind":"holiday"})", admin);
  ASSERT_EQ(nameless.status, 422);
  EXPECT_EQ(fields_of(nameless), std::vector<std::string>{"name"});
}

TEST_F(SlaAdminApiTest, CompletingAYearGivesWaitingCasesTheirDeadline) {
  clock_->set(*parse_utc("2026-12-23T03:00:00Z"));  // Wednesday 10:00 WIB before Christmas
  auto code = report("adminduk");
  EXPECT_EQ(deadline(code, "first_response"), "null") << "5 working days run into 2027, which has no calendar";
  auto admin = sign_in("admin@test.id");
  HttpClient client(server_->base_url());
  auto alerts = server_->storage().sla().alerts(true, 10);
  ASSERT_TRUE(alerts.ok());
  ASSERT_FALSE(alerts->empty());
  EXPECT_EQ(alerts->front().subject, "year:2027");

  ASSERT_EQ(client
                .request("POST", "/api/v1/calendar/days",
                         R"({"date":"2027-01-01","kind":"holiday","name":"Tahun Baru 2027 Masehi"})", admin)
                .status,
            201);
  auto completed = client.request("POST", "/api/v1/calendar/years/2027/complete", "", admin);
  ASSERT_EQ(completed.status, 200) << completed.body;
  EXPECT_GE(completed.json().as_object().at("recomputed").as_int64(), 1);
  // Dec 28-31 are days 1-4; 1 Jan is a holiday; Monday 4 Jan closes at 16:00 WIB.
  EXPECT_EQ(deadline(code, "first_response"), "2027-01-04T09:00:00Z");
  auto listed = client.get("/api/v1/calendar/days", admin);
  auto years = listed.json().as_object().at("covered_years").as_array();
  EXPECT_NE(std::find(years.begin(), years.end(), json::value(2027)), years.end()) << listed.body;

  EXPECT_EQ(client.request("POST", "/api/v1/calendar/years/1999/complete", "", admin).status, 422);
  auto audit = server_->storage().audit().list({std::string("calendar.year_completed")});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1U);
  EXPECT_EQ(audit->front().record.target, "calendar_year:2027");
}

TEST_F(SlaAdminApiTest, StaffSeeTheEscalationThePublicDoesNot) {
  clock_->set(*parse_utc("2026-08-04T03:00:00Z"));
  auto code = report();
  auto id = id_of(code);
  app::sla::SlaRules rules(server_->storage(), *clock_, app::sla::indonesia_calendar());
  jobs::SlaWatch watch(server_->storage(), *clock_, rules);
  clock_->set(*parse_utc("2026-08-20T03:00:00Z"));  // long after the verification deadline
  auto report = watch.run_once();
  ASSERT_TRUE(report.ok());
  EXPECT_GE(report->escalated, 1U);

  auto officer = sign_in("tirta@test.id");
  HttpClient client(server_->base_url());
  auto shown = client.get("/api/v1/complaints/" + std::to_string(id), officer);
  ASSERT_EQ(shown.status, 200) << shown.body;
  const auto shown_json = shown.json();
  const auto& sla = shown_json.as_object().at("sla").as_object();
  EXPECT_EQ(sla.at("target"), "verify");
  EXPECT_EQ(sla.at("level").as_int64(), 3) << "past the deadline and a further quarter: the parent unit";
  auto events = client.get("/api/v1/complaints/" + std::to_string(id) + "/events", officer);
  ASSERT_EQ(events.status, 200);
  EXPECT_NE(events.body.find("sla_escalated"), std::string::npos);
  EXPECT_NE(events.body.find("pemkot-palembang"), std::string::npos);
  auto page = tracked(code);
  EXPECT_EQ(json::serialize(page).find("sla_"), std::string::npos) << "the public timeline has no SLA events";
}

}  // namespace
}  // namespace sigap::testing
