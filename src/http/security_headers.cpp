#include "http/security_headers.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

namespace sigap::http {

namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kAlwaysHeaders{{
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "strict-origin-when-cross-origin"},
    {"X-Frame-Options", "DENY"},
    {"Cross-Origin-Opener-Policy", "same-origin"},
    {"Permissions-Policy", "geolocation=(self), camera=(self), microphone=()"},
}};

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

const std::string* find_header(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (equals_ignoring_case(key, name)) return &value;
  }
  return nullptr;
}

void add_if_absent(Response& response, std::string_view name, std::string_view value) {
  if (find_header(response, name) == nullptr) response.headers.emplace_back(std::string(name), std::string(value));
}

// The media type without parameters and blanks: " Text/HTML; charset=utf-8" -> "Text/HTML".
std::string_view media_type_of(const Response& response) {
  const auto* content_type = find_header(response, "Content-Type");
  if (content_type == nullptr) return {};
  std::string_view media_type(*content_type);
  media_type = media_type.substr(0, media_type.find(';'));
  auto first = media_type.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return media_type.substr(first, media_type.find_last_not_of(" \t") + 1 - first);
}

std::string_view policy_for(const Response& response) {
  auto media_type = media_type_of(response);
  if (equals_ignoring_case(media_type, "text/html")) return kHtmlContentSecurityPolicy;
  if (equals_ignoring_case(media_type, "text/javascript") ||
      equals_ignoring_case(media_type, "application/javascript")) {
    return kScriptContentSecurityPolicy;
  }
  return kDefaultContentSecurityPolicy;
}

}  // namespace

void add_security_headers(Response& response) {
  for (const auto& [name, value] : kAlwaysHeaders) add_if_absent(response, name, value);
  if (response.status == 304) return;
  add_if_absent(response, "Content-Security-Policy", policy_for(response));
}

}  // namespace sigap::http
