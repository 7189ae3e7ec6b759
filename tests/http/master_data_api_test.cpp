// The master-data API as a client sees it: a real server on 127.0.0.1 over a real SQLite file
// loaded with the Kota Palembang demo data, asked over real sockets.

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;

std::string text(const json::value& value) { return std::string(value.as_string()); }

const json::array& items_of(const json::value& body) { return body.at("items").as_array(); }
const json::array& items_of(json::value&& body) = delete;  // it would dangle

// The reads below never change the data, so one server serves the whole suite.
class MasterDataApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { server_ = std::make_unique<TestServer>(); }
  static void TearDownTestSuite() { server_.reset(); }

  void SetUp() override { client_ = std::make_unique<HttpClient>(server_->base_url()); }

  HttpClient& client() { return *client_; }

  // A GET that must succeed with JSON; its parsed body.
  json::value get_json(const std::string& path, const std::vector<std::string>& headers = {}) {
    auto result = client().get(path, headers);
    EXPECT_EQ(result.status, 200) << path << ": " << result.error << result.body;
    EXPECT_TRUE(result.header("content-type").starts_with("application/json")) << result.header("content-type");
    return result.json();
  }

  // Asserts an RFC 9457 problem with `status` for `path`, and returns its body.
  static json::value expect_problem(const HttpResult& result, long status, const std::string& path) {
    EXPECT_EQ(result.status, status) << result.error << result.body;
    EXPECT_TRUE(result.header("content-type").starts_with("application/problem+json")) << result.header("content-type");
    auto body = result.json();
    EXPECT_EQ(body.at("status").as_int64(), status);
    EXPECT_EQ(text(body.at("instance")), path);
    EXPECT_FALSE(body.as_object().contains("items")) << "a problem must not carry data: " << result.body;
    return body;
  }

 private:
  static std::unique_ptr<TestServer> server_;
  std::unique_ptr<HttpClient> client_;
};

std::unique_ptr<TestServer> MasterDataApi::server_;

// ---- Regions -------------------------------------------------------------------------------

TEST_F(MasterDataApi, ListsTheEighteenKecamatanOfPalembang) {
  const std::vector<std::pair<std::string, std::string>> expected{
      {"16.71.01", "Ilir Barat Dua"},    {"16.71.02", "Seberang Ulu Satu"},
      {"16.71.03", "Seberang Ulu Dua"},  {"16.71.04", "Ilir Barat Satu"},
      {"16.71.05", "Ilir Timur Satu"},   {"16.71.06", "Ilir Timur Dua"},
      {"16.71.07", "Sukarami"},          {"16.71.08", "Sako"},
      {"16.71.09", "Kemuning"},          {"16.71.10", "Kalidoni"},
      {"16.71.11", "Bukitkecil"},        {"16.71.12", "Gandus"},
      {"16.71.13", "Kertapati"},         {"16.71.14", "Plaju"},
      {"16.71.15", "Alang-alang Lebar"}, {"16.71.16", "Sematangborang"},
      {"16.71.17", "Jakabaring"},        {"16.71.18", "Ilir Timur Tiga"},
  };
  auto body = get_json("/api/v1/regions?parent=16.71");
  const auto& items = items_of(body);
  ASSERT_EQ(body.at("count").as_int64(), 18);
  ASSERT_EQ(items.size(), expected.size());
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& item : items) {
    EXPECT_EQ(text(item.at("level")), "district");
    EXPECT_EQ(text(item.at("parent_code")), "16.71");
    got.emplace_back(text(item.at("code")), text(item.at("name")));
  }
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, expected);
}

TEST_F(MasterDataApi, KelurahanOfAllKecamatanAddUpTo107) {
  auto kecamatan = get_json("/api/v1/regions?parent=16.71");
  std::set<std::string> kelurahan_codes;
  for (const auto& district : items_of(kecamatan)) {
    auto code = text(district.at("code"));
    auto children = get_json("/api/v1/regions?parent=" + code);
    EXPECT_FALSE(items_of(children).empty()) << code << " has no kelurahan";
    for (const auto& village : items_of(children)) {
      EXPECT_EQ(text(village.at("level")), "village");
      EXPECT_EQ(text(village.at("parent_code")), code);
      EXPECT_TRUE(text(village.at("code")).starts_with(code + ".")) << text(village.at("code"));
      kelurahan_codes.insert(text(village.at("code")));
    }
  }
  EXPECT_EQ(kelurahan_codes.size(), 107U);
}

