#include "domain/sla/policy_lookup.hpp"

#include <array>
#include <utility>

namespace sigap::domain::sla {

SlaPolicy policy_for(std::span<const SlaPolicyRule> rules, std::string_view category_code, std::string_view unit_code,
                     const SlaPolicy& fallback) {
  // Most specific first: (category, unit), (category, any), (any, unit), (any, any).
  const std::array<std::pair<std::string_view, std::string_view>, 4> order{{
      {category_code, unit_code},
      {category_code, ""},
      {"", unit_code},
      {"", ""},
  }};
  for (const auto& [category, unit] : order) {
    for (const auto& rule : rules) {
      if (rule.category_code == category && rule.unit_code == unit) return rule.policy;
    }
  }
  return fallback;
}

}  // namespace sigap::domain::sla
