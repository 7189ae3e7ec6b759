// Units and categories kept by admins over HTTP: a new unit and a changed category are there
// for the next request (intake suggests by the new keywords at once), every bad field is named
// at once, a unit cannot be put under itself, only admins may write, and each change is audited.
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "app/identity/user_admin.hpp"
#include "support/http_client.hpp"
#include "support/staff_sign_in.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";

std::set<std::string> error_fields(const HttpResult& result) {
  std::set<std::string> fields;
  auto body = result.json();
  if (const auto* errors = body.as_object().if_contains("errors")) {
    for (const auto& error : errors->as_array()) fields.insert(std::string(error.at("field").as_string()));
  }
  return fields;
}

class MasterDataAdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    TestServerOptions options;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    server_ = std::make_unique<TestServer>(options);
    SystemClock clock;
    app::identity::UserAdmin admin(server_->storage(), clock);
    auto user = admin.create({"admin@test.id",
                              "Admin",
                              std::string(kPassword),
                              domain::identity::UserKind::staff,
                              {{"pemkot-palembang", domain::access::Role::admin}}},
                             "test");
    ASSERT_TRUE(user.ok());
    enrol_test_totp(server_->storage(), user->id);
    auto officer = admin.create({"officer@test.id",
                                 "Petugas",
                                 std::string(kPassword),
                                 domain::identity::UserKind::staff,
                                 {{"dinas-pupr", domain::access::Role::officer}}},
                                "test");
    ASSERT_TRUE(officer.ok());
  }

  std::vector<std::string> headers_of(std::string_view email) {
    return sign_in_staff(server_->base_url(), email, kPassword, SystemClock{}.now());
  }

  std::vector<domain::audit::AuditEntry> audited(const std::string& action) {
    auto entries = server_->storage().audit().list({action});
    EXPECT_TRUE(entries.ok());
    return entries.ok() ? *entries : std::vector<domain::audit::AuditEntry>{};
  }

  // Sends a report without a category; the category intake suggested, or "" for none.
  std::string suggested_for(const std::string& description) {
    HttpClient client(server_->base_url());
    auto created = client.post_json("/api/v1/complaints", json::serialize(json::object{{"description", description}}));
    EXPECT_EQ(created.status, 201) << created.body;
    auto body = created.json();
    const auto& code = body.at("category").at("code");
    return code.is_null() ? std::string() : std::string(code.as_string());
  }

  std::unique_ptr<TestServer> server_;
};

constexpr std::string_view kNewUnit =
    R"({"code":"upt-pasar-16-ilir","type":"agency","name":"UPT Pasar 16 Ilir","parent_code":"pemkot-palembang",
        "region_code":"16.71","service_hours_text":"mon-fri 08:00-15:00","office_location":{"latitude":-2.9893,
        "longitude":104.7626},"time_zone":"Asia/Jakarta"})";

TEST_F(MasterDataAdminApiTest, AnAdminAddsAUnitThatIsListedAndAudited) {
  HttpClient client(server_->base_url());
  auto headers = headers_of("admin@test.id");  // once: a TOTP code is taken once per account
  auto created = client.request("POST", "/api/v1/units", std::string(kNewUnit), headers);
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.json().at("id").as_int64();
  EXPECT_EQ(created.header("location"), "/api/v1/units/" + std::to_string(id));

  auto shown = client.get("/api/v1/units/upt-pasar-16-ilir");
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.json().at("name").as_string(), "UPT Pasar 16 Ilir");
  EXPECT_EQ(shown.json().at("parent_code").as_string(), "pemkot-palembang");
  EXPECT_EQ(shown.json().at("service_hours_text").as_string(), "mon-fri 08:00-15:00");
  auto children = client.get("/api/v1/units?parent=pemkot-palembang");
  EXPECT_NE(children.body.find("upt-pasar-16-ilir"), std::string::npos);

  auto entries = audited("unit.created");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries.back().record.target, "unit:upt-pasar-16-ilir");
  EXPECT_EQ(entries.back().record.actor.rfind("user:", 0), 0U) << entries.back().record.actor;

  auto again = client.request("POST", "/api/v1/units", std::string(kNewUnit), headers);
  EXPECT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(error_fields(again), std::set<std::string>{"code"}) << again.body;
}