TEST_F(MasterDataApi, TopLevelIsTheProvince) {
  auto body = get_json("/api/v1/regions");
  ASSERT_EQ(items_of(body).size(), 1U);
  EXPECT_EQ(text(items_of(body)[0].at("code")), "16");
  EXPECT_EQ(text(items_of(body)[0].at("name")), "Sumatera Selatan");
  EXPECT_TRUE(items_of(body)[0].at("parent_code").is_null());
}

TEST_F(MasterDataApi, FindsARegionByItsCode) {
  auto body = get_json("/api/v1/regions/16.71.07");
  EXPECT_EQ(text(body.at("code")), "16.71.07");
  EXPECT_EQ(text(body.at("name")), "Sukarami");
  EXPECT_EQ(text(body.at("level")), "district");
  EXPECT_EQ(text(body.at("parent_code")), "16.71");
}

TEST_F(MasterDataApi, UnknownRegionIsANotFoundProblem) {
  auto result = client().get("/api/v1/regions/16.71.99");
  auto body = expect_problem(result, 404, "/api/v1/regions/16.71.99");
  EXPECT_EQ(text(body.at("type")), "/problems/not-found");
  EXPECT_NE(text(body.at("detail")).find("16.71.99"), std::string::npos) << result.body;
  EXPECT_EQ(text(body.at("request_id")), result.header("x-request-id"));
}

TEST_F(MasterDataApi, MalformedRegionCodeIsAValidationProblemNamingTheField) {
  auto result = client().get("/api/v1/regions/abc");
  auto body = expect_problem(result, 422, "/api/v1/regions/abc");
  ASSERT_FALSE(body.at("errors").as_array().empty()) << result.body;
  EXPECT_EQ(text(body.at("errors").as_array()[0].at("field")), "code");
  EXPECT_FALSE(text(body.at("errors").as_array()[0].at("message")).empty());

  auto parent = client().get("/api/v1/regions?parent=abc");
  auto parent_body = expect_problem(parent, 422, "/api/v1/regions");
  EXPECT_EQ(text(parent_body.at("errors").as_array()[0].at("field")), "parent");
}

TEST_F(MasterDataApi, UnknownParentRegionIsNotFoundRatherThanAnEmptyList) {
  expect_problem(client().get("/api/v1/regions?parent=16.72"), 404, "/api/v1/regions");
}

TEST_F(MasterDataApi, SqlInjectionInQueryParametersIsRefusedNotAnswered) {
  // parent=16.71' OR '1'='1
  auto regions = client().get("/api/v1/regions?parent=16.71%27%20OR%20%271%27%3D%271");
  auto body = expect_problem(regions, 422, "/api/v1/regions");
  EXPECT_EQ(text(body.at("errors").as_array()[0].at("field")), "parent");

  // type=village_office' OR '1'='1
  auto units = client().get("/api/v1/units?type=village_office%27%20OR%20%271%27%3D%271");
  expect_problem(units, 422, "/api/v1/units");

  // A unit "id" that would select every row if it reached SQL as text.
  auto unit = client().get("/api/v1/units/1%20OR%201%3D1");
  expect_problem(unit, 404, "/api/v1/units/1 OR 1=1");

  // parent=kecamatan-16.71.01' OR '1'='1 names no unit.
  auto children = client().get("/api/v1/units?parent=kecamatan-16.71.01%27%20OR%20%271%27%3D%271");
  expect_problem(children, 404, "/api/v1/units");
}

TEST_F(MasterDataApi, RegionSearchToleratesATypo) {
  auto result = client().post_json("/api/v1/regions/search", R"({"query":"sukarame"})");
  ASSERT_EQ(result.status, 200) << result.body;
  auto body = result.json();
  const auto& items = items_of(body);
  ASSERT_FALSE(items.empty());
  EXPECT_EQ(text(items[0].at("code")), "16.71.07");
  EXPECT_EQ(text(items[0].at("name")), "Sukarami");
  auto score = items[0].at("score").as_int64();
  EXPECT_GE(score, 1);
  EXPECT_LE(score, 100);
  for (std::size_t i = 1; i < items.size(); ++i) {
    EXPECT_LE(items[i].at("score").as_int64(), items[i - 1].at("score").as_int64()) << "best matches first";
  }
}

