// Cameras over real HTTP with a real camera on loopback (issue #6): an admin registers it with
// credentials that are never shown again; the probe fetches its JPEG and a kelurahan officer
// sees it (every view audited) while the neighbouring kelurahan's officer does not; killing the
// camera makes it down and, 5 minutes (fake clock) later, raises the camera_down alert; brought
// back as an MJPEG stream it is up again with its first frame and the alert is closed.
#include <set>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "common/time_format.hpp"
#include "jobs/camera_probe.hpp"
#include "media/test_images.hpp"
#include "notify/curl_camera_fetcher.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_camera.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace da = domain::access;
using namespace std::chrono_literals;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

class CameraApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clock_.set(*parse_utc("2026-08-04T01:00:00Z"));  // Tuesday 08:00 WIB
    allow_ = domain::integration::AllowList::parse("127.0.0.1", "camera_allow_hosts").value();
    notify::CameraFetcherOptions fetch;
    fetch.allow = allow_;
    fetch.connect_timeout = 2s;
    fetch.total_timeout = 3s;
    fetcher_ = std::make_unique<notify::CurlCameraFetcher>(fetch);
    TestServerOptions options;
    options.clock = &clock_;
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{1000, 100};
    options.cameras.allow = allow_;
    options.camera_fetcher = fetcher_.get();
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
    probe_ = std::make_unique<jobs::CameraProbe>(server_->storage(), clock_, *fetcher_,
                                                 server_->service().camera_snapshots());
  }

  std::vector<std::string> sign_in(const std::string& who) {
    return sign_in_staff(server_->base_url(), who + "@test.id", kPassword, clock_.now());
  }

  jobs::CameraProbeReport probe() {
    auto report = probe_->run_once();
    EXPECT_TRUE(report.ok());
    return report.ok() ? *report : jobs::CameraProbeReport{};
  }

  FakeClock clock_;
  domain::integration::AllowList allow_;
  std::unique_ptr<notify::CurlCameraFetcher> fetcher_;
  std::unique_ptr<TestServer> server_;
  std::unique_ptr<jobs::CameraProbe> probe_;
  std::int64_t officer_id_ = 0;
};

