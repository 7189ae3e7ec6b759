// What any client of the server notices regardless of the endpoint: health and metrics, request
// ids, problem answers for every refusal, limits, keep-alive, HEAD, and the web front end.
// A real server on 127.0.0.1 port 0 over a real SQLite file, asked over real sockets.

#include <fstream>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "support/http_client.hpp"
#include "support/temp_dir.hpp"
#include "support/test_server.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;

std::string text(const json::value& value) { return std::string(value.as_string()); }

bool is_problem(const HttpResult& result) {
  return result.header("content-type").starts_with("application/problem+json");
}

// Asserts an RFC 9457 problem answer with `status`; returns its body.
json::value expect_problem(const HttpResult& result, long status) {
  EXPECT_EQ(result.status, status) << result.error << result.body;
  EXPECT_TRUE(is_problem(result)) << "content-type: " << result.header("content-type");
  auto body = result.json();
  EXPECT_EQ(body.at("status").as_int64(), status);
  EXPECT_FALSE(text(body.at("title")).empty());
  EXPECT_FALSE(text(body.at("type")).empty());
  return body;
}

// The value of the metrics line that starts with `series` (name and labels, exactly), or "absent".
std::string metric(const std::string& page, const std::string& series) {
  std::size_t at = 0;
  while (at < page.size()) {
    auto end = page.find('\n', at);
    auto line = page.substr(at, end == std::string::npos ? std::string::npos : end - at);
    if (line.starts_with(series + " ")) return line.substr(series.size() + 1);
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return "absent";
}

std::string search_body_of_size(std::size_t size) {
  std::string body = R"({"query":")";
  body += std::string(size - body.size() - 2, 'a');
  body += "\"}";
  return body;
}

class Server : public ::testing::Test {
 protected:
  TestServer server_;
  HttpClient client_{server_.base_url()};
};

// ---- Health and metrics --------------------------------------------------------------------

TEST_F(Server, HealthzSaysOk) {
  auto result = client_.get("/healthz");
  ASSERT_EQ(result.status, 200) << result.error;
  EXPECT_TRUE(result.header("content-type").starts_with("application/json"));
  EXPECT_EQ(result.json(), json::parse(R"({"status":"ok"})"));
}

TEST_F(Server, ReadyzNamesTheDatabaseThatAnswered) {
  auto result = client_.get("/readyz");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(text(result.json().at("status")), "ready");
  EXPECT_EQ(text(result.json().at("database")), "sqlite");
}

TEST_F(Server, MetricsCountRequestsByRouteInPrometheusFormat) {
  ASSERT_EQ(client_.get("/healthz").status, 200);
  ASSERT_EQ(client_.get("/healthz").status, 200);
  ASSERT_EQ(client_.get("/api/v1/units/12345-secret-path").status, 404);
  ASSERT_EQ(client_.get("/no/such/page-67890").status, 404);

  auto result = client_.get("/metrics");
  ASSERT_EQ(result.status, 200);
  EXPECT_TRUE(result.header("content-type").starts_with("text/plain")) << result.header("content-type");
  const auto& page = result.body;
  const std::string labels = R"(route="/healthz",method="GET",status="200")";
  EXPECT_EQ(metric(page, "sigap_http_requests_total{" + labels + "}"), "2") << page;
  EXPECT_NE(page.find("# TYPE sigap_http_request_duration_seconds histogram"), std::string::npos);
  EXPECT_EQ(metric(page, "sigap_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}"), "2") << page;
  EXPECT_EQ(metric(page, "sigap_http_request_duration_seconds_count{" + labels + "}"), "2") << page;
  EXPECT_NE(metric(page, "sigap_http_request_duration_seconds_sum{" + labels + "}"), "absent") << page;
  // Routes are labelled by pattern, so a path a client invents never becomes a new series.
  EXPECT_EQ(metric(page, R"(sigap_http_requests_total{route="/api/v1/units/{id}",method="GET",status="404"})"), "1")
      << page;
  EXPECT_EQ(page.find("12345-secret-path"), std::string::npos) << page;
  EXPECT_EQ(page.find("page-67890"), std::string::npos) << page;
  EXPECT_EQ(metric(page, R"(sigap_db_writer_queue_depth{backend="sqlite"})"), "0") << page;
  EXPECT_NE(page.find("sigap_build_info{version=\""), std::string::npos) << page;
  EXPECT_NE(page.find("# TYPE sigap_http_open_connections gauge"), std::string::npos) << page;
}