TEST_F(MasterDataApi, RegionSearchHonoursLevelAndLimit) {
  // Kalidoni is both a kecamatan (16.71.10) and one of its kelurahan (16.71.10.1002).
  auto result = client().post_json("/api/v1/regions/search", R"({"query":"kalidoni","level":"village","limit":1})");
  ASSERT_EQ(result.status, 200) << result.body;
  auto body = result.json();
  const auto& items = items_of(body);
  ASSERT_EQ(items.size(), 1U) << result.body;
  EXPECT_EQ(text(items[0].at("code")), "16.71.10.1002");
  EXPECT_EQ(text(items[0].at("level")), "village");
}

TEST_F(MasterDataApi, RegionSearchReportsEveryBadField) {
  auto result = client().post_json("/api/v1/regions/search", R"({"query":"a","limit":0})");
  auto body = expect_problem(result, 422, "/api/v1/regions/search");
  std::set<std::string> fields;
  for (const auto& error : body.at("errors").as_array()) fields.insert(text(error.at("field")));
  EXPECT_EQ(fields, (std::set<std::string>{"limit", "query"})) << result.body;

  auto level = client().post_json("/api/v1/regions/search", R"({"query":"sako","level":"planet"})");
  auto level_body = expect_problem(level, 422, "/api/v1/regions/search");
  EXPECT_EQ(text(level_body.at("errors").as_array()[0].at("field")), "level") << level.body;
}

// ---- Units ---------------------------------------------------------------------------------

TEST_F(MasterDataApi, ThereIsAVillageOfficeForEveryKelurahan) {
  auto body = get_json("/api/v1/units?type=village_office");
  const auto& items = items_of(body);
  EXPECT_EQ(items.size(), 107U);
  EXPECT_EQ(body.at("count").as_int64(), 107);
  std::set<std::string> regions;
  for (const auto& unit : items) {
    EXPECT_EQ(text(unit.at("type")), "village_office");
    EXPECT_TRUE(text(unit.at("code")).starts_with("kelurahan-")) << text(unit.at("code"));
    EXPECT_TRUE(text(unit.at("name")).starts_with("Kelurahan ")) << text(unit.at("name"));
    regions.insert(text(unit.at("region_code")));
  }
  EXPECT_EQ(regions.size(), 107U) << "one office per kelurahan";
}

TEST_F(MasterDataApi, UnknownUnitTypeIsAValidationProblem) {
  auto result = client().get("/api/v1/units?type=bogus");
  auto body = expect_problem(result, 422, "/api/v1/units");
  EXPECT_EQ(text(body.at("errors").as_array()[0].at("field")), "type");
}

TEST_F(MasterDataApi, UnitsUnderAKecamatanOfficeAreTheOfficesOfItsKelurahan) {
  auto villages = get_json("/api/v1/regions?parent=16.71.01");
  std::set<std::string> village_codes;
  for (const auto& village : items_of(villages)) village_codes.insert(text(village.at("code")));
  ASSERT_FALSE(village_codes.empty());

  auto body = get_json("/api/v1/units?parent=kecamatan-16.71.01");
  std::set<std::string> office_regions;
  for (const auto& unit : items_of(body)) {
    EXPECT_EQ(text(unit.at("type")), "village_office");
    EXPECT_EQ(text(unit.at("parent_code")), "kecamatan-16.71.01");
    office_regions.insert(text(unit.at("region_code")));
  }
  EXPECT_EQ(office_regions, village_codes);
}

