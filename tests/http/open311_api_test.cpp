// Open311 GeoReport v2 over real HTTP, as an Open311 client sees it: every endpoint in JSON and
// XML (parsed by libxml2), the specification's example request, every filter and documented
// error, and a request that becomes an ordinary case: in the staff inbox, tracked by its code,
// worked by staff, and followed through GET requests/{id}.
#include <cctype>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "app/identity/api_keys.hpp"
#include "app/identity/user_admin.hpp"
#include "common/time_format.hpp"
#include "support/fake_clock.hpp"
#include "support/http_client.hpp"
#include "support/personal_data_sentinels.hpp"
#include "support/test_server.hpp"
#include "support/xml_tree.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;
namespace da = domain::access;

constexpr std::string_view kPassword = "Sungai-Musi-2026!";
const TimePoint kStart = *parse_utc("2026-11-23T01:00:00Z");  // Monday 08:00 WIB

std::string encode(std::string_view text) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

using Fields = std::vector<std::pair<std::string, std::string>>;

std::string form(const Fields& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    if (!body.empty()) body += '&';
    body += encode(name) + "=" + encode(value);
  }
  return body;
}

class Open311ApiTest : public ::testing::Test {
 protected:
  // A fresh server per test: the filters below count exactly what a test filed.
  void SetUp() override {
    clock_ = new FakeClock(kStart);
    TestServerOptions options;
    options.clock = clock_;
    options.rate_limits[http::RateBudget::intake] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::login] = http::BucketPolicy{10000, 1000};
    options.rate_limits[http::RateBudget::tracking] = http::BucketPolicy{10000, 1000};
    server_ = new TestServer(options);
    app::identity::UserAdmin admin(server_->storage(), *clock_);
    for (const auto& [email, unit] : std::vector<std::pair<std::string, std::string>>{
             {"tirta@test.id", "tirta-musi"}, {"pupr@test.id", "dinas-pupr"}}) {
      ASSERT_TRUE(admin
                      .create({email, "Petugas", std::string(kPassword), domain::identity::UserKind::staff,
                               {{unit, da::Role::officer}}},
                              "test")
                      .ok());
    }
    auto key = [](std::vector<da::Action> scopes, std::string unit) {
      auto created = app::identity::create_api_key(server_->storage(), *clock_,
                                                   {"Aplikasi warga", std::move(unit), std::move(scopes)}, "test");
      EXPECT_TRUE(created.ok());
      return created.ok() ? *created : app::identity::CreatedApiKey{};
    };
    key_ = key({da::Action::submit_case}, "diskominfo").token;
    read_only_key_ = key({da::Action::read_case}, "dinas-pupr").token;
    auto revoked = key({da::Action::submit_case}, "diskominfo");
    revoked_key_ = revoked.token;
    ASSERT_TRUE(app::identity::revoke_api_key(server_->storage(), *clock_, revoked.key.id, "test").ok());
  }
  void TearDown() override {
    delete server_;
    delete clock_;
  }

  static HttpResult post(std::string_view format, const Fields& fields, std::vector<std::string> headers = {}) {
    HttpClient client(server_->base_url());
    headers.push_back("Content-Type: application/x-www-form-urlencoded; charset=utf-8");
    return client.request("POST", "/open311/v2/requests." + std::string(format), form(fields), headers);
  }

  static HttpResult get(const std::string& path, std::vector<std::string> headers = {}) {
    HttpClient client(server_->base_url());
    return client.get(path, headers);
  }

  // The specification's example request, adapted to Palembang: every argument it shows.
  static Fields example(std::string service_code = "banjir-drainase") {
    Fields fields{{"api_key", key_},
            {"jurisdiction_id", "palembang.go.id"},
            {"service_code", service_code},
            {"lat", "-2.97614"},
            {"long", "104.77549"},
            {"address_string", "Jl. Merdeka No. 9, Tiga-puluh-lima Ilir"},
            {"address_id", "16.71.01.1001"},
            {"email", std::string(kSentinelEmail)},
            {"device_id", "tt222111"},
            {"account_id", "123456"},
            {"first_name", "Cahaya"},
            {"last_name", "Ampera Sentosa"},
            {"phone", "0811-7171-5511"},
            {"description", "Genangan setinggi lutut menutup jalan depan pasar sejak subuh"},
            {"media_url", "https://warga.example/media/2212426634.jpg"}};
    if (service_code == "banjir-drainase") {  // the flood service's attributes (GET services/banjir-drainase)
      fields.emplace_back("attribute[kedalaman_genangan]", "45");
      fields.emplace_back("attribute[lama_genangan]", "1_6_jam");
    }
    return fields;
  }

  static Fields with(Fields fields, const std::string& name, const std::string& value) {
    for (auto& field : fields) {
      if (field.first == name) {
        field.second = value;
        return fields;
      }
    }
    fields.emplace_back(name, value);
    return fields;
  }

  static Fields without(Fields fields, const std::string& name) {
    std::erase_if(fields, [&](const auto& field) { return field.first == name; });
    return fields;
  }

  // Files the example (or `fields`) and returns the service_request_id.
  static std::string file(const Fields& fields = example()) {
    auto response = post("json", fields);
    EXPECT_EQ(response.status, 200) << response.body;
    if (response.status != 200) return {};
    return std::string(response.json().as_array().at(0).as_object().at("service_request_id").as_string());
  }

  // A case through the JSON API (any channel but Open311).
  static std::string file_on_the_web(const std::string& category, bool confidential = false) {
    HttpClient client(server_->base_url());
    auto response = client.post_json(
        "/api/v1/complaints", R"({"description":"Sampah menumpuk di pinggir jalan sudah seminggu","category":")" +
                                  category + R"(","region_code":"16.71.01.1001","confidential":)" +
                                  (confidential ? "true" : "false") + "}");
    EXPECT_EQ(response.status, 201) << response.body;
    return std::string(response.json().as_object().at("code").as_string());
  }

  static std::vector<std::string> sign_in(const std::string& email) {
    HttpClient client(server_->base_url());
    auto response = client.post_json("/api/v1/session",
                                     R"({"email":")" + email + R"(","password":")" + std::string(kPassword) + "\"}");
    EXPECT_EQ(response.status, 201) << response.body;
    auto cookie = response.header("set-cookie");
    return {"Cookie: " + cookie.substr(0, cookie.find(';')),
            "X-CSRF-Token: " + std::string(response.json().as_object().at("csrf_token").as_string()),
            "Content-Type: application/json"};
  }

  // The same resource in JSON and XML: both 200 (or `status`), with the right types, and twins.
  static json::value both(const std::string& path_without_format, const std::string& query = "", int status = 200,
                          const std::vector<std::string>& headers = {}) {
    auto as_json = get(path_without_format + ".json" + query, headers);
    auto as_xml = get(path_without_format + ".xml" + query, headers);
    EXPECT_EQ(as_json.status, status) << as_json.body;
    EXPECT_EQ(as_xml.status, status) << as_xml.body;
    EXPECT_EQ(as_json.header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(as_xml.header("content-type"), "text/xml; charset=utf-8");
    EXPECT_EQ(declared_encoding(as_xml.body), "utf-8");
    std::string error;
    auto tree = parse_xml(as_xml.body, &error);
    EXPECT_TRUE(tree.has_value()) << error << "\n" << as_xml.body;
    auto parsed = as_json.json();
    if (tree) expect_spark_twins(*tree, parsed, georeport_lists(), tree->name);
    return parsed;
  }

  static std::int64_t case_count() { return server_->storage().complaints().count().value(); }

  // The one item of a list (a copy: the list is often a temporary).
  static json::object only(const json::value& list) {
    EXPECT_EQ(list.as_array().size(), 1U);
    return list.as_array().empty() ? json::object() : list.as_array().at(0).as_object();
  }

  static std::vector<std::string> ids_of(const json::value& list) {
    std::vector<std::string> ids;
    for (const auto& item : list.as_array()) ids.emplace_back(item.as_object().at("service_request_id").as_string());
    return ids;
  }

  static inline FakeClock* clock_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::string key_, read_only_key_, revoked_key_;
};