// ---- Request ids ---------------------------------------------------------------------------

TEST_F(Server, EveryResponseCarriesARequestId) {
  std::set<std::string> ids;
  std::vector<HttpResult> results{
      client_.get("/healthz"),
      client_.get("/nope"),
      client_.request("DELETE", "/healthz"),
      client_.request("POST", "/api/v1/regions/search", "{}", {"Content-Type: text/plain"}),
      client_.post_json("/api/v1/regions/search", "{"),
      client_.post_json("/api/v1/regions/search", search_body_of_size(17 * 1024)),
  };
  for (const auto& result : results) {
    ASSERT_NE(result.status, 0) << result.error;
    auto id = result.header("x-request-id");
    EXPECT_FALSE(id.empty()) << "status " << result.status;
    ids.insert(id);
    if (is_problem(result)) {
      EXPECT_EQ(text(result.json().at("request_id")), id) << result.body;
    }
  }
  EXPECT_EQ(ids.size(), results.size()) << "request ids are unique";
}

TEST_F(Server, ClientRequestIdIsEchoedWhenItIsClean) {
  auto echoed = client_.get("/healthz", {"X-Request-Id: lapor-2024.07_abc-1"});
  EXPECT_EQ(echoed.header("x-request-id"), "lapor-2024.07_abc-1");

  for (const std::string& unclean : {std::string("has space"), std::string("quote\"d"), std::string(65, 'a')}) {
    auto replaced = client_.get("/nope", {"X-Request-Id: " + unclean});
    auto id = replaced.header("x-request-id");
    EXPECT_FALSE(id.empty());
    EXPECT_NE(id, unclean);
    EXPECT_EQ(text(replaced.json().at("request_id")), id);
  }
}

// ---- Refusals are problems -----------------------------------------------------------------

TEST_F(Server, UnknownRouteIsANotFoundProblem) {
  auto result = client_.get("/api/v1/nothing-here");
  auto body = expect_problem(result, 404);
  EXPECT_EQ(text(body.at("instance")), "/api/v1/nothing-here");
}

TEST_F(Server, WrongMethodIsRefusedWithTheAllowedOnes) {
  auto result = client_.request("DELETE", "/healthz");
  expect_problem(result, 405);
  auto allow = result.header("allow");
  EXPECT_NE(allow.find("GET"), std::string::npos) << allow;
  EXPECT_EQ(allow.find("DELETE"), std::string::npos) << allow;

  auto post = client_.request("POST", "/api/v1/regions/16.71", "{}", {"Content-Type: application/json"});
  expect_problem(post, 405);
  EXPECT_NE(post.header("allow").find("GET"), std::string::npos);
}

TEST_F(Server, BodyThatIsNotJsonIsUnsupportedMediaType) {
  auto result = client_.request("POST", "/api/v1/regions/search", R"({"query":"sako"})", {"Content-Type: text/plain"});
  expect_problem(result, 415);
  auto missing = client_.request("POST", "/api/v1/regions/search", R"({"query":"sako"})",
                                 {"Content-Type:"});  // no Content-Type at all
  expect_problem(missing, 415);
  auto with_charset = client_.request("POST", "/api/v1/regions/search", R"({"query":"sako"})",
                                      {"Content-Type: Application/JSON; charset=utf-8"});
  EXPECT_EQ(with_charset.status, 200) << with_charset.body;
}

TEST_F(Server, MalformedJsonIsABadRequest) {
  for (const std::string& body : {std::string("{"), std::string(R"({"query":"sako",})"), std::string("nul")}) {
    auto result = client_.post_json("/api/v1/regions/search", body);
    expect_problem(result, 400);
  }
}

