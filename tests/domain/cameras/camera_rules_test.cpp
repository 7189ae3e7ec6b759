// Which camera URLs and addresses the probe may reach: private networks yes, cloud metadata and
// link-local never (even allow-listed), loopback only when allow-listed.
#include "domain/cameras/camera_rules.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::cameras {
namespace {

namespace di = domain::integration;

di::AllowList allow(std::string_view text) { return di::AllowList::parse(text, "camera_allow_hosts").value(); }

struct Row {
  const char* url;
  const char* allowed_hosts;
  bool accepted;
};

class CameraUrlTable : public ::testing::TestWithParam<Row> {};

TEST_P(CameraUrlTable, Decides) {
  const auto& row = GetParam();
  auto checked = check_camera_url(row.url, allow(row.allowed_hosts), "snapshot_url");
  EXPECT_EQ(checked.ok(), row.accepted) << row.url;
  if (!checked.ok()) {
    EXPECT_EQ(checked.error().fields().front().field, "snapshot_url");
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, CameraUrlTable,
                         ::testing::Values(Row{"http://10.20.1.15/ISAPI/Streaming/channels/101/picture", "", true},
                                           Row{"http://192.168.1.64:8080/snapshot.jpg", "", true},
                                           Row{"https://cctv.palembang.go.id/kel-1001/ruang-tunggu.mjpg", "", true},
                                           Row{"http://[fd12::15]/snapshot.jpg", "", true},
                                           Row{"http://169.254.169.254/latest/meta-data/", "", false},
                                           Row{"http://169.254.169.254/latest/meta-data/", "169.254.0.0/16", false},
                                           Row{"http://[fe80::1]/snapshot.jpg", "", false},
                                           Row{"http://[::ffff:169.254.169.254]/", "", false},
                                           Row{"http://100.100.100.200/latest/meta-data/", "", false},
                                           Row{"http://127.0.0.1:8081/snapshot.jpg", "", false},
                                           Row{"http://127.0.0.1:8081/snapshot.jpg", "127.0.0.1", true},
                                           Row{"http://localhost/snapshot.jpg", "", false},
                                           Row{"http://admin:rahasia@10.20.1.15/snapshot.jpg", "", false},
                                           Row{"ftp://10.20.1.15/snapshot.jpg", "", false},
                                           Row{"http://10.20.1.15/snapshot.jpg#x", "", false},
                                           Row{"http://10.20.1.15:99999/snapshot.jpg", "", false},
                                           Row{"10.20.1.15/snapshot.jpg", "", false}));

TEST(CameraAddresses, AResolvedNameIsHeldToTheSameRule) {
  auto url = check_camera_url("http://cam-1001.lan/snapshot.jpg", {}, "snapshot_url").value();
  auto ip = [](const char* text) { return di::parse_ip(text).value(); };
  EXPECT_TRUE(check_camera_addresses(url, {ip("10.20.1.15")}, {}).ok());
  auto metadata = check_camera_addresses(url, {ip("10.20.1.15"), ip("169.254.169.254")}, {});
  ASSERT_FALSE(metadata.ok());
  EXPECT_EQ(metadata.error().code(), ErrorCode::forbidden);
  EXPECT_EQ(check_camera_addresses(url, {ip("127.0.0.1")}, {}).error().code(), ErrorCode::forbidden);
  EXPECT_TRUE(check_camera_addresses(url, {ip("127.0.0.1")}, allow("cam-1001.lan")).ok());
  EXPECT_FALSE(check_camera_addresses(url, {ip("169.254.169.254")}, allow("cam-1001.lan")).ok());
  EXPECT_EQ(check_camera_addresses(url, {}, {}).error().code(), ErrorCode::unavailable);
}

TEST(CameraRules, EveryBadFieldAtOnce) {
  Camera camera;
  camera.name = "  ";
  camera.location = std::string(201, 'x');
  camera.username = "ad:min";
  camera.position = master_data::GeoPoint{48.85, 2.35};
  std::vector<std::string> fields;
  for (const auto& problem : check_camera(camera)) fields.push_back(problem.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"unit_code", "name", "location", "latitude", "longitude", "username"}));
  Camera good;
  good.unit_code = "kelurahan-16.71.01.1001";
  good.name = " Ruang pelayanan ";
  EXPECT_TRUE(check_camera(good).empty());
  EXPECT_EQ(good.name, "Ruang pelayanan");
}

}  // namespace
}  // namespace sigap::domain::cameras