// -- discovery and services -----------------------------------------------------------------

TEST_F(Open311ApiTest, TheDiscoveryDocumentNamesTheEndpointAsTheClientReachesIt) {
  auto discovery = both("/open311/discovery", "", 200, {"Host: sigap.palembang.go.id", "X-Forwarded-Proto: https"});
  const auto& document = discovery.as_object();
  EXPECT_EQ(std::vector<std::string>({"changeset", "contact", "key_service", "endpoints"}),
            [&] {
              std::vector<std::string> keys;
              for (const auto& field : document) keys.emplace_back(field.key());
              return keys;
            }());
  EXPECT_EQ(document.at("contact").as_string(), "Diskominfo Kota Palembang, pengelola Sigap");
  EXPECT_NE(std::string(document.at("key_service").as_string()).find("submit_case"), std::string::npos);
  const auto& endpoint = only(document.at("endpoints"));
  EXPECT_EQ(endpoint.at("specification").as_string(), "http://wiki.open311.org/GeoReport_v2");
  EXPECT_EQ(endpoint.at("url").as_string(), "https://sigap.palembang.go.id/open311/v2");
  EXPECT_EQ(endpoint.at("type").as_string(), "production");
  EXPECT_EQ(endpoint.at("formats"), json::parse(R"(["text/xml","application/json"])"));
  EXPECT_EQ(endpoint.at("changeset"), document.at("changeset"));
  auto again = get("/open311/discovery.json").json();
  EXPECT_EQ(again.as_object().at("changeset"), document.at("changeset")) << "nothing changed, same changeset";
}

