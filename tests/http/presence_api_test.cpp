// E-presensi and the unstaffed alert over real HTTP (issue #6): an admin sets a kelurahan
// office's geofence; nobody checks in after opening and the presence watch raises the alert a
// supervisor and the leader see; an officer's check-in 300 m away is refused with the distance;
// one at the office is accepted, closes the alert and shows on the presence board; a leader
// changes nothing. Time is a fake clock; the watch is driven by hand.
#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "app/sla/indonesia_calendar.hpp"
#include "common/time_format.hpp"
#include "domain/sla/time_zone.hpp"
#include "jobs/presence_watch.hpp"
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
constexpr double kOfficeLatitude = -2.9760;
constexpr double kOfficeLongitude = 104.7450;
constexpr double kMetre = 1 / 111'195.0;

TimePoint wib(std::string_view text) {
  auto date = ds::parse_date(text.substr(0, 10));
  const int minute = std::stoi(std::string(text.substr(11, 2))) * 60 + std::stoi(std::string(text.substr(14, 2)));
  return ds::to_utc(date.value_or(ds::Date{}), minute, ds::UnitTimeZone::wib);
}

std::string position(double metres_north, double accuracy, const std::string& extra = "") {
  return fmt::format(R"({{"latitude":{:.7f},"longitude":{:.7f},"accuracy_m":{}{}}})",
                     kOfficeLatitude + metres_north * kMetre, kOfficeLongitude, accuracy, extra);
}

class PresenceApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.set(wib("2026-08-04 07:00"));  // a Tuesday
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
    officer_id_ = add("officer@test.id", da::Role::officer, "kelurahan-16.71.01.1001");
    add("neighbour@test.id", da::Role::officer, "kelurahan-16.71.01.1002");
    add("supervisor@test.id", da::Role::supervisor, "kecamatan-16.71.01");
    enrol_test_totp(server_->storage(), add("admin@test.id", da::Role::admin, "pemkot-palembang"));
    enrol_test_totp(server_->storage(), add("leader@test.id", da::Role::leader, "pemkot-palembang"));
    rules_ = std::make_unique<app::sla::SlaRules>(server_->storage(), clock_, app::sla::indonesia_calendar());
    watch_ = std::make_unique<jobs::PresenceWatch>(server_->storage(), clock_, *rules_);
  }

  std::vector<std::string> sign_in(const std::string& who) {
    return sign_in_staff(server_->base_url(), who + "@test.id", kPassword, clock_.now());
  }

  FakeClock clock_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<app::sla::SlaRules> rules_;
  std::unique_ptr<jobs::PresenceWatch> watch_;
  std::int64_t officer_id_ = 0;
};

