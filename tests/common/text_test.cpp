// Which language a visitor reads: Indonesian unless the browser prefers English.
#include "common/text.hpp"

#include <gtest/gtest.h>

namespace sigap {
namespace {

struct AcceptCase {
  std::string_view header;
  Language expected;
};

std::string_view name_of(Language language) { return language == Language::en ? "en" : "id"; }

void PrintTo(const AcceptCase& row, std::ostream* out) {
  *out << '"' << row.header << "\" -> " << name_of(row.expected);
}

class LanguageFromAccept : public ::testing::TestWithParam<AcceptCase> {};

TEST_P(LanguageFromAccept, PicksTheLanguageTheClientPrefers) {
  EXPECT_EQ(name_of(language_from_accept(GetParam().header)), name_of(GetParam().expected))
      << "Accept-Language: " << GetParam().header;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, LanguageFromAccept,
    ::testing::Values(
        // Absent or nothing we speak: Indonesian.
        AcceptCase{"", Language::id}, AcceptCase{"*", Language::id}, AcceptCase{"fr-FR,fr;q=0.9", Language::id},
        AcceptCase{"ms-MY", Language::id},
        // English when it is asked for.
        AcceptCase{"en", Language::en}, AcceptCase{"en-US", Language::en}, AcceptCase{"EN-gb", Language::en},
        AcceptCase{"en-US,en;q=0.9", Language::en}, AcceptCase{"fr, en;q=0.5", Language::en},
        // q-weights decide between the two.
        AcceptCase{"en-US,en;q=0.9,id;q=0.8", Language::en},
        AcceptCase{"id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7", Language::id},
        AcceptCase{"id;q=0.5, en;q=0.8", Language::en}, AcceptCase{"en;q=0.3,id;q=0.7", Language::id},
        AcceptCase{" en ; q=0.9 , id ; q=0.1 ", Language::en},
        // Equal preference keeps Indonesian.
        AcceptCase{"id, en", Language::id}, AcceptCase{"id;q=0.5, en;q=0.5", Language::id},
        // English refused (q=0) or weighted with garbage is not a preference for English.
        AcceptCase{"en;q=0", Language::id}, AcceptCase{"fr, en;q=0", Language::id},
        AcceptCase{"en;q=abc", Language::id}, AcceptCase{"id;q=0, en;q=0.1", Language::en},
        // Tags that only start with the letters "en" are other languages.
        AcceptCase{"english", Language::id}, AcceptCase{"eng", Language::id},
        // Garbage never throws and stays Indonesian.
        AcceptCase{",,,;;;", Language::id}, AcceptCase{";q=1", Language::id}, AcceptCase{"\xff\xfe", Language::id}));

TEST(Text, InPicksTheWordingForTheLanguage) {
  Text text{"Tidak ditemukan.", "Not found."};
  EXPECT_EQ(text.in(Language::id), "Tidak ditemukan.");
  EXPECT_EQ(text.in(Language::en), "Not found.");
}

}  // namespace
}  // namespace sigap