TEST_F(Open311ApiTest, ServicesAreTheCategoriesWithMetadataWhereTheyAskMore) {
  auto services = both("/open311/v2/services");
  ASSERT_EQ(services.as_array().size(), 24U) << "every category of the demo";
  const json::object* flood = nullptr;
  const json::object* registry = nullptr;
  for (const auto& item : services.as_array()) {
    const auto& service = item.as_object();
    if (service.at("service_code") == "banjir-drainase") flood = &service;
    if (service.at("service_code") == "adminduk") registry = &service;
    std::vector<std::string> keys;
    for (const auto& field : service) keys.emplace_back(field.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"service_code", "service_name", "description", "metadata", "type",
                                              "keywords", "group"}));
    EXPECT_EQ(service.at("type"), "realtime");
  }
  ASSERT_NE(flood, nullptr);
  ASSERT_NE(registry, nullptr);
  EXPECT_EQ(flood->at("service_name"), "Banjir dan drainase");
  EXPECT_EQ(flood->at("metadata"), true);
  EXPECT_EQ(flood->at("group"), "Dinas Pekerjaan Umum dan Penataan Ruang");
  EXPECT_NE(std::string(flood->at("keywords").as_string()).find("genangan"), std::string::npos);
  EXPECT_EQ(registry->at("metadata"), false);
  auto english = get("/open311/v2/services.json", {"Accept-Language: en"}).json();
  bool named = false;
  for (const auto& item : english.as_array()) {
    if (item.as_object().at("service_code") == "banjir-drainase") named = item.as_object().at("service_name") == "Flooding and drainage";
  }
  EXPECT_TRUE(named) << "service_name follows Accept-Language";
}

TEST_F(Open311ApiTest, AServiceDefinitionListsItsAttributesInOrder) {
  auto definition = both("/open311/v2/services/jalan-rusak", "?jurisdiction_id=palembang.go.id");
  EXPECT_EQ(definition.as_object().at("service_code"), "jalan-rusak");
  const auto& attributes = definition.as_object().at("attributes").as_array();
  ASSERT_EQ(attributes.size(), 3U);
  EXPECT_EQ(attributes[0], json::parse(R"json({"variable":true,"code":"ukuran_lubang","datatype":"singlevaluelist",
    "required":true,"datatype_description":null,"order":1,"description":"Seberapa besar kerusakannya?","values":[
    {"key":"kecil","name":"Kecil (kurang dari 30 cm)"},{"key":"sedang","name":"Sedang (30 cm sampai 1 m)"},
    {"key":"besar","name":"Besar (lebih dari 1 m)"}]})json"));
  EXPECT_EQ(attributes[1].as_object().at("datatype"), "multivaluelist");
  EXPECT_EQ(attributes[2].as_object().at("datatype"), "datetime");
  EXPECT_FALSE(attributes[2].as_object().contains("values")) << "values belong to lists";
  auto none = both("/open311/v2/services/adminduk");
  EXPECT_TRUE(none.as_object().at("attributes").as_array().empty());
}