TEST_F(Server, JsonThatIsNotAnObjectIsABadRequest) {
  expect_problem(client_.post_json("/api/v1/regions/search", R"(["sako"])"), 400);
  expect_problem(client_.post_json("/api/v1/regions/search", R"("sako")"), 400);
}

TEST_F(Server, UnknownFieldIsAValidationProblemNamingIt) {
  auto result = client_.post_json("/api/v1/regions/search", R"({"query":"sako","colour":"merah"})");
  auto body = expect_problem(result, 422);
  std::set<std::string> fields;
  for (const auto& error : body.at("errors").as_array()) fields.insert(text(error.at("field")));
  EXPECT_EQ(fields, std::set<std::string>{"colour"}) << result.body;
}

// ---- Limits --------------------------------------------------------------------------------

TEST_F(Server, BodyOverTheRouteLimitIsRefusedAndTheServerCarriesOn) {
  auto just_fits = client_.post_json("/api/v1/regions/search", search_body_of_size(16 * 1024));
  EXPECT_EQ(just_fits.status, 422) << "read and validated (the query is too long), not refused";

  auto result = client_.post_json("/api/v1/regions/search", search_body_of_size(16 * 1024 + 1));
  auto body = expect_problem(result, 413);
  EXPECT_NE(text(body.at("detail")).find("16384"), std::string::npos) << result.body;

  HttpClient fresh(server_.base_url());
  EXPECT_EQ(fresh.get("/healthz").status, 200);
  EXPECT_EQ(client_.get("/healthz").status, 200);
}

TEST(ServerLimits, ARouteLimitWinsOverTheServerDefault) {
  TestServerOptions options;
  options.demo_data = false;
  options.max_json_body = 1024;
  TestServer server(options);
  HttpClient client(server.base_url());
  // The search route declares 16 KiB: a 4 KiB body is read (and then found too long a query).
  auto result = client.post_json("/api/v1/regions/search", search_body_of_size(4 * 1024));
  EXPECT_EQ(result.status, 422) << result.body;
  auto refused = client.post_json("/api/v1/regions/search", search_body_of_size(20 * 1024));
  EXPECT_EQ(refused.status, 413) << refused.body;
}

TEST_F(Server, OversizedHeadersAreRefusedAndTheServerCarriesOn) {
  auto result = client_.get("/healthz", {"X-Filler: " + std::string(64 * 1024, 'x')});
  expect_problem(result, 431);

  HttpClient fresh(server_.base_url());
  EXPECT_EQ(fresh.get("/healthz").status, 200);
}

// ---- Connections ---------------------------------------------------------------------------

TEST_F(Server, KeepAliveServesManyRequestsOnOneConnection) {
  for (int i = 0; i < 5; ++i) {
    auto result = client_.get("/api/v1/categories");
    ASSERT_EQ(result.status, 200) << result.error;
    EXPECT_NE(result.header("connection"), "close");
  }
  auto metrics = client_.get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_EQ(metric(metrics.body, "sigap_http_open_connections"), "1") << metrics.body;

  HttpClient second(server_.base_url());
  auto both = second.get("/metrics");
  EXPECT_EQ(metric(both.body, "sigap_http_open_connections"), "2") << both.body;
}

TEST_F(Server, HeadAnswersLikeGetWithoutABody) {
  auto get = client_.get("/healthz");
  auto head = client_.request("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200) << head.error;
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
  EXPECT_EQ(head.header("content-type"), get.header("content-type"));
  EXPECT_EQ(client_.get("/healthz").status, 200) << "the connection is still in step after HEAD";
}

// ---- The web front end ---------------------------------------------------------------------

constexpr std::string_view kIndex = "<!doctype html><title>Sigap Palembang</title><div id=app></div>";
constexpr std::string_view kAppJs = "console.log('sigap');\n";
constexpr std::string_view kAppJsGz = "\x1f\x8b\x08 pretend-gzip-bytes";

void write_file(const std::filesystem::path& file, std::string_view content) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
}