TEST_F(CameraApiTest, DownForFiveMinutesRaisesTheAlertAndBackUpClosesIt) {
  const auto still = media::testing::noise_jpeg(64, 48);
  const auto frame_one = media::testing::noise_jpeg(32, 24);
  const auto frame_two = media::testing::noise_jpeg(40, 30);
  auto camera = std::make_unique<TestCamera>(TestCamera::Mode::jpeg, std::vector<std::string>{still}, 0, "operator",
                                             "Kamera-Rahasia-1001");
  const auto port = camera->port();
  HttpClient client(server_->base_url());
  auto admin = sign_in("admin");

  // Registered with credentials; they never come back. A metadata address is refused.
  auto metadata = client.request(
      "POST", "/api/v1/cameras",
      R"({"unit_code":"kelurahan-16.71.01.1001","name":"Nakal","snapshot_url":"http://169.254.169.254/latest/meta-data/"})",
      admin);
  ASSERT_EQ(metadata.status, 422) << metadata.body;
  EXPECT_EQ(metadata.json().at("errors").as_array()[0].at("field").as_string(), "snapshot_url");
  auto created = client.request(
      "POST", "/api/v1/cameras",
      fmt::format(R"({{"unit_code":"kelurahan-16.71.01.1001","name":"Ruang pelayanan","location":"Di atas loket 1",)"
                  R"("snapshot_url":"{}","username":"operator","password":"Kamera-Rahasia-1001"}})",
                  camera->url()),
      admin);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.json().at("status").as_string(), "unknown");
  EXPECT_TRUE(created.json().at("has_credentials").as_bool());
  EXPECT_EQ(created.body.find("Kamera-Rahasia-1001"), std::string::npos);
  EXPECT_EQ(created.body.find("\"username\""), std::string::npos);
  const auto snapshot_path = fmt::format("/api/v1/cameras/{}/snapshot", id);

  auto officer = sign_in("officer");
  auto before = client.get(snapshot_path, officer);
  EXPECT_EQ(before.status, 503) << "no image fetched yet: " << before.body;

  // Up: the probe authenticated and fetched the image.
  auto first = probe();
  EXPECT_EQ(first.up, 1U);
  EXPECT_EQ(camera->served(), 1);
  EXPECT_EQ(camera->challenged(), 1) << "Basic after the camera's challenge";
  auto listed = client.get("/api/v1/cameras", officer);
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto items = listed.json().at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].at("status").as_string(), "up");
  EXPECT_FALSE(items[0].as_object().contains("snapshot_url")) << "only camera admins see the address";
  auto image = client.get(snapshot_path, officer);
  ASSERT_EQ(image.status, 200) << image.body;
  EXPECT_EQ(image.header("content-type"), "image/jpeg");
  EXPECT_EQ(image.header("cache-control"), "no-store");
  EXPECT_EQ(image.body, still);
  auto neighbour = sign_in("neighbour");
  EXPECT_EQ(client.get(snapshot_path, neighbour).status, 404) << "another kelurahan's camera";
  EXPECT_TRUE(client.get("/api/v1/cameras", neighbour).json().at("items").as_array().empty());
  auto leader = sign_in("leader");
  EXPECT_EQ(client.get(snapshot_path, leader).body, still);
  EXPECT_EQ(client.request("DELETE", fmt::format("/api/v1/cameras/{}", id), "", leader).status, 403);
  auto viewed = client.get("/api/v1/audit?action=camera.viewed", admin);
  ASSERT_EQ(viewed.status, 200) << viewed.body;
  EXPECT_NE(viewed.body.find(fmt::format("\"user:{}\"", officer_id_)), std::string::npos) << viewed.body;
  EXPECT_NE(viewed.body.find(fmt::format("\"camera:{}\"", id)), std::string::npos);
  const auto views = std::count(viewed.body.begin(), viewed.body.end(), '{');
  EXPECT_GE(views, 2) << "the officer's and the leader's views";

  // Killed: down at once, the alert only after 5 minutes.
  camera.reset();
  const auto down_at = clock_.now();
  auto down = probe();
  EXPECT_EQ(down.down, 1U);
  EXPECT_EQ(down.raised, 0U);
  clock_.advance(4min + 30s);
  EXPECT_EQ(probe().raised, 0U);
  clock_.advance(30s);
  EXPECT_EQ(probe().raised, 1U);
  EXPECT_EQ(probe().raised, 0U) << "one open alert per camera";
  auto supervisor = sign_in("supervisor");
  auto alerts = client.get("/api/v1/alerts?kind=camera_down", supervisor);
  ASSERT_EQ(alerts.status, 200) << alerts.body;
  ASSERT_EQ(alerts.json().at("items").as_array().size(), 1U);
  auto alert = alerts.json().at("items").as_array()[0].as_object();
  EXPECT_EQ(alert.at("unit_code").as_string(), "kelurahan-16.71.01.1001");
  EXPECT_EQ(alert.at("subject").as_string(), fmt::format("camera:{}", id));
  auto state = client.get(fmt::format("/api/v1/cameras/{}", id), officer).json();
  EXPECT_EQ(state.at("status").as_string(), "down");
  EXPECT_EQ(state.at("status_since").as_string(), format_utc(down_at));
  EXPECT_FALSE(state.at("last_error").is_null());
  auto stale = client.get(snapshot_path, officer);
  EXPECT_EQ(stale.body, still) << "the last image is still served";
  EXPECT_EQ(stale.header("x-camera-status"), "down");
  // Seen by the supervisor: it stays open, a camera down is a condition. A leader may not.
  const auto alert_path = fmt::format("/api/v1/alerts/{}/acknowledge", alert.at("id").as_int64());
  EXPECT_EQ(client.request("POST", alert_path, "", leader).status, 403);
  auto seen = client.request("POST", alert_path, "", supervisor);
  ASSERT_EQ(seen.status, 200) << seen.body;
  EXPECT_TRUE(seen.json().at("open").as_bool());
  EXPECT_FALSE(seen.json().at("acknowledged_at").is_null());

  // Back on the same port, streaming MJPEG: up, its first frame, the alert closed.
  camera = std::make_unique<TestCamera>(TestCamera::Mode::mjpeg, std::vector<std::string>{frame_one, frame_two}, port,
                                        "operator", "Kamera-Rahasia-1001");
  clock_.advance(30s);
  auto back = probe();
  EXPECT_EQ(back.up, 1U);
  EXPECT_EQ(back.closed, 1U);
  EXPECT_TRUE(client.get("/api/v1/alerts?kind=camera_down", supervisor).json().at("items").as_array().empty());
  auto closed = client.get("/api/v1/alerts?kind=camera_down&state=closed", supervisor).json().at("items").as_array();
  ASSERT_EQ(closed.size(), 1U);
  EXPECT_EQ(closed[0].at("closed_at").as_string(), format_utc(clock_.now()));
  auto fresh = client.get(snapshot_path, officer);
  EXPECT_EQ(fresh.body, frame_one) << "the stream's first frame, read no further";
  EXPECT_EQ(fresh.header("x-camera-status"), "up");

  // Removed by the admin.
  admin = sign_in("admin");
  EXPECT_EQ(client.request("DELETE", fmt::format("/api/v1/cameras/{}", id), "", admin).status, 204);
  EXPECT_EQ(client.get(snapshot_path, officer).status, 404);
}