// -- POST requests ----------------------------------------------------------------------------

TEST_F(Open311ApiTest, TheExampleRequestBecomesACaseLikeAnyOtherInTheInboxAndTracking) {
  auto before = case_count();
  auto response = post("json", example(), {"Idempotency-Key: warga-app-0001"});
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8");
  const auto& answer = only(response.json());
  std::vector<std::string> keys;
  for (const auto& field : answer) keys.emplace_back(field.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"service_request_id", "service_notice", "account_id"}))
      << "realtime: no token";
  std::string code(answer.at("service_request_id").as_string());
  EXPECT_TRUE(code.starts_with("SGP-")) << code;
  EXPECT_EQ(answer.at("account_id"), "123456");
  EXPECT_NE(std::string(answer.at("service_notice").as_string()).find("Dinas Pekerjaan Umum"), std::string::npos);
  EXPECT_EQ(case_count(), before + 1);

  // Tracking by the public code, as a citizen would.
  auto tracked = get("/api/v1/track/" + code);
  ASSERT_EQ(tracked.status, 200) << tracked.body;
  EXPECT_EQ(tracked.json().as_object().at("unit").as_object().at("code"), "dinas-pupr");
  EXPECT_EQ(tracked.json().as_object().at("category").as_object().at("code"), "banjir-drainase");

  // The unit's inbox, filtered by channel.
  auto inbox = get("/api/v1/complaints?channel=open311", sign_in("pupr@test.id"));
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  auto listed = inbox.json();
  const auto& items = listed.as_object().at("items").as_array();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("code"), json::value(code));
  EXPECT_EQ(items[0].as_object().at("channel"), "open311");
  EXPECT_EQ(items[0].as_object().at("status"), "submitted");

  // The answers and the media URL stay with the case.
  auto submission = server_->storage().open311().find_submission("warga-app-0001");
  ASSERT_TRUE(submission.ok() && submission->has_value());
  EXPECT_EQ((*submission)->attributes,
            (std::vector<domain::complaints::AttributeAnswer>{{"kedalaman_genangan", {"45"}}, {"lama_genangan", {"1_6_jam"}}}));
  EXPECT_EQ((*submission)->media_url, "https://warga.example/media/2212426634.jpg");
  EXPECT_EQ((*submission)->complaint_id, items[0].as_object().at("id").as_int64());

  // GET requests/{id}: the public view, in the specification's fields and nothing personal.
  auto shown = both("/open311/v2/requests/" + code);
  const auto& request = only(shown);
  EXPECT_EQ(request.at("service_request_id"), json::value(code));
  EXPECT_EQ(request.at("status"), "open");
  EXPECT_EQ(request.at("status_notes"), "Aduan diterima.");
  EXPECT_EQ(request.at("service_name"), "Banjir dan drainase");
  EXPECT_EQ(request.at("service_code"), "banjir-drainase");
  EXPECT_EQ(request.at("description"), "Genangan setinggi lutut menutup jalan depan pasar sejak subuh");
  EXPECT_EQ(request.at("agency_responsible"), "Dinas Pekerjaan Umum dan Penataan Ruang");
  EXPECT_EQ(request.at("requested_datetime"), json::value(format_utc(kStart)));
  EXPECT_EQ(request.at("updated_datetime"), json::value(format_utc(kStart)));
  EXPECT_TRUE(request.at("expected_datetime").is_string()) << "the SLA resolution deadline";
  EXPECT_EQ(request.at("address"), "Kelurahan Tiga-puluh-lima Ilir, Kecamatan Ilir Barat Dua, Kota Palembang");
  EXPECT_EQ(request.at("address_id"), "16.71.01.1001");
  EXPECT_TRUE(request.at("zipcode").is_null());
  EXPECT_EQ(request.at("lat").to_number<double>(), -2.976) << "rounded to about 100 m";
  EXPECT_EQ(request.at("long").to_number<double>(), 104.775);
  EXPECT_EQ(request.at("media_url"), "https://warga.example/media/2212426634.jpg");
  auto raw = get("/open311/v2/requests/" + code + ".xml").body + get("/open311/v2/requests.json").body;
  for (auto sentinel : {std::string_view("Cahaya"), kSentinelEmail, std::string_view("7171"),
                        std::string_view("Jl. Merdeka"), std::string_view("tt222111")}) {
    EXPECT_EQ(raw.find(sentinel), std::string::npos) << sentinel << " must never be shown";
  }

  // The token is the client's Idempotency-Key.
  auto token = both("/open311/v2/tokens/warga-app-0001");
  EXPECT_EQ(token, json::parse(R"([{"service_request_id":")" + code + R"(","token":"warga-app-0001"}])"));
}

