// Which SLA policy a case follows: unit + category, else category, else unit, else the city's
// own default row, else the configured national defaults.
#include "domain/sla/policy_lookup.hpp"

#include <vector>

#include <gtest/gtest.h>

namespace sigap::domain::sla {
namespace {

SlaPolicy resolving_in(int days) { return SlaPolicy{kDefaultVerify, kDefaultFollowUp, SlaTarget::calendar_days(days)}; }

TEST(PolicyFor, TheMostSpecificRuleWins) {
  const std::vector<SlaPolicyRule> all{
      {"jalan", "dinas-pupr", resolving_in(10)},
      {"jalan", "", resolving_in(20)},
      {"", "dinas-pupr", resolving_in(30)},
      {"", "", resolving_in(40)},
  };
  const std::vector<SlaPolicyRule> no_city_row(all.begin(), all.begin() + 3);
  const auto fallback = default_sla_policy(FirstResponseRule::within_24_hours);
  struct Row {
    const char* name;
    const std::vector<SlaPolicyRule>& rules;
    const char* category;
    const char* unit;
    SlaPolicy expected;
  };
  const Row rows[] = {
      {"unit and category", all, "jalan", "dinas-pupr", resolving_in(10)},
      {"category at another unit", all, "jalan", "kelurahan-1", resolving_in(20)},
      {"unit for another category", all, "sampah", "dinas-pupr", resolving_in(30)},
      {"no category: the unit's rule", all, "", "dinas-pupr", resolving_in(30)},
      {"neither: the city's row", all, "sampah", "kelurahan-1", resolving_in(40)},
      {"no city row: the configured defaults", no_city_row, "sampah", "kelurahan-1", fallback},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(policy_for(row.rules, row.category, row.unit, fallback), row.expected) << row.name;
  }
  EXPECT_EQ(fallback.first_response, SlaTarget::hours(24)) << "Central Java's switch";
}

}  // namespace
}  // namespace sigap::domain::sla
