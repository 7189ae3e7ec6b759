// GET /api/v1/dashboard/summary over real HTTP (issue #6 item 2): a leader sees the city and
// drills down, and changes nothing; a kelurahan officer sees only its kelurahan (403 for any
// other scope); the counts change after an intake once the outbox dispatcher has run, and the
// answer names the last event the figures include. Time is a fake clock; the dispatcher is run
// by hand with the dashboard's consumer.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/dashboard/figures_consumer.hpp"
#include "app/identity/user_admin.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "domain/sla/time_zone.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
namespace ds = domain::sla;
namespace json = boost::json;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

TimePoint wib(std::string_view date, int hour) {
  return ds::to_utc(*ds::parse_date(date), hour * 60, ds::UnitTimeZone::wib);
}

class DashboardApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.set(wib("2026-08-04", 9));
    TestServerOptions options;
    options.clock = &clock_;
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{1000, 100};
    server_ = std::make_unique<TestServer>(options);
    app::identity::UserAdmin admin(server_->storage(), clock_);
    auto add = [&](const std::string& email, da::Role role, const std::string& unit) {
      auto user = admin.create(
          {email, "Nama " + email, std::string(kPassword), domain::identity::UserKind::staff, {{unit, role}}}, "test");
      EXPECT_TRUE(user.ok()) << (user.ok() ? "" : user.error().message().en);
      return user.ok() ? user->id : 0;
    };
    add("officer@test.id", da::Role::officer, "kelurahan-16.71.01.1001");
    add("supervisor@test.id", da::Role::supervisor, "kecamatan-16.71.01");
    enrol_test_totp(server_->storage(), add("leader@test.id", da::Role::leader, "pemkot-palembang"));
    enrol_test_totp(server_->storage(), add("admin@test.id", da::Role::admin, "pemkot-palembang"));
  }

  std::vector<std::string> sign_in(const std::string& who) {
    return sign_in_staff(server_->base_url(), who + "@test.id", kPassword, clock_.now());
  }

  void dispatch() {
    app::outbox::OutboxDispatch dispatch(server_->storage(), clock_, {&figures_});
    auto done = dispatch.dispatch_all();
    ASSERT_TRUE(done.ok());
  }

  static const json::object* unit_in(const json::value& summary, std::string_view code) {
    for (const auto& unit : summary.at("units").as_array()) {
      if (unit.at("code").as_string() == code) return &unit.as_object();
    }
    return nullptr;
  }

  FakeClock clock_;
  std::unique_ptr<TestServer> server_;
  app::dashboard::FiguresConsumer figures_;
};

