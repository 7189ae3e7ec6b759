#include "http/router.hpp"

#include <algorithm>
#include <optional>

namespace sigap::http {

namespace {

std::vector<std::string_view> segments_of(std::string_view path) {
  std::vector<std::string_view> segments;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    auto slash = path.find('/');
    segments.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path = path.substr(slash + 1);
  }
  return segments;
}

// A parameter segment: "{name}", or "{name}" and a literal suffix ("{id}.json").
struct Parameter {
  std::string_view name;
  std::string_view suffix;
};

std::optional<Parameter> parameter_of(std::string_view segment) {
  if (segment.size() < 3 || segment.front() != '{') return std::nullopt;
  auto close = segment.find('}');
  if (close == std::string_view::npos || close < 2) return std::nullopt;
  auto suffix = segment.substr(close + 1);
  if (suffix.find_first_of("{}") != std::string_view::npos) return std::nullopt;
  return Parameter{segment.substr(1, close - 1), suffix};
}

bool is_parameter(std::string_view segment) { return parameter_of(segment).has_value(); }

// Per segment, whether it is a literal. Compared position by position this orders patterns so a
// literal beats a parameter at the same position; two patterns that fit the same path with equal
// masks are the same path (their parameters may be named differently).
std::vector<bool> literal_mask(std::string_view pattern) {
  std::vector<bool> mask;
  for (auto segment : segments_of(pattern)) mask.push_back(!is_parameter(segment));
  return mask;
}

std::vector<Router::Segment> parsed(std::string_view pattern) {
  std::vector<Router::Segment> out;
  for (auto segment : segments_of(pattern)) {
    if (auto parameter = parameter_of(segment)) {
      out.push_back({true, std::string(parameter->name), std::string(parameter->suffix)});
    } else {
      out.push_back({false, std::string(segment), {}});
    }
  }
  return out;
}

// Whether `path` fits the pattern's segments; the parameters are filled only for a fit.
bool fits(const std::vector<Router::Segment>& pattern, const std::vector<std::string_view>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!pattern[i].parameter) {
      if (pattern[i].text != path[i]) return false;
    } else if (path[i].size() <= pattern[i].suffix.size() || !path[i].ends_with(pattern[i].suffix)) {
      return false;
    }
  }
  return true;
}

std::map<std::string, std::string, std::less<>> parameters(const std::vector<Router::Segment>& pattern,
                                                           const std::vector<std::string_view>& path) {
  std::map<std::string, std::string, std::less<>> found;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!pattern[i].parameter) continue;
    auto value = path[i];
    value.remove_suffix(pattern[i].suffix.size());
    found.emplace(pattern[i].text, std::string(value));
  }
  return found;
}

}  // namespace

Router::Router(std::vector<Route> routes) : routes_(std::move(routes)) {
  std::stable_sort(routes_.begin(), routes_.end(), [](const Route& a, const Route& b) {
    return literal_mask(a.pattern) > literal_mask(b.pattern);
  });
  for (const auto& route : routes_) {
    segments_.push_back(parsed(route.pattern));
    literal_masks_.push_back(literal_mask(route.pattern));
  }
}

Router::Match Router::match(std::string_view method, std::string_view path) const {
  Match result;
  auto segments = segments_of(path);
  // The most literal pattern that fits the path decides which methods exist for it.
  std::optional<std::size_t> first_fit;
  for (std::size_t i = 0; i < routes_.size(); ++i) {
    const auto& route = routes_[i];
    if (!fits(segments_[i], segments)) continue;
    if (first_fit && literal_masks_[i] != literal_masks_[*first_fit]) continue;
    first_fit = i;
    bool same_method = route.method == method || (method == "HEAD" && route.method == "GET");
    if (same_method && !result.route) {
      result.route = &route;
      result.params = parameters(segments_[i], segments);
    }
    if (std::find(result.allowed_methods.begin(), result.allowed_methods.end(), route.method) ==
        result.allowed_methods.end()) {
      result.allowed_methods.push_back(route.method);
      if (route.method == "GET") result.allowed_methods.emplace_back("HEAD");
    }
  }
  if (result.route) result.allowed_methods.clear();
  return result;
}

}  // namespace sigap::http