class WebFrontEnd : public ::testing::Test {
 protected:
  static TestServerOptions options_for(const TempDir& dir) {
    write_file(dir.path() / "web" / "index.html", kIndex);
    write_file(dir.path() / "web" / "assets" / "app.js", kAppJs);
    write_file(dir.path() / "web" / "assets" / "app.js.gz", kAppJsGz);
    write_file(dir.path() / "web" / ".env", "SECRET=1");
    write_file(dir.path() / "secret.txt", "outside the web root");
    TestServerOptions options;
    options.demo_data = false;
    options.web_dir = dir.path() / "web";
    return options;
  }

  TempDir dir_;
  TestServer server_{options_for(dir_)};
  HttpClient client_{server_.base_url()};
};

TEST_F(WebFrontEnd, RootServesTheApp) {
  auto result = client_.get("/");
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(result.body, kIndex);
  EXPECT_TRUE(result.header("content-type").starts_with("text/html")) << result.header("content-type");
  EXPECT_EQ(result.header("cache-control"), "no-cache");
}

TEST_F(WebFrontEnd, ClientSideRoutesServeTheApp) {
  const std::vector<std::string> paths{"/lapor", "/lapor/", "/lapor/SGP-2024-0001", "/peta?kecamatan=16.71.07"};
  for (const auto& path : paths) {
    auto result = client_.get(path);
    EXPECT_EQ(result.status, 200) << path;
    EXPECT_EQ(result.body, kIndex) << path;
  }
}

TEST_F(WebFrontEnd, AssetsAreServedWithTheirTypeAndTheGzipTwinWhenAccepted) {
  auto plain = client_.get("/assets/app.js");
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.body, kAppJs);
  EXPECT_TRUE(plain.header("content-type").starts_with("text/javascript")) << plain.header("content-type");
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_NE(plain.header("cache-control").find("immutable"), std::string::npos);

  auto gzipped = client_.get("/assets/app.js", {"Accept-Encoding: gzip, deflate"});
  ASSERT_EQ(gzipped.status, 200);
  EXPECT_EQ(gzipped.body, kAppJsGz);
  EXPECT_EQ(gzipped.header("content-encoding"), "gzip");
  EXPECT_TRUE(gzipped.header("content-type").starts_with("text/javascript")) << gzipped.header("content-type");
  EXPECT_NE(gzipped.header("vary").find("Accept-Encoding"), std::string::npos);
  EXPECT_NE(gzipped.header("etag"), plain.header("etag"));

  auto refused = client_.get("/assets/app.js", {"Accept-Encoding: gzip;q=0"});
  EXPECT_EQ(refused.body, kAppJs);
}

TEST_F(WebFrontEnd, MissingAssetIsANotFoundProblemNotTheApp) {
  auto result = client_.get("/assets/missing.js");
  expect_problem(result, 404);
  EXPECT_EQ(result.body.find("<!doctype"), std::string::npos);
}

TEST_F(WebFrontEnd, UnknownApiPathIsANotFoundProblemNotTheApp) {
  const std::vector<std::string> paths{"/api/v1/nope", "/api", "/api/v1/regions/16.71.07/extra"};
  for (const auto& path : paths) {
    auto result = client_.get(path);
    expect_problem(result, 404);
    EXPECT_EQ(result.body.find("<!doctype"), std::string::npos) << path;
  }
}

TEST_F(WebFrontEnd, NothingOutsideTheRootOrHiddenIsServed) {
  const std::vector<std::string> paths{"/%2e%2e/secret.txt", "/assets/%2E%2E/%2E%2E/secret.txt", "/.env"};
  for (const auto& path : paths) {
    auto result = client_.get(path);
    EXPECT_NE(result.status, 200) << path;
    EXPECT_EQ(result.body.find("outside the web root"), std::string::npos) << path;
    EXPECT_EQ(result.body.find("SECRET"), std::string::npos) << path;
  }
}

TEST_F(WebFrontEnd, UnchangedFileIsNotModified) {
  auto first = client_.get("/assets/app.js");
  auto etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  auto again = client_.get("/assets/app.js", {"If-None-Match: " + etag});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.header("etag"), etag);

  auto other = client_.get("/assets/app.js", {"If-None-Match: \"something-else\""});
  EXPECT_EQ(other.status, 200);
  EXPECT_EQ(other.body, kAppJs);
}

}  // namespace
}  // namespace sigap::testing