TEST_F(Open311ApiTest, APostToTheXmlResourceIsAnsweredInXml) {
  auto response = post("xml", with(example("air-bersih"), "account_id", ""));
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.header("content-type"), "text/xml; charset=utf-8");
  auto tree = parse_xml(response.body);
  ASSERT_TRUE(tree.has_value()) << response.body;
  EXPECT_EQ(tree->name, "service_requests");
  ASSERT_EQ(tree->children.size(), 1U);
  const auto& request = tree->children[0];
  EXPECT_EQ(request.name, "request");
  EXPECT_EQ(request.child_names(), (std::vector<std::string>{"service_request_id", "service_notice", "account_id"}));
  EXPECT_TRUE(request.child("service_request_id")->text.starts_with("SGP-"));
  EXPECT_TRUE(request.child("account_id")->empty) << "<account_id/> when none was given";
}

TEST_F(Open311ApiTest, MultivalueAttributesAndTheOtherLocationsAreAccepted) {
  auto code = file({{"api_key", key_},
                    {"service_code", "jalan-rusak"},
                    {"address_string", "Simpang Charitas arah Sudirman"},
                    {"description", "Lubang besar di tengah jalan, motor sering jatuh"},
                    {"attribute[ukuran_lubang]", "besar"},
                    {"attribute[dampak][]", "macet"},
                    {"attribute[dampak][]", "motor"},
                    {"attribute[terlihat_sejak]", "2026-11-20T07:00:00+07:00"}});
  ASSERT_FALSE(code.empty());
  const auto& request = only(get("/open311/v2/requests/" + code + ".json").json());
  EXPECT_TRUE(request.at("address").is_null()) << "the reporter's words are not shown, and no kelurahan was given";
  EXPECT_TRUE(request.at("lat").is_null());
  auto by_kelurahan = file({{"api_key", key_},
                            {"service_code", "adminduk"},
                            {"address_id", "16.71.01.1001"},
                            {"description", "Blangko KTP-el habis sejak dua minggu"}});
  EXPECT_FALSE(by_kelurahan.empty());
}

TEST_F(Open311ApiTest, ARetryWithTheSameIdempotencyKeyGetsTheFirstAnswerAndFilesNothingNew) {
  auto first = post("json", example(), {"Idempotency-Key: retry-1"});
  ASSERT_EQ(first.status, 200) << first.body;
  auto count = case_count();
  auto retry = post("xml", example(), {"Idempotency-Key: retry-1"});
  ASSERT_EQ(retry.status, 200) << retry.body;
  EXPECT_EQ(retry.header("idempotent-replayed"), "true");
  auto tree = parse_xml(retry.body);
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->children.at(0).child("service_request_id")->text,
            std::string(first.json().as_array().at(0).as_object().at("service_request_id").as_string()));
  EXPECT_EQ(case_count(), count);
  auto reused = post("json", with(example(), "description", "Lain sama sekali, banjir di tempat lain"),
                     {"Idempotency-Key: retry-1"});
  EXPECT_EQ(reused.status, 400) << reused.body;
  EXPECT_EQ(case_count(), count);
}

// -- every documented error -------------------------------------------------------------------

struct ErrorCase {
  const char* what;
  int status;
  const char* names;  // what the description names ("api_key", "attribute[kedalaman_genangan]", ...)
};