TEST_F(DashboardApiTest, ALeaderSeesTheCityAndTheCountsFollowTheDispatcher) {
  HttpClient client(server_->base_url());
  auto leader = sign_in("leader");
  auto first = client.get("/api/v1/dashboard/summary", leader);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("cache-control"), "no-store");
  auto before = first.json();
  EXPECT_EQ(before.at("scope").at("code").as_string(), "pemkot-palembang");
  EXPECT_EQ(before.at("scope").at("level").as_string(), "city");
  EXPECT_EQ(before.at("figures").at("open").as_int64(), 0);
  EXPECT_TRUE(before.at("figures").at("median_first_response_hours_7d").is_null());
  EXPECT_TRUE(before.at("figures").at("within_sla_share_30d").is_null());
  EXPECT_TRUE(before.at("figures").at("average_rating").is_null());
  EXPECT_EQ(before.at("figures").at("rated_30d").as_int64(), 0);
  // The city's children: the kecamatan offices and the agencies, each with its subtree.
  const auto* kecamatan = unit_in(before, "kecamatan-16.71.01");
  ASSERT_NE(kecamatan, nullptr);
  EXPECT_EQ(kecamatan->at("level").as_string(), "kecamatan");
  EXPECT_EQ(kecamatan->at("parent").as_string(), "pemkot-palembang");
  for (const auto* field : {"staffed_now", "serving_now", "hours_staffed_week", "cameras_up", "cameras_down",
                            "open_alerts", "figures"}) {
    EXPECT_TRUE(kecamatan->contains(field)) << field;
  }
  EXPECT_EQ(unit_in(before, "kelurahan-16.71.01.1001"), nullptr) << "a grandchild is not a child";
  auto all = client.get("/api/v1/dashboard/summary?depth=all", leader).json();
  ASSERT_NE(unit_in(all, "kelurahan-16.71.01.1001"), nullptr);
  EXPECT_EQ(unit_in(all, "kelurahan-16.71.01.1001")->at("level").as_string(), "kelurahan");
  EXPECT_GT(all.at("units").as_array().size(), before.at("units").as_array().size());
  auto drill = client.get("/api/v1/dashboard/summary?scope=kecamatan-16.71.01", leader);
  ASSERT_EQ(drill.status, 200) << drill.body;
  ASSERT_NE(unit_in(drill.json(), "kelurahan-16.71.01.1001"), nullptr);

  // A report comes in; the figures move once the dispatcher fanned it out, not before.
  auto filed = client.post_json("/api/v1/complaints",
                                R"({"description":"Air PDAM tidak mengalir sudah tiga hari di rumah kami",)"
                                R"("category":"air-bersih","region_code":"16.71.01.1001"})");
  ASSERT_EQ(filed.status, 201) << filed.body;
  const std::string unit(filed.json().at("unit").at("code").as_string());
  auto waiting = client.get("/api/v1/dashboard/summary", leader).json();
  EXPECT_EQ(waiting.at("figures").at("new_today").as_int64(), 0);
  ASSERT_NO_FATAL_FAILURE(dispatch());
  auto after = client.get("/api/v1/dashboard/summary", leader).json();
  EXPECT_EQ(after.at("figures").at("new_today").as_int64(), 1);
  EXPECT_EQ(after.at("figures").at("open").as_int64(), 1);
  EXPECT_GT(after.at("last_event_id").as_int64(), before.at("last_event_id").as_int64());
  auto every = client.get("/api/v1/dashboard/summary?depth=all", leader).json();
  const auto* holder = unit_in(every, unit);
  ASSERT_NE(holder, nullptr) << unit;
  EXPECT_EQ(holder->at("figures").at("open").as_int64(), 1);
  // The next day it is no longer new, and still open.
  clock_.set(wib("2026-08-05", 9));
  leader = sign_in("leader");  // the session of yesterday has lapsed
  auto next_day = client.get("/api/v1/dashboard/summary", leader).json();
  EXPECT_EQ(next_day.at("figures").at("new_today").as_int64(), 0);
  EXPECT_EQ(next_day.at("figures").at("open").as_int64(), 1);

  // A leader reads and changes nothing.
  auto id = filed.json().at("id").as_int64();
  auto verify = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions",
                               R"({"action":"verify"})", leader);
  EXPECT_EQ(verify.status, 403) << verify.body;
}

TEST_F(DashboardApiTest, AKelurahanOfficerSeesOnlyItsKelurahan) {
  HttpClient client(server_->base_url());
  auto officer = sign_in("officer");
  auto own = client.get("/api/v1/dashboard/summary", officer);
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json().at("scope").at("code").as_string(), "kelurahan-16.71.01.1001");
  EXPECT_EQ(own.json().at("scope").at("level").as_string(), "kelurahan");
  EXPECT_TRUE(own.json().at("units").as_array().empty());
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=kelurahan-16.71.01.1001", officer).status, 200);
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=kelurahan-16.71.01.1002", officer).status, 403);
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=kecamatan-16.71.01", officer).status, 403);
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=pemkot-palembang", officer).status, 403);
  // A kecamatan supervisor: its kecamatan and its kelurahan.
  auto supervisor = sign_in("supervisor");
  auto district = client.get("/api/v1/dashboard/summary", supervisor);
  ASSERT_EQ(district.status, 200) << district.body;
  EXPECT_EQ(district.json().at("scope").at("code").as_string(), "kecamatan-16.71.01");
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=kecamatan-16.71.02", supervisor).status, 403);
  // Admins see the city; nobody unsigned does.
  EXPECT_EQ(client.get("/api/v1/dashboard/summary", sign_in("admin")).status, 200);
  EXPECT_EQ(client.get("/api/v1/dashboard/summary").status, 401);
  // Mistakes in the query are named.
  auto leader = sign_in("leader");
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scope=kelurahan-nowhere", leader).status, 404);
  auto depth = client.get("/api/v1/dashboard/summary?depth=deep", leader);
  EXPECT_EQ(depth.status, 422) << depth.body;
  EXPECT_NE(depth.body.find("\"depth\""), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/dashboard/summary?scop=x", leader).status, 422);
}

