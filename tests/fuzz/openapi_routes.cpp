#include "fuzz/openapi_routes.hpp"

#include <cctype>
#include <string>

namespace sigap::fuzz {

namespace {

std::size_t indent_of(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && line[n] == ' ') ++n;
  return n;
}

// "  /api/v1/units/{id}:" -> "/api/v1/units/{id}"; "    get:" -> "get"; "" for other lines.
std::string_view key_of(std::string_view line) {
  line.remove_prefix(indent_of(line));
  auto colon = line.find(':');
  if (colon == std::string_view::npos || (colon + 1 < line.size() && line[colon + 1] != ' ')) return {};
  auto key = line.substr(0, colon);
  if (key.size() >= 2 && (key.front() == '\'' || key.front() == '"') && key.back() == key.front()) {
    key = key.substr(1, key.size() - 2);
  }
  return key;
}

bool is_method(std::string_view key) {
  for (auto method : {"get", "put", "post", "delete", "patch", "head", "options"}) {
    if (key == method) return true;
  }
  return false;
}

}  // namespace

std::vector<http::Route> documented_routes() {
  std::vector<http::Route> routes;
  std::string_view yaml = openapi_yaml();
  bool in_paths = false;
  std::string path;
  while (!yaml.empty()) {
    auto end = yaml.find('\n');
    auto line = yaml.substr(0, end);
    yaml = end == std::string_view::npos ? std::string_view() : yaml.substr(end + 1);
    if (line.empty() || line.find_first_not_of(' ') == std::string_view::npos) continue;
    auto indent = indent_of(line);
    auto key = key_of(line);
    if (indent == 0) {
      in_paths = key == "paths";
      continue;
    }
    if (!in_paths) continue;
    if (indent == 2 && key.starts_with('/')) {
      path = std::string(key);
    } else if (indent == 4 && !path.empty() && is_method(key)) {
      std::string method(key);
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      routes.push_back(http::Route{std::move(method), path, [](const http::Request&) { return http::Response{}; }});
    }
  }
  return routes;
}

}  // namespace sigap::fuzz
