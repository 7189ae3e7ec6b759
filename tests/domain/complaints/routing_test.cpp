// Routing as a table: which unit a (category, region) reaches, and when a case has bounced
// between units too often. A new rule is a new row.
#include "domain/complaints/routing.hpp"

#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

// Palembang: kecamatan Ilir Barat Dua is 16.71.01, its kelurahan 35 Ilir is 16.71.01.1001 and
// 32 Ilir is 16.71.01.1002; Sukarami is 16.71.07.
const std::vector<RoutingRule> kRules{
    {"", "", "pemkot-palembang"},                        // anything, anywhere
    {"jalan-rusak", "", "dinas-pupr"},                   // roads, whole city
    {"sampah", "", "dlhk"},                              // rubbish, whole city
    {"", "16.71.01", "kecamatan-16.71.01"},              // anything in Ilir Barat Dua
    {"sampah", "16.71.01", "dlhk-upt-ilir-barat"},       // rubbish in Ilir Barat Dua
    {"", "16.71.01.1001", "kelurahan-16.71.01.1001"},    // anything in 35 Ilir
    {"lampu-jalan", "16.71.07", "dishub-upt-sukarami"},  // street lights in Sukarami
    {"air-bersih", "16.71", "tirta-musi"},               // water, the city by its code
    {"banjir-drainase", "16.71.99.9", "never-matches"},  // a malformed region
};

struct Row {
  const char* why;
  std::string_view category;
  std::string_view region;
  std::optional<std::string> expected;
};

void PrintTo(const Row& row, std::ostream* out) { *out << row.why; }

class RoutingTable : public ::testing::TestWithParam<Row> {};

TEST_P(RoutingTable, PicksTheMostSpecificRule) {
  const auto& row = GetParam();
  EXPECT_EQ(route(kRules, row.category, row.region, "triase-kominfo"), row.expected) << row.why;
}

INSTANTIATE_TEST_SUITE_P(
    Specificity, RoutingTable,
    ::testing::Values(
        Row{"kelurahan any-category beats kecamatan for the category", "sampah", "16.71.01.1001",
            "kelurahan-16.71.01.1001"},
        Row{"kelurahan any-category beats city for the category", "jalan-rusak", "16.71.01.1001",
            "kelurahan-16.71.01.1001"},
        Row{"kecamatan for the category beats kecamatan any-category", "sampah", "16.71.01.1002",
            "dlhk-upt-ilir-barat"},
        Row{"kecamatan any-category beats city for the category", "jalan-rusak", "16.71.01.1002", "kecamatan-16.71.01"},
        Row{"a complaint placed at the kecamatan only reaches kecamatan rules", "sampah", "16.71.01",
            "dlhk-upt-ilir-barat"},
        Row{"a kelurahan rule does not cover its kecamatan", "pendidikan", "16.71.01", "kecamatan-16.71.01"},
        Row{"a kecamatan rule for another category does not match", "jalan-rusak", "16.71.07.1005", "dinas-pupr"},
        Row{"a kecamatan rule for the category", "lampu-jalan", "16.71.07.1005", "dishub-upt-sukarami"},
        Row{"another kecamatan's rule does not match", "lampu-jalan", "16.71.05.1001", "pemkot-palembang"},
        Row{"the city by its code beats the empty region", "air-bersih", "16.71.07.1005", "tirta-musi"},
        Row{"the city by its code loses to the kecamatan", "air-bersih", "16.71.01.1002", "kecamatan-16.71.01"},
        Row{"city for the category beats city any-category", "jalan-rusak", "16.71.07.1005", "dinas-pupr"},
        Row{"no region: only city-wide rules", "sampah", "", "dlhk"},
        Row{"no region, no category rule: city any-category", "pendidikan", "", "pemkot-palembang"},
        Row{"no category: any-category rules only", "", "16.71.07.1005", "pemkot-palembang"},
        Row{"no category in a kelurahan with its own rule", "", "16.71.01.1001", "kelurahan-16.71.01.1001"},
        Row{"a malformed complaint region is treated as unknown", "sampah", "16.71.01.10", "dlhk"},
        Row{"a malformed rule region never matches", "banjir-drainase", "16.71.07.1005", "pemkot-palembang"},
        Row{"a category's code must match exactly", "Sampah", "16.71.07.1005", "pemkot-palembang"},
        Row{"the same kelurahan number in another kecamatan", "pendidikan", "16.71.07.1001", "pemkot-palembang"}));