TEST_F(PresenceApiTest, AnEmptyOfficeAlertsAndAFarCheckInIsRefusedWithTheDistance) {
  HttpClient client(server_->base_url());
  auto admin = sign_in("admin");
  auto geofence = client.request(
      "PUT", "/api/v1/units/kelurahan-16.71.01.1001/geofence",
      fmt::format(R"({{"latitude":{},"longitude":{},"radius_m":100}})", kOfficeLatitude, kOfficeLongitude), admin);
  ASSERT_EQ(geofence.status, 200) << geofence.body;
  EXPECT_EQ(geofence.json().at("radius_m").as_int64(), 100);
  auto bad = client.request("PUT", "/api/v1/units/kelurahan-16.71.01.1001/geofence",
                            R"({"latitude":48.85,"longitude":104.7,"radius_m":5})", admin);
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_NE(bad.body.find("\"radius_m\""), std::string::npos);
  EXPECT_NE(bad.body.find("\"latitude\""), std::string::npos);
  EXPECT_EQ(client.get("/api/v1/units/kelurahan-16.71.01.1001/geofence", admin).json().at("radius_m").as_int64(), 100);

  // The office opens at 07:30; at 07:46 nobody has come.
  clock_.set(wib("2026-08-04 07:45"));
  ASSERT_EQ(watch_->run_once()->raised, 0U);
  clock_.set(wib("2026-08-04 07:46"));
  ASSERT_EQ(watch_->run_once()->raised, 1U);

  auto supervisor = sign_in("supervisor");
  auto alerts = client.get("/api/v1/alerts?kind=unstaffed", supervisor);
  ASSERT_EQ(alerts.status, 200) << alerts.body;
  auto items = alerts.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("unit_code").as_string(), "kelurahan-16.71.01.1001");
  EXPECT_TRUE(items[0].at("open").as_bool());
  EXPECT_EQ(items[0].at("severity").as_string(), "warning");
  auto leader = sign_in("leader");
  EXPECT_EQ(client.get("/api/v1/alerts", leader).json().at("items").as_array().size(), 1U);
  auto officer = sign_in("officer");
  EXPECT_EQ(client.get("/api/v1/alerts", officer).status, 403);
  auto board = client.get("/api/v1/presence?unit=kecamatan-16.71.01", supervisor);
  ASSERT_EQ(board.status, 200) << board.body;
  auto offices = board.json().at("items").as_array();
  ASSERT_EQ(offices.size(), 2U) << "the kecamatan asked for, and its one kelurahan with a location";
  EXPECT_EQ(offices[0].at("unit_code").as_string(), "kecamatan-16.71.01");
  EXPECT_TRUE(offices[0].at("office").is_null());
  auto office = offices[1].as_object();
  EXPECT_EQ(office.at("office").at("radius_m").as_int64(), 100);
  EXPECT_TRUE(office.at("serving_now").as_bool());
  EXPECT_EQ(office.at("staffed_now").as_int64(), 0);
  EXPECT_EQ(office.at("unstaffed_since").as_string(), format_utc(wib("2026-08-04 07:30")));

  // 300 m away, across the road: refused, with the distance, in the client's language.
  auto far = client.request("POST", "/api/v1/presence/check-in", position(300, 15), officer);
  ASSERT_EQ(far.status, 422) << far.body;
  EXPECT_NE(far.body.find("300 m"), std::string::npos) << far.body;
  auto english = officer;
  english.emplace_back("Accept-Language: en");
  auto far_en = client.request("POST", "/api/v1/presence/check-in", position(300, 15), english);
  EXPECT_NE(far_en.json().at("detail").as_string().find("You are 300 m from the office"), std::string::npos)
      << far_en.body;
  auto vague = client.request("POST", "/api/v1/presence/check-in", position(10, 500), officer);
  ASSERT_EQ(vague.status, 422);
  EXPECT_EQ(vague.json().at("errors").as_array()[0].at("field").as_string(), "accuracy_m");
  auto typo = client.request("POST", "/api/v1/presence/check-in", R"({"lat":1,"longitude":2,"accuracy_m":3})", officer);
  EXPECT_EQ(typo.status, 422);
  auto neighbour = sign_in("neighbour");
  auto elsewhere = client.request("POST", "/api/v1/presence/check-in",
                                  position(5, 10, R"(,"unit_code":"kelurahan-16.71.01.1001")"), neighbour);
  EXPECT_EQ(elsewhere.status, 403) << "not their office: " << elsewhere.body;
  EXPECT_EQ(client.request("POST", "/api/v1/presence/check-in", position(5, 10), leader).status, 403)
      << "a leader changes nothing";
  EXPECT_EQ(client.request("POST", "/api/v1/presence/check-in", position(5, 10), neighbour).status, 422)
      << "the neighbour's office has no location yet";

  // At the office: accepted, the alert closes, the board shows who is in.
  clock_.set(wib("2026-08-04 07:52"));
  auto in = client.request("POST", "/api/v1/presence/check-in", position(25, 12), officer);
  ASSERT_EQ(in.status, 201) << in.body;
  EXPECT_EQ(in.json().at("check_in_distance_m").as_int64(), 25);
  EXPECT_EQ(in.json().at("check_in_accuracy_m").as_int64(), 12);
  EXPECT_TRUE(in.json().at("checked_out_at").is_null());
  EXPECT_EQ(in.body.find("latitude"), std::string::npos) << "the position is not kept";
  EXPECT_EQ(client.request("POST", "/api/v1/presence/check-in", position(25, 12), officer).status, 409);
  EXPECT_EQ(client.get("/api/v1/presence/me", officer).json().at("session").at("unit_code").as_string(),
            "kelurahan-16.71.01.1001");
  auto open_now = client.get("/api/v1/alerts?kind=unstaffed", supervisor).json().at("items").as_array();
  EXPECT_TRUE(open_now.empty()) << "closed by the check-in";
  auto closed = client.get("/api/v1/alerts?state=closed", supervisor).json().at("items").as_array();
  ASSERT_EQ(closed.size(), 1U);
  EXPECT_EQ(closed[0].at("closed_at").as_string(), format_utc(wib("2026-08-04 07:52")));
  clock_.set(wib("2026-08-04 08:13"));  // 21 minutes in (sessions stay alive: 30 minutes idle)
  auto staffed = client.get("/api/v1/presence?unit=kelurahan-16.71.01.1001", leader);
  ASSERT_EQ(staffed.status, 200) << staffed.body;
  auto row = staffed.json().at("items").as_array()[0].as_object();
  EXPECT_EQ(row.at("staffed_now").as_int64(), 1);
  EXPECT_EQ(row.at("checked_in").as_array()[0].at("name").as_string(), "Nama officer@test.id");
  EXPECT_DOUBLE_EQ(row.at("hours_staffed_week").as_double(), 0.35);
  EXPECT_TRUE(row.at("unstaffed_since").is_null());
  EXPECT_EQ(client.get("/api/v1/presence", officer).status, 403);
  EXPECT_EQ(client.get("/api/v1/presence?unit=kecamatan-16.71.02", supervisor).status, 403);
  EXPECT_EQ(client.get("/api/v1/presence?unit=no-such-unit", leader).status, 404);

  auto out = client.request("POST", "/api/v1/presence/check-out", "{}", officer);
  ASSERT_EQ(out.status, 200) << out.body;
  EXPECT_EQ(out.json().at("ended_by").as_string(), "check_out");
  EXPECT_EQ(client.request("POST", "/api/v1/presence/check-out", "{}", officer).status, 409);
  EXPECT_TRUE(client.get("/api/v1/presence/me", officer).json().at("session").is_null());

  admin = sign_in("admin");  // idle since 07:00
  auto audit = client.get("/api/v1/audit?action=presence.", admin);
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("presence.checked_in"), std::string::npos);
  EXPECT_NE(audit.body.find("presence.checked_out"), std::string::npos);
  EXPECT_NE(audit.body.find("distance 25 m, accuracy 12 m"), std::string::npos) << audit.body;
}

TEST_F(PresenceApiTest, AlertListsCheckTheirQuery) {
  auto supervisor = sign_in("supervisor");
  HttpClient client(server_->base_url());
  EXPECT_EQ(client.get("/api/v1/alerts?state=sometimes", supervisor).status, 422);
  EXPECT_EQ(client.get("/api/v1/alerts?kind=flood", supervisor).status, 422);
  EXPECT_EQ(client.get("/api/v1/alerts?cursor=nonsense", supervisor).status, 422);
  EXPECT_EQ(client.get("/api/v1/alerts?colour=red", supervisor).status, 422);
  EXPECT_EQ(client.request("POST", "/api/v1/alerts/999999/acknowledge", "", supervisor).status, 404);
}

}  // namespace
}  // namespace sigap::testing