TEST_F(CameraApiTest, AdminsChangeCamerasAndWrongFieldsAreNamed) {
  HttpClient client(server_->base_url());
  auto admin = sign_in("admin");
  auto bad =
      client.request("POST", "/api/v1/cameras",
                     R"({"unit_code":"no-such-unit","name":"","snapshot_url":"http://user:pw@10.0.0.5/a.jpg"})", admin);
  ASSERT_EQ(bad.status, 422) << bad.body;
  std::set<std::string> fields;
  auto errors = bad.json().at("errors").as_array();
  for (const auto& error : errors) fields.insert(std::string(error.at("field").as_string()));
  EXPECT_EQ(fields, (std::set<std::string>{"unit_code", "name", "snapshot_url"}));
  auto half = client.request("POST", "/api/v1/cameras", R"({"latitude":-2.97})", admin);
  ASSERT_EQ(half.status, 422);
  EXPECT_EQ(half.json().at("errors").as_array()[0].at("field").as_string(), "longitude");
  auto created = client.request("POST", "/api/v1/cameras",
                                R"({"unit_code":"kelurahan-16.71.01.1001","name":"Halaman",)"
                                R"("snapshot_url":"http://10.20.1.15/snapshot.jpg"})",
                                admin);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_FALSE(created.json().at("has_credentials").as_bool());
  const auto path = fmt::format("/api/v1/cameras/{}", created.json().at("id").as_int64());
  auto changed = client.request("PUT", path, R"({"password":"baru-sekali","active":false})", admin);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_TRUE(changed.json().at("has_credentials").as_bool());
  EXPECT_FALSE(changed.json().at("active").as_bool());
  EXPECT_EQ(changed.json().at("name").as_string(), "Halaman");
  auto audit = client.get("/api/v1/audit?action=camera.", admin);
  EXPECT_NE(audit.body.find("camera.created"), std::string::npos);
  EXPECT_NE(audit.body.find("credentials, active"), std::string::npos) << audit.body;
  EXPECT_EQ(audit.body.find("baru-sekali"), std::string::npos);
  EXPECT_EQ(probe().probed, 0U) << "inactive cameras are not probed";
}

}  // namespace
}  // namespace sigap::testing
