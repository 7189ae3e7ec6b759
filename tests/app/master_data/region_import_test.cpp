// Reading region files in the idn-area-data format, and the Palembang file we ship.
#include "app/master_data/region_import.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

namespace sigap::app::master_data {
namespace {

namespace dm = domain::master_data;

std::vector<dm::Region> parsed(std::string_view csv) {
  auto regions = parse_region_csv(csv);
  EXPECT_TRUE(regions.ok()) << (regions.ok() ? "" : regions.error().message().en);
  return regions.ok() ? regions.value() : std::vector<dm::Region>{};
}

// The field names ("line N") of a failed parse, in order.
std::vector<std::string> problem_lines(std::string_view csv) {
  auto regions = parse_region_csv(csv);
  EXPECT_FALSE(regions.ok()) << "accepted:\n" << csv;
  if (regions.ok()) return {};
  EXPECT_EQ(regions.error().code(), ErrorCode::validation);
  std::vector<std::string> lines;
  for (const auto& field : regions.error().fields()) lines.push_back(field.field);
  return lines;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ParseRegionCsv, ReadsIdnAreaDataProvinces) {
  EXPECT_EQ(parsed("code,name\n16,SUMATERA SELATAN\n"),
            (std::vector<dm::Region>{{"16", "", "SUMATERA SELATAN", dm::RegionLevel::province}}));
}

TEST(ParseRegionCsv, ReadsIdnAreaDataRegencies) {
  EXPECT_EQ(parsed("code,province_code,name\n16.71,16,KOTA PALEMBANG\n"),
            (std::vector<dm::Region>{{"16.71", "16", "KOTA PALEMBANG", dm::RegionLevel::city}}));
}

TEST(ParseRegionCsv, ReadsIdnAreaDataDistricts) {
  EXPECT_EQ(parsed("code,regency_code,name\n16.71.07,16.71,Sukarami\n"),
            (std::vector<dm::Region>{{"16.71.07", "16.71", "Sukarami", dm::RegionLevel::district}}));
}

TEST(ParseRegionCsv, ReadsIdnAreaDataVillages) {
  auto regions = parsed("code,district_code,name\r\n16.71.01.1001,16.71.01,Tiga-puluh-lima Ilir\r\n"
                        "16.71.01.1007,16.71.01,Kemangmanis\r\n");
  EXPECT_EQ(regions, (std::vector<dm::Region>{
                         {"16.71.01.1001", "16.71.01", "Tiga-puluh-lima Ilir", dm::RegionLevel::village},
                         {"16.71.01.1007", "16.71.01", "Kemangmanis", dm::RegionLevel::village}}));
}

TEST(ParseRegionCsv, ColumnsMayComeInAnyOrderAndExtraColumnsAreIgnored) {
  EXPECT_EQ(parsed("name,latitude,code\n\"Palembang, Kota\",-2.97,16.71\n"),
            (std::vector<dm::Region>{{"16.71", "16", "Palembang, Kota", dm::RegionLevel::city}}));
}

TEST(ParseRegionCsv, HeaderAfterAByteOrderMarkIsRecognised) {
  EXPECT_EQ(parsed("\xEF\xBB\xBF" "code,name\n16,Sumatera Selatan\n").size(), 1U);
}

TEST(ParseRegionCsv, ParentsComeBeforeTheirChildren) {
  auto regions = parsed("code,parent_code,name\n"
                        "16.71.02.1002,16.71.02,Satu Ulu\n"
                        "16.71.02,16.71,Seberang Ulu Satu\n"
                        "16.71.01.1001,16.71.01,Tiga-puluh-lima Ilir\n"
                        "16.71,16,Kota Palembang\n"
                        "16.71.01,16.71,Ilir Barat Dua\n"
                        "16,,Sumatera Selatan\n");
  std::vector<std::string> codes;
  for (const auto& region : regions) codes.push_back(region.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"16", "16.71", "16.71.01", "16.71.02", "16.71.01.1001", "16.71.02.1002"}));
}

TEST(ParseRegionCsv, ParentColumnThatDisagreesWithTheCodeIsAnErrorNamingTheLine) {
  auto regions = parse_region_csv("code,district_code,name\n"
                                  "16.71.01.1001,16.71.01,Tiga-puluh-lima Ilir\n"
                                  "16.71.02.1002,16.71.01,Satu Ulu\n");
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().code(), ErrorCode::validation);
  ASSERT_EQ(regions.error().fields().size(), 1U);
  EXPECT_EQ(regions.error().fields()[0].field, "line 3");
  EXPECT_NE(regions.error().fields()[0].message.en.find("16.71.02.1002"), std::string::npos)
      << regions.error().fields()[0].message.en;
}

