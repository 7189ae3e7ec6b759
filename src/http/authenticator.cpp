#include "http/authenticator.hpp"

#include <fmt/format.h>

namespace sigap::http {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool over_tls(const Request& request) {
  auto forwarded = request.header("x-forwarded-proto");
  return forwarded && trim(*forwarded) == "https";
}

}  // namespace

std::optional<std::string> cookie_value(const Request& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (key != "cookie") continue;
    std::string_view list = value;
    while (!list.empty()) {
      auto semicolon = list.find(';');
      auto pair = trim(list.substr(0, semicolon));
      list = semicolon == std::string_view::npos ? "" : list.substr(semicolon + 1);
      auto eq = pair.find('=');
      if (eq != std::string_view::npos && pair.substr(0, eq) == name) return std::string(pair.substr(eq + 1));
    }
  }
  return std::nullopt;
}

std::string session_cookie(const Request& request, const std::string& token, std::chrono::seconds max_age) {
  return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Lax{}", kSessionCookie, token, max_age.count(),
                     over_tls(request) ? "; Secure" : "");
}

std::string expired_session_cookie(const Request& request) {
  return fmt::format("{}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax{}", kSessionCookie,
                     over_tls(request) ? "; Secure" : "");
}

Result<app::identity::Authenticated> Authenticator::authenticate(const Request& request) const {
  if (auto authorization = request.header("authorization")) {
    auto value = trim(*authorization);
    if (value.size() > 7 && (value.starts_with("Bearer ") || value.starts_with("bearer "))) {
      return app::identity::actor_from_api_key(storage_, clock_, std::string(trim(value.substr(7))));
    }
    return Error(ErrorCode::unauthenticated, Text{"Gunakan \"Authorization: Bearer <kunci API>\".",
                                                  "Use \"Authorization: Bearer <API key>\"."});
  }
  if (auto token = cookie_value(request, kSessionCookie); token && !token->empty()) {
    return app::identity::actor_from_session(storage_, clock_, policy_, *token);
  }
  return app::identity::Authenticated{};
}

}  // namespace sigap::http
