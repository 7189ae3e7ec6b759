// Which language a citizen wrote in: English only when its common words outnumber Indonesian ones.
#include "domain/conversations/language_guess.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::conversations {
namespace {

struct LanguageCase {
  std::string_view text;
  Language expected;
};

void PrintTo(const LanguageCase& row, std::ostream* out) { *out << '"' << row.text << '"'; }

class GuessLanguage : public ::testing::TestWithParam<LanguageCase> {};

TEST_P(GuessLanguage, Table) { EXPECT_EQ(guess_language(GetParam().text), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Messages, GuessLanguage,
    ::testing::Values(LanguageCase{"Halo, saya mau lapor jalan rusak", Language::id},
                      LanguageCase{"hello, I want to report a broken street light", Language::en},
                      LanguageCase{"Hi", Language::en},
                      LanguageCase{"halo min", Language::id},
                      LanguageCase{"Good morning! There is a flood near my house", Language::en},
                      LanguageCase{"Assalamualaikum, air PDAM mati sejak kemarin", Language::id},
                      LanguageCase{"PLEASE HELP", Language::en},
                      LanguageCase{"", Language::id},                 // nothing to go by
                      LanguageCase{"12345", Language::id},            // a number
                      LanguageCase{"\xF0\x9F\x91\x8B", Language::id}, // a waving hand
                      LanguageCase{"Sukarami", Language::id},         // a name
                      LanguageCase{"hi, jalan di depan rumah saya rusak", Language::id},  // mostly Indonesian
                      LanguageCase{"the road in front of my house is broken, tolong", Language::en}));

}  // namespace
}  // namespace sigap::domain::conversations