TEST_F(MasterDataAdminApiTest, EveryBadFieldOfAUnitIsNamedAtOnceAndNothingIsKept) {
  HttpClient client(server_->base_url());
  auto headers = headers_of("admin@test.id");
  auto refused = client.request(
      "POST", "/api/v1/units",
      R"({"code":"Bad Code!","type":"castle","name":" ","parent_code":"no-such-unit","region_code":"99.99",
          "service_hours_text":"mon 25:00-26:00","office_location":{"latitude":51.5,"longitude":-0.12},
          "time_zone":"Europe/London"})",
      headers);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(refused.header("content-type").starts_with("application/problem+json"));
  EXPECT_EQ(error_fields(refused),
            (std::set<std::string>{"code", "type", "name", "parent_code", "region_code", "service_hours_text",
                                   "office_location.latitude", "office_location.longitude", "time_zone"}))
      << refused.body;
  auto in_english = headers;
  in_english.emplace_back("Accept-Language: en");
  auto english = client.request("POST", "/api/v1/units", R"({"code":"x","type":"agency"})", in_english);
  EXPECT_NE(english.body.find("The unit is not right yet"), std::string::npos) << english.body;
  EXPECT_TRUE(audited("unit.created").empty());
  auto units = server_->storage().units().find_by_code("bad-code");
  ASSERT_TRUE(units.ok());
  EXPECT_FALSE(units->has_value());
}

TEST_F(MasterDataAdminApiTest, AUnitIsRenamedAndMovedButNeverUnderItself) {
  HttpClient client(server_->base_url());
  auto headers = headers_of("admin@test.id");
  auto kecamatan = client.get("/api/v1/units/kecamatan-16.71.01").json().as_object();
  auto body = [&](const std::string& name, const std::string& parent) {
    return json::serialize(json::object{{"type", kecamatan.at("type")},
                                        {"name", name},
                                        {"parent_code", parent},
                                        {"region_code", kecamatan.at("region_code")},
                                        {"service_hours_text", kecamatan.at("service_hours_text")},
                                        {"time_zone", kecamatan.at("time_zone")}});
  };
  // Under one of its own kelurahan offices, or under itself: refused on parent_code.
  for (const auto* parent : {"kelurahan-16.71.01.1001", "kecamatan-16.71.01"}) {
    auto refused =
        client.request("PUT", "/api/v1/units/kecamatan-16.71.01", body("Kecamatan Ilir Barat II", parent), headers);
    EXPECT_EQ(refused.status, 422) << parent << ": " << refused.body;
    EXPECT_EQ(error_fields(refused), std::set<std::string>{"parent_code"}) << refused.body;
  }
  auto renamed = client.request("PUT", "/api/v1/units/" + std::to_string(kecamatan.at("id").as_int64()),
                                body("Kantor Camat Ilir Barat II", "pemkot-palembang"), headers);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(client.get("/api/v1/units/kecamatan-16.71.01").json().at("name").as_string(), "Kantor Camat Ilir Barat II");
  auto entries = audited("unit.updated");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries.back().record.target, "unit:kecamatan-16.71.01");
  EXPECT_EQ(entries.back().record.detail, "name");

  auto recoded = client.request("PUT", "/api/v1/units/kecamatan-16.71.01",
                                R"({"code":"kecamatan-baru","type":"district_office","name":"Kecamatan",
                                    "parent_code":"pemkot-palembang"})",
                                headers);
  EXPECT_EQ(recoded.status, 422) << recoded.body;
  EXPECT_EQ(error_fields(recoded), std::set<std::string>{"code"}) << recoded.body;
  EXPECT_EQ(client.request("PUT", "/api/v1/units/no-such-unit", body("Apa saja", "pemkot-palembang"), headers).status,
            404);
}

TEST_F(MasterDataAdminApiTest, NewKeywordsOfACategorySuggestItForTheVeryNextReport) {
  const std::string kite = "Layangan tersangkut di kabel listrik dekat simpang empat";
  EXPECT_EQ(suggested_for(kite), "") << "no category knows kites yet";
  HttpClient client(server_->base_url());
  auto headers = headers_of("admin@test.id");
  auto categories = client.get("/api/v1/categories").json();
  json::object trees;
  for (const auto& item : categories.at("items").as_array()) {
    if (item.at("code").as_string() == "pohon-taman") trees = item.as_object();
  }
  ASSERT_FALSE(trees.empty());
  EXPECT_TRUE(trees.at("field_work").as_bool());
  auto keywords = trees.at("keywords").as_array();
  keywords.emplace_back("  LAYANGAN ");
  auto changed = client.request("PUT", "/api/v1/categories/pohon-taman",
                                json::serialize(json::object{{"name", trees.at("name")},
                                                             {"name_en", trees.at("name_en")},
                                                             {"description", trees.at("description")},
                                                             {"default_unit_code", trees.at("default_unit_code")},
                                                             {"keywords", keywords},
                                                             {"field_work", true}}),
                                headers);
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.json().at("keywords").as_array().back().as_string(), "layangan") << "trimmed and lower-cased";
  EXPECT_EQ(suggested_for(kite), "pohon-taman") << "intake must not keep the old keywords";
  auto entries = audited("category.updated");
  ASSERT_EQ(entries.size(), 1U);
  EXPECT_EQ(entries.back().record.target, "category:pohon-taman");
  EXPECT_EQ(entries.back().record.detail, "keywords");
}

