#include "domain/complaints/routing.hpp"

#include <algorithm>

#include "domain/master_data/region_code.hpp"

namespace sigap::domain::complaints {

namespace {

namespace master_data = sigap::domain::master_data;

// How specific a rule's region is: the whole city (empty) is 0; a Kemendagri code counts its
// level from province (1) to kelurahan (4). nullopt: a malformed code.
std::optional<int> region_specificity(std::string_view region_code) {
  if (region_code.empty()) return 0;
  auto level = master_data::parse_region_code(region_code);
  if (!level.ok()) return std::nullopt;
  return static_cast<int>(*level) + 1;
}

// Whether `area` is `region` or one of its ancestors. Codes nest by segments, so walk up.
bool covers(std::string_view area, std::string_view region) {
  std::string current(region);
  while (!current.empty()) {
    if (current == area) return true;
    current = master_data::parent_region_code(current);
  }
  return false;
}

}  // namespace

std::optional<std::string> route(const std::vector<RoutingRule>& rules, std::string_view category_code,
                                 std::string_view region_code, std::string_view default_unit) {
  const bool region_valid = !region_code.empty() && master_data::parse_region_code(region_code).ok();
  const RoutingRule* best = nullptr;
  int best_score = -1;
  for (const auto& rule : rules) {
    if (!rule.category_code.empty() && rule.category_code != category_code) continue;
    auto specificity = region_specificity(rule.region_code);
    if (!specificity) continue;
    if (*specificity > 0 && (!region_valid || !covers(rule.region_code, region_code))) continue;
    // Region first, then category: a more specific region outweighs any category bonus.
    int score = *specificity * 2 + (rule.category_code.empty() ? 0 : 1);
    if (score > best_score) {
      best = &rule;
      best_score = score;
    }
  }
  if (best != nullptr) return best->unit_code;
  if (default_unit.empty()) return std::nullopt;
  return std::string(default_unit);
}

int bounce_count(const std::vector<std::string>& holder_history) {
  int bounces = 0;
  for (std::size_t i = 1; i < holder_history.size(); ++i) {
    if (holder_history[i] == holder_history[i - 1]) continue;
    auto earlier_end = holder_history.begin() + static_cast<std::ptrdiff_t>(i);
    if (std::find(holder_history.begin(), earlier_end, holder_history[i]) != earlier_end) ++bounces;
  }
  return bounces;
}

bool bounced_too_often(const std::vector<std::string>& holder_history) {
  return bounce_count(holder_history) > kMaxBounces;
}

}  // namespace sigap::domain::complaints