TEST(Routing, FallsBackToTheTriageUnit) {
  const std::vector<RoutingRule> rules{{"jalan-rusak", "16.71.01", "dinas-pupr"}};
  EXPECT_EQ(route(rules, "sampah", "16.71.01.1001", "triase-kominfo"), "triase-kominfo");
  EXPECT_EQ(route(rules, "jalan-rusak", "16.71.07.1005", "triase-kominfo"), "triase-kominfo");
  EXPECT_EQ(route({}, "jalan-rusak", "16.71.01.1001", "triase-kominfo"), "triase-kominfo");
}

TEST(Routing, NothingMatchesAndNoTriageUnitIsNothing) {
  EXPECT_EQ(route({}, "sampah", "16.71.01.1001", ""), std::nullopt);
  EXPECT_EQ(route(kRules, "sampah", "16.71.01.1001", ""), "kelurahan-16.71.01.1001");
}

TEST(Routing, BetweenEqualRulesTheFirstListedWins) {
  const std::vector<RoutingRule> rules{{"sampah", "16.71.01", "first"}, {"sampah", "16.71.01", "second"}};
  EXPECT_EQ(route(rules, "sampah", "16.71.01.1003", "triase"), "first");
}

TEST(Routing, OrderOfRulesDoesNotChangeTheWinner) {
  std::vector<RoutingRule> reversed(kRules.rbegin(), kRules.rend());
  EXPECT_EQ(route(reversed, "sampah", "16.71.01.1002", "triase"), "dlhk-upt-ilir-barat");
  EXPECT_EQ(route(reversed, "sampah", "16.71.01.1001", "triase"), "kelurahan-16.71.01.1001");
  EXPECT_EQ(route(reversed, "jalan-rusak", "", "triase"), "dinas-pupr");
}

struct BounceRow {
  const char* why;
  std::vector<std::string> history;
  int bounces;
  bool flagged;
};

void PrintTo(const BounceRow& row, std::ostream* out) { *out << row.why; }

class BounceTable : public ::testing::TestWithParam<BounceRow> {};

TEST_P(BounceTable, CountsReturnsToEarlierHolders) {
  const auto& row = GetParam();
  EXPECT_EQ(bounce_count(row.history), row.bounces) << row.why;
  EXPECT_EQ(bounced_too_often(row.history), row.flagged) << row.why;
}

INSTANTIATE_TEST_SUITE_P(
    Disposisi, BounceTable,
    ::testing::Values(
        BounceRow{"never held", {}, 0, false}, BounceRow{"routed once", {"triase"}, 0, false},
        BounceRow{"forwarded along, never back", {"triase", "dinas-pupr", "kecamatan-16.71.01", "dlhk"}, 0, false},
        BounceRow{"sent back once", {"dinas-pupr", "dlhk", "dinas-pupr"}, 1, false},
        BounceRow{"three bounces is still allowed", {"A", "B", "A", "B", "A"}, 3, false},
        BounceRow{"the fourth bounce flags it", {"A", "B", "A", "B", "A", "B"}, 4, true},
        BounceRow{"a ring of three, round twice", {"A", "B", "C", "A", "B", "C", "A"}, 4, true},
        BounceRow{"back to the triage unit counts", {"triase", "A", "triase", "B", "triase", "C", "triase"}, 3, false},
        BounceRow{"one more back to triage flags it",
                  {"triase", "A", "triase", "B", "triase", "C", "triase", "D", "triase"},
                  4,
                  true},
        BounceRow{"a repeated entry is no forward", {"A", "A", "B", "B", "A", "A"}, 1, false},
        BounceRow{
            "new units between returns do not reset the count", {"A", "B", "A", "C", "A", "D", "B", "E"}, 3, false},
        BounceRow{"...and the next return flags it", {"A", "B", "A", "C", "A", "D", "B", "E", "C"}, 4, true}));

}  // namespace
}  // namespace sigap::domain::complaints