TEST_F(MasterDataAdminApiTest, AnAdminAddsACategoryThatReportsCanChoose) {
  HttpClient client(server_->base_url());
  auto created = client.request(
      "POST", "/api/v1/categories",
      R"({"code":"reklame-liar","name":"Reklame liar","name_en":"Illegal billboards","description":"Baliho tanpa izin.",
          "default_unit_code":"satpol-pp","keywords":["baliho","Spanduk"],"field_work":true})",
      headers_of("admin@test.id"));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json().at("keywords").as_array().at(1).as_string(), "spanduk");
  auto report = client.post_json(
      "/api/v1/complaints", R"({"description":"Baliho besar roboh ke trotoar depan toko","category":"reklame-liar"})");
  ASSERT_EQ(report.status, 201) << report.body;
  EXPECT_EQ(report.json().at("unit").at("code").as_string(), "satpol-pp");
  ASSERT_EQ(audited("category.created").size(), 1U);
}

TEST_F(MasterDataAdminApiTest, EveryBadFieldOfACategoryIsNamedAtOnce) {
  HttpClient client(server_->base_url());
  auto headers = headers_of("admin@test.id");
  auto refused = client.request("POST", "/api/v1/categories",
                                R"({"code":"-","name":"","name_en":"X","default_unit_code":"no-unit",
                                    "keywords":["ok","a|b",""]})",
                                headers);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(error_fields(refused),
            (std::set<std::string>{"code", "name", "name_en", "default_unit_code", "keywords[1]"}))
      << refused.body;
  auto wrong_types =
      client.request("POST", "/api/v1/categories", R"({"keywords":"jalan","field_work":"yes","colour":1})", headers);
  EXPECT_EQ(wrong_types.status, 422) << wrong_types.body;
  EXPECT_EQ(error_fields(wrong_types), (std::set<std::string>{"keywords", "field_work", "colour"})) << wrong_types.body;
  auto recoded = client.request(
      "PUT", "/api/v1/categories/sampah",
      R"({"code":"sampah-baru","name":"Sampah","name_en":"Rubbish","default_unit_code":"dlhk"})", headers);
  EXPECT_EQ(recoded.status, 422) << recoded.body;
  EXPECT_EQ(error_fields(recoded), std::set<std::string>{"code"});
  auto missing = client.request("PUT", "/api/v1/categories/no-such-category",
                                R"({"name":"Apa","name_en":"What","default_unit_code":"dlhk"})", headers);
  EXPECT_EQ(missing.status, 404) << missing.body;
  EXPECT_TRUE(audited("category.created").empty());
  EXPECT_TRUE(audited("category.updated").empty());
}

TEST_F(MasterDataAdminApiTest, OnlyAdminsMayWriteAndAnonymousCallersMustSignIn) {
  HttpClient client(server_->base_url());
  auto officer = headers_of("officer@test.id");
  EXPECT_EQ(client.request("POST", "/api/v1/units", std::string(kNewUnit), officer).status, 403);
  EXPECT_EQ(client.request("PUT", "/api/v1/categories/sampah", R"({"name":"Sampah"})", officer).status, 403);
  EXPECT_EQ(client.request("POST", "/api/v1/units", std::string(kNewUnit), {"Content-Type: application/json"}).status,
            401);
  EXPECT_EQ(
      client.request("PUT", "/api/v1/categories/sampah", R"({"name":"Sampah"})", {"Content-Type: application/json"})
          .status,
      401);
  auto unit = server_->storage().units().find_by_code("upt-pasar-16-ilir");
  ASSERT_TRUE(unit.ok());
  EXPECT_FALSE(unit->has_value());
  EXPECT_TRUE(audited("access.denied").size() >= 2U);
}

}  // namespace
}  // namespace sigap::testing