TEST_F(DashboardApiTest, AUnitRenamedByAnAdminIsShownByTheVeryNextSummary) {
  // The summary keeps the units between requests (app/command_center UnitDirectory); an edit
  // must not wait for the tree to go stale. The fake clock never lets it.
  HttpClient client(server_->base_url());
  auto leader = sign_in("leader");
  auto before = client.get("/api/v1/dashboard/summary", leader).json();
  ASSERT_NE(unit_in(before, "kecamatan-16.71.01"), nullptr);
  const auto unit = client.get("/api/v1/units/kecamatan-16.71.01").json().as_object();
  auto headers = sign_in("admin");
  headers.emplace_back("Content-Type: application/json");
  auto renamed = client.request("PUT", "/api/v1/units/kecamatan-16.71.01",
                                json::serialize(json::object{{"type", unit.at("type")},
                                                             {"name", "Kantor Camat Ilir Barat Satu"},
                                                             {"parent_code", unit.at("parent_code")},
                                                             {"region_code", unit.at("region_code")},
                                                             {"service_hours_text", unit.at("service_hours_text")},
                                                             {"time_zone", unit.at("time_zone")}}),
                                headers);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  auto after = client.get("/api/v1/dashboard/summary", leader).json();
  const auto* kecamatan = unit_in(after, "kecamatan-16.71.01");
  ASSERT_NE(kecamatan, nullptr);
  EXPECT_EQ(kecamatan->at("name").as_string(), "Kantor Camat Ilir Barat Satu");
}

TEST_F(DashboardApiTest, AnOfficeGivenAGeofenceCountsItsStaffInTheVeryNextSummary) {
  // The kept unit tree holds the geofences (the offices); setting one must not wait for the
  // tree to go stale. Dinas PUPR has no office location in the demo data.
  app::identity::UserAdmin admin(server_->storage(), clock_);
  auto pupr = admin.create({"pupr@test.id", "Nama PUPR", std::string(kPassword), domain::identity::UserKind::staff,
                            {{"dinas-pupr", da::Role::officer}}},
                           "test");
  ASSERT_TRUE(pupr.ok());
  HttpClient client(server_->base_url());
  auto leader = sign_in("leader");
  auto before = client.get("/api/v1/dashboard/summary", leader).json();
  ASSERT_NE(unit_in(before, "dinas-pupr"), nullptr);
  EXPECT_EQ(unit_in(before, "dinas-pupr")->at("staffed_now").as_int64(), 0);
  auto fenced = client.request("PUT", "/api/v1/units/dinas-pupr/geofence",
                               R"({"latitude":-2.9761,"longitude":104.7754,"radius_m":100})", sign_in("admin"));
  ASSERT_EQ(fenced.status, 200) << fenced.body;
  auto checked_in = client.request("POST", "/api/v1/presence/check-in",
                                   R"({"latitude":-2.9761,"longitude":104.7754,"accuracy_m":10})", sign_in("pupr"));
  ASSERT_EQ(checked_in.status, 201) << checked_in.body;
  auto after = client.get("/api/v1/dashboard/summary", leader).json();
  ASSERT_NE(unit_in(after, "dinas-pupr"), nullptr);
  EXPECT_EQ(unit_in(after, "dinas-pupr")->at("staffed_now").as_int64(), 1);
  EXPECT_TRUE(unit_in(after, "dinas-pupr")->at("serving_now").as_bool());
}

}  // namespace
}  // namespace sigap::testing
