#include "crypto/recovery_codes.hpp"

#include <regex>
#include <set>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "crypto/hashing.hpp"

namespace sigap::crypto {
namespace {

TEST(RecoveryCodes, AreTenByDefaultAndLookLikeXXXXDashXXXX) {
  const std::regex shape("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$");
  const auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10U);
  for (const auto& code : codes) EXPECT_TRUE(std::regex_match(code, shape)) << code;
}

TEST(RecoveryCodes, AreDistinctWithinAndAcrossBatches) {
  std::set<std::string> seen;
  for (int batch = 0; batch < 50; ++batch) {
    for (const auto& code : new_recovery_codes(20)) EXPECT_TRUE(seen.insert(code).second) << code;
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(RecoveryCodes, CountIsHonouredAndNonPositiveGivesNone) {
  EXPECT_EQ(new_recovery_codes(1).size(), 1U);
  EXPECT_EQ(new_recovery_codes(16).size(), 16U);
  EXPECT_TRUE(new_recovery_codes(0).empty());
  EXPECT_TRUE(new_recovery_codes(-4).empty());
}

TEST(RecoveryCodes, UseTheWholeAlphabetAndNothingElse) {
  std::set<char> used;
  for (const auto& code : new_recovery_codes(400)) {
    for (char c : code) {
      if (c != '-') used.insert(c);
    }
  }
  // 3,200 draws from 32 symbols: every symbol appears (missing one has probability ~1e-42).
  EXPECT_EQ(used, (std::set<char>{'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F',
                                  'G', 'H', 'J', 'K', 'M', 'N', 'P', 'Q', 'R', 'S', 'T', 'V', 'W', 'X', 'Y', 'Z'}));
}

struct NormalizeCase {
  std::string_view typed;
  std::string_view normalized;
};

void PrintTo(const NormalizeCase& row, std::ostream* out) { *out << '"' << row.typed << '"'; }

class RecoveryCodeNormalize : public ::testing::TestWithParam<NormalizeCase> {};

TEST_P(RecoveryCodeNormalize, FollowsTheTable) {
  EXPECT_EQ(normalize_recovery_code(GetParam().typed), GetParam().normalized);
}

INSTANTIATE_TEST_SUITE_P(Table, RecoveryCodeNormalize,
                         ::testing::Values(NormalizeCase{"7KX3-QM2D", "7KX3QM2D"},
                                           NormalizeCase{"7kx3 qm2d", "7KX3QM2D"},
                                           NormalizeCase{" 7kx3--qm2d ", "7KX3QM2D"},
                                           NormalizeCase{"oO0-iIlL",
                                                         "000"
                                                         "1111"},
                                           NormalizeCase{"u", "U"},  // not Crockford, kept: stays wrong
                                           NormalizeCase{"", ""}, NormalizeCase{"- -", ""}));

}  // namespace
}  // namespace sigap::crypto
