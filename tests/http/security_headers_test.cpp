// The browser-hardening headers every response carries, and which Content-Security-Policy.
#include "http/security_headers.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sigap::http {
namespace {

const std::vector<std::pair<std::string, std::string>> kAlways{
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy", "geolocation=(self), camera=(self), microphone=()"},
};

constexpr std::string_view kAppPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob: https:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'; worker-src 'self'; manifest-src 'self'";
constexpr std::string_view kLockedPolicy = "default-src 'none'; frame-ancestors 'none'";
constexpr std::string_view kWorkerPolicy = "default-src 'none'; connect-src 'self'; frame-ancestors 'none'";

Response with_type(std::string content_type, int status = 200) {
  Response response;
  response.status = status;
  if (!content_type.empty()) response.set_header("Content-Type", std::move(content_type));
  return response;
}

int count_named(const Response& response, std::string_view lower_name) {
  int count = 0;
  for (const auto& [name, value] : response.headers) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == lower_name) ++count;
  }
  return count;
}

TEST(SecurityHeadersTest, ConstantsAreTheDocumentedPolicies) {
  EXPECT_EQ(kHtmlContentSecurityPolicy, kAppPolicy);
  EXPECT_EQ(kDefaultContentSecurityPolicy, kLockedPolicy);
  EXPECT_EQ(kScriptContentSecurityPolicy, kWorkerPolicy);
}

TEST(SecurityHeadersTest, EveryResponseGetsTheFixedHeaders) {
  for (const auto& content_type : {"application/json; charset=utf-8", "application/problem+json; charset=utf-8",
                                   "text/html; charset=utf-8", "image/jpeg", "text/csv", ""}) {
    for (int status : {200, 201, 204, 304, 404, 429, 500}) {
      auto response = with_type(content_type, status);
      add_security_headers(response);
      for (const auto& [name, value] : kAlways) {
        EXPECT_EQ(response.header(name), value) << name << " on " << status << " " << content_type;
      }
    }
  }
}

TEST(SecurityHeadersTest, ContentSecurityPolicyByContentType) {
  struct Case {
    std::string content_type;
    std::string_view policy;
  };
  for (const auto& row : std::vector<Case>{
           {"text/html; charset=utf-8", kAppPolicy},
           {"text/html", kAppPolicy},
           {"TEXT/HTML;charset=UTF-8", kAppPolicy},
           {" text/html ; charset=utf-8", kAppPolicy},
           {"application/json; charset=utf-8", kLockedPolicy},
           {"application/problem+json; charset=utf-8", kLockedPolicy},
           // The service worker fetches the shell it keeps from our origin, and nothing else.
           {"text/javascript; charset=utf-8", kWorkerPolicy},
           {"application/javascript", kWorkerPolicy},
           {"image/svg+xml", kLockedPolicy},
           {"text/htmlx", kLockedPolicy},
           {"application/xhtml+xml", kLockedPolicy},
           {"", kLockedPolicy},
       }) {
    auto response = with_type(row.content_type);
    add_security_headers(response);
    EXPECT_EQ(response.header("Content-Security-Policy"), row.policy) << "'" << row.content_type << "'";
  }
}

TEST(SecurityHeadersTest, ContentTypeIsFoundWhateverItsCase) {
  Response response;
  response.headers.emplace_back("content-type", "text/html; charset=utf-8");
  add_security_headers(response);
  EXPECT_EQ(response.header("Content-Security-Policy"), kAppPolicy);
}

TEST(SecurityHeadersTest, NotModifiedKeepsTheCachedPolicy) {
  auto response = with_type("", 304);
  add_security_headers(response);
  EXPECT_EQ(count_named(response, "content-security-policy"), 0);
  EXPECT_EQ(response.header("X-Frame-Options"), "DENY");
}

TEST(SecurityHeadersTest, NeverOverwritesWhatTheHandlerSet) {
  auto response = with_type("text/html; charset=utf-8");
  response.set_header("X-Frame-Options", "SAMEORIGIN");
  response.headers.emplace_back("content-security-policy", "default-src 'self'");
  response.headers.emplace_back("referrer-policy", "no-referrer");
  add_security_headers(response);
  EXPECT_EQ(response.header("X-Frame-Options"), "SAMEORIGIN");
  EXPECT_EQ(response.header("content-security-policy"), "default-src 'self'");
  EXPECT_EQ(response.header("referrer-policy"), "no-referrer");
  EXPECT_EQ(count_named(response, "content-security-policy"), 1);
  EXPECT_EQ(count_named(response, "referrer-policy"), 1);
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
}

TEST(SecurityHeadersTest, AddingTwiceChangesNothing) {
  auto response = with_type("application/json");
  add_security_headers(response);
  auto once = response.headers;
  add_security_headers(response);
  EXPECT_EQ(response.headers, once);
  EXPECT_EQ(response.headers.size(), 1 + kAlways.size() + 1);
}

TEST(SecurityHeadersTest, LeavesStatusAndBodyAlone) {
  auto response = with_type("application/json", 201);
  response.body = "{}";
  add_security_headers(response);
  EXPECT_EQ(response.status, 201);
  EXPECT_EQ(response.body, "{}");
  EXPECT_FALSE(response.close);
}

}  // namespace
}  // namespace sigap::http
