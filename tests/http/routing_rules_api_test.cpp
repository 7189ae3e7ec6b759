// Routing rules kept by admins over HTTP: a rule sends the next report of its category and
// region to its unit, bad references are refused field by field, every change is audited.
#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "support/http_client.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

class RoutingRulesApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    server_ = std::make_unique<TestServer>(options);
    SystemClock clock;
    app::identity::UserAdmin admin(server_->storage(), clock);
    auto user = admin.create({"admin@test.id", "Admin", std::string(kPassword), domain::identity::UserKind::staff,
                              {{"pemkot-palembang", domain::access::Role::admin}}},
                             "test");
    ASSERT_TRUE(user.ok());
    enrol_test_totp(server_->storage(), user->id);  // admins must have their second factor (#3)
  }

  std::vector<std::string> admin_headers() {
    return sign_in_staff(server_->base_url(), "admin@test.id", kPassword, SystemClock{}.now());
  }

  std::string route_of(std::string_view category, std::string_view kelurahan) {
    HttpClient client(server_->base_url());
    auto created = client.post_json("/api/v1/complaints", R"({"description":"Laporan uji untuk aturan disposisi","category":")" +
                                                              std::string(category) + R"(","region_code":")" +
                                                              std::string(kelurahan) + "\"}");
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.json().as_object().at("unit").as_object().at("code").as_string());
  }

  std::unique_ptr<TestServer> server_;
};

TEST_F(RoutingRulesApiTest, ARuleRoutesTheNextReportAndIsAuditedAndRemoved) {
  auto headers = admin_headers();
  HttpClient client(server_->base_url());
  EXPECT_EQ(route_of("sampah", "16.71.01.1001"), "dlhk") << "the category's default unit";
  auto saved = client.request("PUT", "/api/v1/routing-rules",
                              R"({"category_code":"sampah","region_code":"16.71.01","unit_code":"kecamatan-16.71.01"})",
                              headers);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(route_of("sampah", "16.71.01.1001"), "kecamatan-16.71.01") << "the kecamatan's rule covers its kelurahan";
  EXPECT_EQ(route_of("sampah", "16.71.02.1002"), "dlhk") << "and nothing outside it";
  auto listed = client.get("/api/v1/routing-rules", headers);
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.json().as_object().at("count").as_int64(), 1);
  auto audit = server_->storage().audit().list({std::string("routing_rule.saved")});
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1U);
  EXPECT_EQ(audit->back().record.target, "routing_rule:sampah/16.71.01");

  auto removed = client.request("DELETE", "/api/v1/routing-rules", R"({"category_code":"sampah","region_code":"16.71.01"})",
                                headers);
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(route_of("sampah", "16.71.01.1001"), "dlhk");
  EXPECT_EQ(client.request("DELETE", "/api/v1/routing-rules", R"({"category_code":"sampah","region_code":"16.71.01"})",
                           headers)
                .status,
            404);
}

TEST_F(RoutingRulesApiTest, UnknownCategoryRegionAndUnitAreEachNamed) {
  auto headers = admin_headers();
  HttpClient client(server_->base_url());
  auto refused = client.request("PUT", "/api/v1/routing-rules",
                                R"({"category_code":"nope","region_code":"99.99","unit_code":"no-unit"})", headers);
  ASSERT_EQ(refused.status, 422) << refused.body;
  for (const auto* field : {"category_code", "region_code", "unit_code"}) {
    EXPECT_NE(refused.body.find(std::string("\"") + field + "\""), std::string::npos) << field << " " << refused.body;
  }
  auto rules = server_->storage().complaints().routing_rules();
  ASSERT_TRUE(rules.ok());
  EXPECT_TRUE(rules->empty()) << "nothing kept";
}

}  // namespace
}  // namespace sigap::testing
