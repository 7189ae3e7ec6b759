// Which route answers a method and path, and what a 404 or 405 tells the client.
#include "http/router.hpp"

#include <gtest/gtest.h>

namespace sigap::http {
namespace {

using Params = std::map<std::string, std::string, std::less<>>;
using Methods = std::vector<std::string>;

// A route whose handler answers with its own label, so a test can see which route matched.
Route route(std::string method, std::string pattern) {
  auto label = method + " " + pattern;
  return Route{std::move(method), std::move(pattern), [label](const Request&) {
                 Response response;
                 response.body = label;
                 return response;
               }};
}

// Which route matched, by its label; "" when none.
std::string matched(const Router::Match& match) {
  return match.route ? match.route->handler(Request{}).body : std::string();
}

class RouterTest : public ::testing::Test {
 protected:
  Router router_{{
      route("GET", "/healthz"),
      route("GET", "/api/v1/regions"),
      route("GET", "/api/v1/regions/{code}"),
      route("POST", "/api/v1/regions/search"),
      route("GET", "/api/v1/units/{id}"),
      route("DELETE", "/api/v1/units/{id}"),
      route("GET", "/api/v1/units/{id}/children/{child}"),
      route("POST", "/api/v1/categories"),
  }};
};

TEST_F(RouterTest, MatchesALiteralPath) {
  auto match = router_.match("GET", "/healthz");
  EXPECT_EQ(matched(match), "GET /healthz");
  EXPECT_TRUE(match.params.empty());
  EXPECT_TRUE(match.allowed_methods.empty());
}

TEST_F(RouterTest, CapturesAPathParameter) {
  auto match = router_.match("GET", "/api/v1/regions/16.71.01");
  EXPECT_EQ(matched(match), "GET /api/v1/regions/{code}");
  EXPECT_EQ(match.params, (Params{{"code", "16.71.01"}}));
}

TEST_F(RouterTest, CapturesSeveralPathParameters) {
  auto match = router_.match("GET", "/api/v1/units/dinas-pu/children/upt-3");
  EXPECT_EQ(matched(match), "GET /api/v1/units/{id}/children/{child}");
  EXPECT_EQ(match.params, (Params{{"id", "dinas-pu"}, {"child", "upt-3"}}));
}

TEST_F(RouterTest, ParameterTakesTheDecodedSegmentAsIs) {
  auto match = router_.match("GET", "/api/v1/regions/Ilir Barat");
  EXPECT_EQ(match.params, (Params{{"code", "Ilir Barat"}}));
}

TEST_F(RouterTest, LiteralSegmentBeatsAParameterListedBeforeIt) {
  auto match = router_.match("POST", "/api/v1/regions/search");
  EXPECT_EQ(matched(match), "POST /api/v1/regions/search");
  EXPECT_TRUE(match.params.empty());
}

TEST_F(RouterTest, ChoosesTheRouteForTheRequestedMethod) {
  EXPECT_EQ(matched(router_.match("GET", "/api/v1/units/7")), "GET /api/v1/units/{id}");
  EXPECT_EQ(matched(router_.match("DELETE", "/api/v1/units/7")), "DELETE /api/v1/units/{id}");
}

TEST_F(RouterTest, HeadIsAnsweredByTheGetRoute) {
  auto match = router_.match("HEAD", "/api/v1/regions/16.71");
  EXPECT_EQ(matched(match), "GET /api/v1/regions/{code}");
  EXPECT_EQ(match.params, (Params{{"code", "16.71"}}));
}

TEST_F(RouterTest, WrongMethodListsTheAllowedOnesIncludingHeadForGet) {
  auto match = router_.match("PUT", "/api/v1/units/7");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (Methods{"GET", "HEAD", "DELETE"}));
}

TEST_F(RouterTest, WrongMethodOnAPostOnlyPathAllowsOnlyPost) {
  auto match = router_.match("GET", "/api/v1/categories");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (Methods{"POST"}));
  EXPECT_EQ(router_.match("HEAD", "/api/v1/categories").allowed_methods, (Methods{"POST"}));
}

TEST_F(RouterTest, UnknownPathMatchesNothingAndAllowsNothing) {
  for (std::string_view path : {"/nope", "/api/v1", "/api/v1/regions/16/extra", "/healthz/", "/api/v1/units/",
                                "/api/v1/units//children/x", "/"}) {
    auto match = router_.match("GET", path);
    EXPECT_EQ(match.route, nullptr) << path;
    EXPECT_TRUE(match.allowed_methods.empty()) << path;
  }
}

TEST_F(RouterTest, MethodsAreCaseSensitive) {
  auto match = router_.match("get", "/healthz");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed_methods, (Methods{"GET", "HEAD"}));
}

TEST(Router, LiteralWinsAtTheSamePositionWhateverTheTableOrder) {
  Router router({route("GET", "/a/{x}/c"), route("GET", "/a/b/{y}")});
  auto match = router.match("GET", "/a/b/c");
  EXPECT_EQ(matched(match), "GET /a/b/{y}");
  EXPECT_EQ(match.params, (Params{{"y", "c"}}));
  EXPECT_EQ(matched(router.match("GET", "/a/z/c")), "GET /a/{x}/c");
}

TEST(Router, SamePathWithDifferentlyNamedParametersStillOffersEveryMethod) {
  Router router({route("GET", "/units/{id}"), route("DELETE", "/units/{unit_id}")});
  auto deleted = router.match("DELETE", "/units/7");
  EXPECT_EQ(matched(deleted), "DELETE /units/{unit_id}");
  EXPECT_EQ(deleted.params, (Params{{"unit_id", "7"}}));
  EXPECT_EQ(router.match("PATCH", "/units/7").allowed_methods, (Methods{"GET", "HEAD", "DELETE"}));
}

TEST(Router, AParameterMayCarryALiteralSuffixInItsSegment) {
  Router router({route("GET", "/open311/v2/requests/{id}.json"), route("GET", "/open311/v2/requests/{id}.xml"),
                 route("GET", "/open311/v2/requests.json")});
  auto json = router.match("GET", "/open311/v2/requests/SGP-7KX3-QM2D.json");
  EXPECT_EQ(matched(json), "GET /open311/v2/requests/{id}.json");
  EXPECT_EQ(json.params, (Params{{"id", "SGP-7KX3-QM2D"}}));
  auto xml = router.match("GET", "/open311/v2/requests/a.b.xml");
  EXPECT_EQ(matched(xml), "GET /open311/v2/requests/{id}.xml");
  EXPECT_EQ(xml.params, (Params{{"id", "a.b"}})) << "only the suffix is cut";
  EXPECT_EQ(matched(router.match("GET", "/open311/v2/requests.json")), "GET /open311/v2/requests.json");
  EXPECT_EQ(matched(router.match("GET", "/open311/v2/requests/SGP-7KX3-QM2D.yaml")), "") << "another suffix";
  EXPECT_EQ(matched(router.match("GET", "/open311/v2/requests/SGP-7KX3-QM2D")), "") << "no suffix";
  EXPECT_EQ(matched(router.match("GET", "/open311/v2/requests/.json")), "") << "an empty parameter";
  EXPECT_EQ(router.match("POST", "/open311/v2/requests/1.xml").allowed_methods, (Methods{"GET", "HEAD"}));
}

TEST(Router, KeepsTheRouteTable) {
  Router router({route("GET", "/a"), route("POST", "/b")});
  EXPECT_EQ(router.routes().size(), 2U);
}

}  // namespace
}  // namespace sigap::http