TEST_F(Open311ApiTest, EveryDocumentedErrorInBothFormatsAndNothingIsFiled) {
  auto before = case_count();
  const std::vector<std::pair<ErrorCase, Fields>> cases{
      {{"missing api_key", 403, "api_key"}, without(example(), "api_key")},
      {{"unknown api_key", 403, "api_key"}, with(example(), "api_key", "sgp_abcdefgh_notarealsecretatall")},
      {{"not an api key at all", 403, "api_key"}, with(example(), "api_key", "xyz")},
      {{"revoked api_key", 403, "api_key"}, with(example(), "api_key", revoked_key_)},
      {{"a key without submit_case", 403, "api_key"}, with(example(), "api_key", read_only_key_)},
      {{"wrong jurisdiction", 404, "jurisdiction_id"}, with(example(), "jurisdiction_id", "sfgov.org")},
      {{"unknown service_code", 404, "service_code"}, with(example(), "service_code", "graffiti")},
      {{"missing service_code", 400, "service_code"}, without(example(), "service_code")},
      {{"missing location", 400, "lat"},
       without(without(without(without(example(), "lat"), "long"), "address_string"), "address_id")},
      {{"lat without long", 400, "long"}, without(example(), "long")},
      {{"a pin outside Indonesia", 400, "lat"}, with(with(example(), "lat", "37.76524078"), "long", "-122.4212043")},
      {{"unknown kelurahan", 400, "address_id"}, with(example(), "address_id", "16.71.99.9999")},
      {{"missing required attribute", 400, "attribute[kedalaman_genangan]"},
       without(example(), "attribute[kedalaman_genangan]")},
      {{"attribute of the wrong type", 400, "attribute[kedalaman_genangan]"},
       with(example(), "attribute[kedalaman_genangan]", "selutut")},
      {{"attribute not an option", 400, "attribute[lama_genangan]"}, with(example(), "attribute[lama_genangan]", "lama")},
      {{"attribute the service lacks", 400, "attribute[warna]"}, with(example(), "attribute[warna]", "merah")},
      {{"description too short", 400, "description"}, with(example(), "description", "Banjir")},
      {{"a bad e-mail", 400, "email"}, with(example(), "email", "bukan-email")},
      {{"media_url not http", 400, "media_url"}, with(example(), "media_url", "file:///etc/passwd")},
      {{"an unknown argument", 400, "colour"}, with(example(), "colour", "red")},
  };
  for (const auto& [expected, fields] : cases) {
    for (const char* format : {"json", "xml"}) {
      auto response = post(format, fields);
      EXPECT_EQ(response.status, expected.status) << expected.what << " (" << format << "): " << response.body;
      std::string description;
      if (std::string_view(format) == "json") {
        EXPECT_EQ(response.header("content-type"), "application/json; charset=utf-8") << expected.what;
        auto errors = response.json();
        for (const auto& error : errors.as_array()) {
          EXPECT_EQ(error.as_object().at("code"), expected.status) << expected.what;
          description += std::string(error.as_object().at("description").as_string()) + "\n";
        }
      } else {
        auto tree = parse_xml(response.body);
        ASSERT_TRUE(tree.has_value()) << expected.what << ": " << response.body;
        EXPECT_EQ(tree->name, "errors");
        for (const auto& error : tree->children) {
          EXPECT_EQ(error.child_names(), (std::vector<std::string>{"code", "description"}));
          EXPECT_EQ(error.child("code")->text, std::to_string(expected.status)) << expected.what;
          description += error.child("description")->text + "\n";
        }
      }
      EXPECT_NE(description.find(expected.names), std::string::npos)
          << expected.what << " (" << format << ") should name " << expected.names << ":\n" << description;
    }
  }
  EXPECT_EQ(case_count(), before) << "no error files a case";
}

