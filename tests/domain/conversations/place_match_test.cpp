// A kelurahan typed by a citizen, typos and all, against the master data.
#include "domain/conversations/place_match.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::conversations {
namespace {

const std::vector<Place> kPlaces{{"16.71.07.1001", "Sukarami", "Sukarami"},
                                 {"16.71.09.1002", "Kalidoni", "Kalidoni"},
                                 {"16.71.06.1003", "Talang Kelapa", "Alang-Alang Lebar"},
                                 {"16.71.02.1004", "Seberang Ulu Satu", "Seberang Ulu I"},
                                 {"16.71.02.1005", "Seberang Ulu Dua", "Seberang Ulu II"},
                                 {"16.71.04.1006", "Kertapati", "Kertapati"}};

struct MatchCase {
  std::string_view typed;
  std::string first;  // "" : nothing
  bool certain;
};

void PrintTo(const MatchCase& row, std::ostream* out) { *out << '"' << row.typed << '"'; }

class MatchPlace : public ::testing::TestWithParam<MatchCase> {};

TEST_P(MatchPlace, Table) {
  auto match = match_place(GetParam().typed, kPlaces);
  if (GetParam().first.empty()) {
    EXPECT_TRUE(match.candidates.empty());
    EXPECT_FALSE(match.certain);
    return;
  }
  ASSERT_FALSE(match.candidates.empty());
  EXPECT_EQ(match.candidates.front().name, GetParam().first);
  EXPECT_EQ(match.certain, GetParam().certain);
  EXPECT_LE(match.candidates.size(), 3U);
}

INSTANTIATE_TEST_SUITE_P(
    Typed, MatchPlace,
    ::testing::Values(MatchCase{"Sukarami", "Sukarami", true}, MatchCase{"kel. sukarami", "Sukarami", true},
                      MatchCase{"Kelurahan Kalidoni", "Kalidoni", true}, MatchCase{"kalidon", "Kalidoni", true},
                      MatchCase{"Talang Kelpa", "Talang Kelapa", true}, MatchCase{"kertapat", "Kertapati", true},
                      MatchCase{"seberang ulu", "Seberang Ulu Satu", false},
                      MatchCase{"Jakarta Selatan", "", false}, MatchCase{"", "", false},
                      MatchCase{"---", "", false}));

TEST(FindPlaceInText, FindsAWholeNameInsideAText) {
  auto found = find_place_in_text("LAPOR jalan rusak di Seberang Ulu Dua dekat masjid", kPlaces);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->code, "16.71.02.1005");
  EXPECT_EQ(find_place_in_text("lampu mati di depan pasar kalidoni.", kPlaces)->name, "Kalidoni");
}

TEST(FindPlaceInText, IgnoresPartsOfWordsAndTypos) {
  EXPECT_FALSE(find_place_in_text("sampah di sukaramix", kPlaces).has_value());
  EXPECT_FALSE(find_place_in_text("sampah di sukarame", kPlaces).has_value());
  EXPECT_FALSE(find_place_in_text("", kPlaces).has_value());
}

}  // namespace
}  // namespace sigap::domain::conversations