TEST(ParseRegionCsv, EveryBadRowIsReportedNotJustTheFirst) {
  EXPECT_EQ(problem_lines("code,parent_code,name\n"
                          "16,,Sumatera Selatan\n"
                          "16.7,16,Kode Pendek\n"
                          "16.71,16\n"
                          "16.71.01,16.71,Ilir Barat Dua\n"
                          "16.71.02,16.72,Seberang Ulu Satu\n"
                          "16.71.03,16.71,\n"),
            (std::vector<std::string>{"line 3", "line 4", "line 6", "line 7"}));
}

TEST(ParseRegionCsv, RowWithTheWrongNumberOfColumnsIsAnError) {
  EXPECT_EQ(problem_lines("code,name\n16,Sumatera Selatan,extra\n"), (std::vector<std::string>{"line 2"}));
  EXPECT_EQ(problem_lines("code,province_code,name\n16.71,Kota Palembang\n"), (std::vector<std::string>{"line 2"}));
}

TEST(ParseRegionCsv, HeaderWithoutCodeOrNameIsAnErrorOnLine1) {
  EXPECT_EQ(problem_lines("kode,nama\n16,Sumatera Selatan\n"), (std::vector<std::string>{"line 1"}));
  EXPECT_EQ(problem_lines("code,parent_code\n16,\n"), (std::vector<std::string>{"line 1"}));
  EXPECT_EQ(problem_lines("name\nSumatera Selatan\n"), (std::vector<std::string>{"line 1"}));
}

TEST(ParseRegionCsv, EmptyFileIsAnError) {
  EXPECT_EQ(problem_lines(""), (std::vector<std::string>{"line 1"}));
  EXPECT_EQ(problem_lines("\n\n"), (std::vector<std::string>{"line 1"}));
}

TEST(ParseRegionCsv, HeaderAloneIsNoRegions) { EXPECT_TRUE(parsed("code,name\n").empty()); }

TEST(ParseRegionCsv, NameLongerThan200CharactersIsAnError) {
  EXPECT_EQ(problem_lines("code,name\n16," + std::string(201, 'a') + "\n"), (std::vector<std::string>{"line 2"}));
  EXPECT_EQ(parsed("code,name\n16," + std::string(200, 'a') + "\n").size(), 1U);
}

TEST(ParseRegionCsv, UnclosedQuoteIsReportedAsMalformedCsv) {
  auto regions = parse_region_csv("code,name\n16,\"Sumatera Selatan\n");
  ASSERT_FALSE(regions.ok());
  EXPECT_EQ(regions.error().code(), ErrorCode::invalid_input);
  EXPECT_NE(regions.error().message().en.find("line 2"), std::string::npos) << regions.error().message().en;
}

TEST(ParseRegionCsv, LineNumbersCountBlankLines) {
  EXPECT_EQ(problem_lines("code,name\n"
                          "16,Sumatera Selatan\n"
                          "\n"
                          "16.7,Kode Pendek\n"),
            (std::vector<std::string>{"line 4"}));
}

TEST(ParseRegionCsv, LineNumbersCountNewlinesInsideQuotedNames) {
  EXPECT_EQ(problem_lines("code,name\n"
                          "16,\"Sumatera\nSelatan\"\n"
                          "16.7,Kode Pendek\n"),
            (std::vector<std::string>{"line 4"}));
}

TEST(ParseRegionCsv, ThePalembangFileHasTheWholeCity) {
  auto regions = parsed(read_text(SIGAP_SOURCE_DIR "/data/palembang/regions.csv"));
  std::size_t provinces = 0, cities = 0, districts = 0, villages = 0;
  for (const auto& region : regions) {
    switch (region.level) {
      case dm::RegionLevel::province: ++provinces; break;
      case dm::RegionLevel::city: ++cities; break;
      case dm::RegionLevel::district: ++districts; break;
      case dm::RegionLevel::village: ++villages; break;
    }
  }
  EXPECT_EQ(provinces, 1U);
  EXPECT_EQ(cities, 1U);
  EXPECT_EQ(districts, 18U);
  EXPECT_EQ(villages, 107U);

  ASSERT_GE(regions.size(), 2U);
  EXPECT_EQ(regions[0], (dm::Region{"16", "", "Sumatera Selatan", dm::RegionLevel::province}));
  EXPECT_EQ(regions[1], (dm::Region{"16.71", "16", "Kota Palembang", dm::RegionLevel::city}));

  // Parents first, and every parent is in the file: the file imports into an empty database.
  std::set<std::string> seen;
  for (const auto& region : regions) {
    if (!region.parent_code.empty()) {
      EXPECT_TRUE(seen.contains(region.parent_code)) << region.code;
    }
    EXPECT_TRUE(seen.insert(region.code).second) << "duplicate " << region.code;
  }
}

}  // namespace
}  // namespace sigap::app::master_data