TEST_F(Open311ApiTest, ABodyThatIsNoFormIsRefusedInTheOpen311Format) {
  HttpClient client(server_->base_url());
  auto as_json = client.request("POST", "/open311/v2/requests.json", R"({"service_code":"banjir-drainase"})",
                                {"Content-Type: application/json"});
  EXPECT_EQ(as_json.status, 400) << as_json.body;
  EXPECT_TRUE(as_json.json().is_array());
  auto broken = client.request("POST", "/open311/v2/requests.xml", "api_key=" + key_ + "&description=50%",
                               {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(broken.status, 400) << broken.body;
  auto tree = parse_xml(broken.body);
  ASSERT_TRUE(tree.has_value());
  EXPECT_EQ(tree->name, "errors");
  auto too_big = client.request("POST", "/open311/v2/requests.json", std::string(70 * 1024, 'a'),
                                {"Content-Type: application/x-www-form-urlencoded"});
  EXPECT_EQ(too_big.status, 413) << "the route's body limit";
}

TEST_F(Open311ApiTest, ReadsAnswerUnknownThingsWith404AndBadArgumentsWith400) {
  for (const auto& [path, status] : std::vector<std::pair<std::string, int>>{
           {"/open311/v2/requests/SGP-0000-0000", 404},
           {"/open311/v2/requests/nonsense", 404},
           {"/open311/v2/tokens/no-such-token", 404},
           {"/open311/v2/services/graffiti", 404},
           {"/open311/v2/services", 404},  // with ?jurisdiction_id=sfgov.org below
           {"/open311/v2/requests", 400},  // with a bad date below
       }) {
    std::string query;
    if (path == "/open311/v2/services") query = "?jurisdiction_id=sfgov.org";
    if (path == "/open311/v2/requests") query = "?start_date=2026-11-01";  // no zone
    auto errors = both(path, query, status);
    ASSERT_TRUE(errors.is_array()) << path;
    EXPECT_EQ(errors.as_array().at(0).as_object().at("code"), status) << path;
  }
  auto unknown = get("/open311/v2/services.json?page=2");
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(get("/open311/v2/services.yaml").status, 404) << "only .json and .xml";
}

// -- GET requests: filters, window, cap -------------------------------------------------------

TEST_F(Open311ApiTest, GetRequestsFiltersByIdServiceDateAndStatusWithinTheDefaultWindow) {
  clock_->set(kStart - std::chrono::days(100));
  auto old_flood = file();
  clock_->set(kStart - std::chrono::days(10));
  auto road = file({{"api_key", key_},
                    {"service_code", "jalan-rusak"},
                    {"address_id", "16.71.01.1001"},
                    {"description", "Aspal mengelupas panjang sepuluh meter"},
                    {"attribute[ukuran_lubang]", "sedang"}});
  clock_->set(kStart - std::chrono::days(2));
  auto rubbish = file_on_the_web("sampah");
  auto secret = file_on_the_web("sampah", true);
  clock_->set(kStart - std::chrono::days(1));
  auto water = file(example("air-bersih"));
  clock_->set(kStart);

  EXPECT_EQ(ids_of(both("/open311/v2/requests")), (std::vector<std::string>{water, rubbish, road}))
      << "the last 90 days, newest first, every channel, nothing confidential";
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?service_code=jalan-rusak")), (std::vector<std::string>{road}));
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?service_code=jalan-rusak,air-bersih&jurisdiction_id=palembang.go.id")),
            (std::vector<std::string>{water, road}));
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?start_date=" + encode(format_utc(kStart - std::chrono::days(101))) +
                                                     "&end_date=" + encode(format_utc(kStart - std::chrono::days(99))))),
            (std::vector<std::string>{old_flood}));
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?end_date=2026-11-21T08:00:00%2B07:00")),
            (std::vector<std::string>{rubbish, road}))
      << "the 90 days up to end_date (inclusive, in any zone)";
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?service_request_id=" + old_flood + "," + secret + ",SGP-0000-0000," +
                                                     water + "&service_code=sampah")),
            (std::vector<std::string>{old_flood, water}))
      << "ids override every other argument; confidential and unknown ones are left out";
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?status=closed")), std::vector<std::string>{});
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?status=open,closed")), (std::vector<std::string>{water, rubbish, road}));
  auto too_long = get("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
  EXPECT_EQ(too_long.status, 400);
  auto bad_status = get("/open311/v2/requests.xml?status=pending");
  EXPECT_EQ(bad_status.status, 400);
}

