// Kemendagri region codes as a table: a new rule is a new row.
#include "domain/master_data/region_code.hpp"

#include <optional>

#include <gtest/gtest.h>

namespace sigap::domain::master_data {
namespace {

struct CodeCase {
  std::string_view code;
  std::optional<RegionLevel> level;  // nullopt: invalid
};

void PrintTo(const CodeCase& row, std::ostream* out) {
  *out << '"' << row.code << "\" -> " << (row.level ? to_string(*row.level) : "invalid");
}

class RegionCode : public ::testing::TestWithParam<CodeCase> {};

TEST_P(RegionCode, AcceptsOnlyTheFourKemendagriShapes) {
  const auto& row = GetParam();
  auto level = parse_region_code(row.code);
  if (row.level) {
    ASSERT_TRUE(level.ok()) << "\"" << row.code << "\" should be valid";
    EXPECT_EQ(*level, *row.level) << row.code;
  } else {
    ASSERT_FALSE(level.ok()) << "\"" << row.code << "\" should be invalid";
    EXPECT_EQ(level.error().code(), ErrorCode::validation);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, RegionCode,
    ::testing::Values(CodeCase{"16", RegionLevel::province}, CodeCase{"16.71", RegionLevel::city},
                      CodeCase{"16.71.01", RegionLevel::district}, CodeCase{"16.71.01.1001", RegionLevel::village},
                      CodeCase{"11.01.01.2001", RegionLevel::village},
                      CodeCase{"", std::nullopt}, CodeCase{"1", std::nullopt}, CodeCase{"161", std::nullopt},
                      CodeCase{"16.7", std::nullopt}, CodeCase{"16.711", std::nullopt},
                      CodeCase{"16.71.1", std::nullopt}, CodeCase{"16.71.01.100", std::nullopt},
                      CodeCase{"16.71.01.10011", std::nullopt}, CodeCase{"16..71", std::nullopt},
                      CodeCase{"16.71.01.1001.1", std::nullopt}, CodeCase{"16.71.01.1001.", std::nullopt},
                      CodeCase{".16", std::nullopt}, CodeCase{"16.", std::nullopt}, CodeCase{"ab", std::nullopt},
                      CodeCase{"16.7a", std::nullopt}, CodeCase{" 16", std::nullopt},
                      CodeCase{"16-71", std::nullopt}, CodeCase{"16.71.01.1001 ", std::nullopt}));

TEST(RegionCodeError, NamesTheGivenField) {
  auto level = parse_region_code("16.7", "parent_code");
  ASSERT_FALSE(level.ok());
  ASSERT_EQ(level.error().fields().size(), 1U);
  EXPECT_EQ(level.error().fields()[0].field, "parent_code");
  EXPECT_FALSE(level.error().fields()[0].message.en.empty());
  EXPECT_FALSE(level.error().fields()[0].message.id.empty());
}

TEST(RegionCodeError, NamesCodeWhenNoFieldIsGiven) {
  auto level = parse_region_code("x");
  ASSERT_FALSE(level.ok());
  ASSERT_EQ(level.error().fields().size(), 1U);
  EXPECT_EQ(level.error().fields()[0].field, "code");
}

TEST(ParentRegionCode, DropsTheLastSegment) {
  EXPECT_EQ(parent_region_code("16.71.01.1001"), "16.71.01");
  EXPECT_EQ(parent_region_code("16.71.01"), "16.71");
  EXPECT_EQ(parent_region_code("16.71"), "16");
}

TEST(ParentRegionCode, ProvinceHasNoParent) { EXPECT_EQ(parent_region_code("16"), ""); }

TEST(RegionLevelText, RoundTripsEveryLevel) {
  for (auto level : {RegionLevel::province, RegionLevel::city, RegionLevel::district, RegionLevel::village}) {
    auto parsed = region_level_from_string(to_string(level), "level");
    ASSERT_TRUE(parsed.ok()) << to_string(level);
    EXPECT_EQ(*parsed, level);
  }
  EXPECT_EQ(to_string(RegionLevel::district), "district");
}

TEST(RegionLevelText, UnknownLevelNamesTheField) {
  for (std::string_view text : {"kecamatan", "", "District"}) {
    auto parsed = region_level_from_string(text, "level");
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.error().code(), ErrorCode::validation);
    ASSERT_EQ(parsed.error().fields().size(), 1U);
    EXPECT_EQ(parsed.error().fields()[0].field, "level");
  }
}

}  // namespace
}  // namespace sigap::domain::master_data
