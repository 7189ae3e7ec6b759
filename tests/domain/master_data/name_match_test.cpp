// Finding a kelurahan or kecamatan by a name typed the way residents type it.
#include "domain/master_data/name_match.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::master_data {
namespace {

TEST(FoldName, LowerCasesAndTurnsPunctuationIntoSingleSpaces) {
  EXPECT_EQ(fold_name("Tiga-puluh-lima Ilir"), "tiga puluh lima ilir");
  EXPECT_EQ(fold_name("  Seberang   Ulu I  "), "seberang ulu i");
  EXPECT_EQ(fold_name("Bukit Kecil."), "bukit kecil");
  EXPECT_EQ(fold_name("(Sako)/Sematang_Borang"), "sako sematang borang");
}

TEST(FoldName, KeepsDigitsSoNumeralsAndWordsDiffer) {
  EXPECT_EQ(fold_name("35 Ilir"), "35 ilir");
  EXPECT_NE(fold_name("35 Ilir"), fold_name("Tiga-puluh-lima Ilir"));
}

TEST(FoldName, NothingToMatchFoldsToEmpty) {
  EXPECT_EQ(fold_name(""), "");
  EXPECT_EQ(fold_name(" - . "), "");
}

TEST(NameMatch, ExactNameScores100WhateverTheCaseAndPunctuation) {
  EXPECT_EQ(name_match_score("Sukarami", "Sukarami"), 100);
  EXPECT_EQ(name_match_score("ilir barat dua", "Ilir Barat Dua"), 100);
  EXPECT_EQ(name_match_score("tiga puluh lima ilir", "Tiga-puluh-lima Ilir"), 100);
}

struct TypoCase {
  std::string_view query;
  std::string_view name;
};

void PrintTo(const TypoCase& row, std::ostream* out) { *out << '"' << row.query << "\" vs \"" << row.name << '"'; }

class NameMatchTypo : public ::testing::TestWithParam<TypoCase> {};

TEST_P(NameMatchTypo, StillScoresAtLeast50) {
  auto score = name_match_score(GetParam().query, GetParam().name);
  EXPECT_GE(score, 50) << GetParam().query << " vs " << GetParam().name;
  EXPECT_LT(score, 100) << GetParam().query << " vs " << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Palembang, NameMatchTypo,
    ::testing::Values(TypoCase{"sukarame", "Sukarami"}, TypoCase{"kalidon", "Kalidoni"},
                      TypoCase{"kertapat", "Kertapati"}, TypoCase{"bukti", "Bukit Lama"},
                      TypoCase{"seberang ilu satu", "Seberang Ulu Satu"}, TypoCase{"Talang Kelpa", "Talang Kelapa"},
                      TypoCase{"kemunig", "Kemuning"}));

TEST(NameMatch, UnrelatedNamesScoreBelow50) {
  EXPECT_LT(name_match_score("sako", "Kertapati"), 50);
  EXPECT_LT(name_match_score("gandus", "Sukarami"), 50);
  EXPECT_LT(name_match_score("jakarta", "Ilir Barat Dua"), 50);
}

TEST(NameMatch, EmptyQueryOrNameMatchesNothing) {
  EXPECT_EQ(name_match_score("", "Sukarami"), 0);
  EXPECT_EQ(name_match_score("--", "Sukarami"), 0);
  EXPECT_EQ(name_match_score("sukarami", ""), 0);
}

TEST(NameMatch, PrefixRanksAboveANearMiss) {
  auto prefix = name_match_score("sukara", "Sukarami");
  auto near_miss = name_match_score("sukarame", "Sukarami");
  EXPECT_GT(prefix, near_miss);
  EXPECT_LT(prefix, 100);
}

TEST(NameMatch, WholeWordRanksAboveANearMiss) {
  auto whole_word = name_match_score("ulu", "Seberang Ulu Satu");
  auto near_miss = name_match_score("seberang ilu satu", "Seberang Ulu Satu");
  EXPECT_GT(whole_word, near_miss);
}

TEST(NameMatch, ExactRanksAbovePrefix) {
  EXPECT_GT(name_match_score("ilir barat dua", "Ilir Barat Dua"), name_match_score("ilir barat", "Ilir Barat Dua"));
}

TEST(NameMatch, CloserTypoScoresHigher) {
  EXPECT_GT(name_match_score("sukarame", "Sukarami"), name_match_score("sokarame", "Sukarami"));
}

}  // namespace
}  // namespace sigap::domain::master_data