TEST_F(Open311ApiTest, GetRequestsReturnsAtMost1000) {
  // 1,005 public cases in one day of 2025, written straight to the database.
  const TimePoint day = *parse_utc("2025-06-02T01:00:00Z");
  auto written = server_->storage().write([&](app::ports::Transaction& tx) -> Result<void> {
    for (int i = 0; i < 1005; ++i) {
      domain::complaints::Complaint complaint;
      complaint.public_code = "SGP-CAP-" + std::to_string(10000 + i);
      complaint.reporter_secret_hash = "hash";
      complaint.description = "Lampu jalan padam di gang sempit";
      complaint.category_code = "lampu-jalan";
      complaint.unit_code = "dishub";
      complaint.submitted_at = day + std::chrono::seconds(i);
      complaint.updated_at = complaint.submitted_at;
      auto inserted = tx.complaints().insert(complaint);
      if (!inserted) return inserted.error();
    }
    return {};
  });
  ASSERT_TRUE(written.ok()) << written.error().log_detail();
  auto list = get("/open311/v2/requests.json?start_date=2025-06-01T00:00:00Z&end_date=2025-06-30T00:00:00Z");
  ASSERT_EQ(list.status, 200);
  auto ids = ids_of(list.json());
  ASSERT_EQ(ids.size(), 1000U);
  EXPECT_EQ(ids.front(), "SGP-CAP-11004") << "the newest first";
  EXPECT_EQ(ids.back(), "SGP-CAP-10005");
  auto xml = parse_xml(get("/open311/v2/requests.xml?start_date=2025-06-01T00:00:00Z&end_date=2025-06-30T00:00:00Z").body);
  ASSERT_TRUE(xml.has_value());
  EXPECT_EQ(xml->children.size(), 1000U);
}

// -- a case worked by staff, followed through Open311 ----------------------------------------

TEST_F(Open311ApiTest, StaffWorkOnTheCaseShowsInGetRequestsUntilItIsClosed) {
  auto code = file(example("air-bersih"));
  ASSERT_FALSE(code.empty());
  auto staff = sign_in("tirta@test.id");
  auto inbox = get("/api/v1/complaints?channel=open311", staff).json();
  ASSERT_EQ(inbox.as_object().at("items").as_array().size(), 1U);
  auto id = inbox.as_object().at("items").as_array().at(0).as_object().at("id").as_int64();
  auto act = [&](const std::string& body) {
    clock_->advance(std::chrono::minutes(10));  // well inside the session's 30 idle minutes
    HttpClient client(server_->base_url());
    auto response = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions", body, staff);
    EXPECT_EQ(response.status, 200) << body << ": " << response.body;
  };
  auto request = [&] { return only(both("/open311/v2/requests/" + code)); };

  act(R"({"action":"verify"})");
  act(R"({"action":"assign"})");
  act(R"({"action":"start"})");
  auto working = request();
  EXPECT_EQ(working.at("status"), "open");
  EXPECT_EQ(working.at("updated_datetime"), json::value(format_utc(clock_->now())));
  EXPECT_EQ(working.at("agency_responsible"), "Perumda Air Minum Tirta Musi");

  act(R"({"action":"resolve","reason":"Pipa bocor di Jl. Merdeka sudah diganti."})");
  auto resolved = request();
  EXPECT_EQ(resolved.at("status"), "closed");
  EXPECT_EQ(resolved.at("status_notes"), "Pipa bocor di Jl. Merdeka sudah diganti.");
  EXPECT_EQ(resolved.at("updated_datetime"), json::value(format_utc(clock_->now())));
  EXPECT_NE(resolved.at("updated_datetime"), resolved.at("requested_datetime"));
  EXPECT_TRUE(resolved.at("expected_datetime").is_null()) << "nothing more is expected of a closed request";
  EXPECT_NE(std::string(resolved.at("service_notice").as_string()).find("Sudah ditindaklanjuti"), std::string::npos);
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?status=closed")), (std::vector<std::string>{code}));
  EXPECT_EQ(ids_of(both("/open311/v2/requests", "?status=open")), std::vector<std::string>{});
}

}  // namespace
}  // namespace sigap::testing