TEST_F(MasterDataApi, FindsAUnitByIdAndByCode) {
  auto by_code = get_json("/api/v1/units/dinas-pupr");
  EXPECT_EQ(text(by_code.at("code")), "dinas-pupr");
  EXPECT_EQ(text(by_code.at("name")), "Dinas Pekerjaan Umum dan Penataan Ruang");
  EXPECT_EQ(text(by_code.at("type")), "agency");
  EXPECT_EQ(text(by_code.at("parent_code")), "pemkot-palembang");
  EXPECT_EQ(text(by_code.at("region_code")), "16.71");
  EXPECT_FALSE(text(by_code.at("service_hours_text")).empty());
  EXPECT_EQ(by_code.at("service_hours").as_array().size(), 7U) << "one entry per weekday";

  auto id = by_code.at("id").as_int64();
  auto by_id = get_json("/api/v1/units/" + std::to_string(id));
  EXPECT_EQ(by_id, by_code);
}

TEST_F(MasterDataApi, UnknownUnitIsNotFound) {
  expect_problem(client().get("/api/v1/units/no-such-unit"), 404, "/api/v1/units/no-such-unit");
  expect_problem(client().get("/api/v1/units/999999"), 404, "/api/v1/units/999999");
}

// ---- Categories ----------------------------------------------------------------------------

TEST_F(MasterDataApi, EveryCategoryRoutesToAUnitThatExists) {
  auto body = get_json("/api/v1/categories");
  const auto& items = items_of(body);
  EXPECT_GE(items.size(), 15U);
  EXPECT_LE(items.size(), 25U);
  std::set<std::string> codes;
  std::set<std::string> units;
  for (const auto& category : items) {
    codes.insert(text(category.at("code")));
    EXPECT_FALSE(text(category.at("name")).empty());
    EXPECT_FALSE(text(category.at("name_en")).empty());
    auto unit = text(category.at("default_unit_code"));
    EXPECT_FALSE(unit.empty()) << text(category.at("code"));
    units.insert(unit);
  }
  EXPECT_EQ(codes.size(), items.size()) << "category codes are unique";
  for (const auto& unit : units) {
    EXPECT_EQ(client().get("/api/v1/units/" + unit).status, 200) << "default unit " << unit << " does not exist";
  }
}

// ---- Language ------------------------------------------------------------------------------

TEST_F(MasterDataApi, ProblemsSpeakEnglishWhenTheClientPrefersIt) {
  struct Case {
    std::string accept_language;
    std::string title;
    std::string content_language;
  };
  const std::vector<Case> cases{
      {"", "Tidak ditemukan", "id"},         {"en", "Not found", "en"},
      {"en-US,en;q=0.9", "Not found", "en"}, {"id,en;q=0.5", "Tidak ditemukan", "id"},
      {"fr", "Tidak ditemukan", "id"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> headers;
    if (!c.accept_language.empty()) headers.push_back("Accept-Language: " + c.accept_language);
    auto result = client().get("/api/v1/regions/16.71.99", headers);
    auto body = expect_problem(result, 404, "/api/v1/regions/16.71.99");
    EXPECT_EQ(text(body.at("title")), c.title) << "Accept-Language: " << c.accept_language;
    EXPECT_EQ(result.header("content-language"), c.content_language) << "Accept-Language: " << c.accept_language;
  }
}

TEST(PortalSettings, NoMapUnlessATileServerIsConfiguredAndThenItsUrlAndAttribution) {
  TestServer plain;
  HttpClient client(plain.base_url());
  auto none = client.get("/api/v1/portal");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_TRUE(none.json().as_object().at("map").is_null()) << "the portal falls back to lists of regions";

  TestServerOptions options;
  options.portal.map_tile_url = "https://tile.example.id/{z}/{x}/{y}.png";
  options.portal.map_attribution = "© Kontributor OpenStreetMap";
  TestServer with_map(options);
  HttpClient map_client(with_map.base_url());
  auto answer = map_client.get("/api/v1/portal");
  ASSERT_EQ(answer.status, 200);
  auto map = answer.json().as_object().at("map").as_object();
  EXPECT_EQ(std::string(map.at("tile_url").as_string()), "https://tile.example.id/{z}/{x}/{y}.png");
  EXPECT_EQ(std::string(map.at("attribution").as_string()), "© Kontributor OpenStreetMap");
  EXPECT_NEAR(map.at("center").as_object().at("latitude").as_double(), -2.98, 0.1);
}

}  // namespace
}  // namespace sigap::testing
