#pragma once

#include <span>
#include <string>
#include <string_view>

#include "domain/sla/sla_policy.hpp"

namespace sigap::domain::sla {

/// One row of the admins' SLA policies: for a category, a unit, both, or neither ('' = any).
struct SlaPolicyRule {
  std::string category_code;
  std::string unit_code;
  SlaPolicy policy;
  bool operator==(const SlaPolicyRule&) const = default;
};

/// The policy a case of `category_code` held by `unit_code` follows: the rule for that unit and
/// category, else the rule for the category (any unit), else the rule for the unit (any
/// category), else the rule for neither (the city's own default), else `fallback` (the national
/// defaults with the configured first-response rule). An empty category matches only the rules
/// for any category.
SlaPolicy policy_for(std::span<const SlaPolicyRule> rules, std::string_view category_code, std::string_view unit_code,
                     const SlaPolicy& fallback);

}  // namespace sigap::domain::sla
