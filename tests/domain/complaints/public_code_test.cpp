// Public codes: the format, what a person may type, and a proof by enumeration that the check
// symbol catches every single substitution and every transposition.
#include "domain/complaints/public_code.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <utility>

#include <gtest/gtest.h>

namespace sigap::domain::complaints {
namespace {

bool is_typo(const Error& error) { return error.message().en.find("typo") != std::string::npos; }
bool is_not_a_code(const Error& error) { return error.message().en.find("not a Sigap code") != std::string::npos; }

// The 8 symbols of a canonical code "SGP-XXXX-XXXX", without prefix and dashes.
std::string symbols_of(std::string_view canonical) {
  std::string out(canonical.substr(4, 4));
  out += canonical.substr(9, 4);
  return out;
}

std::string random_symbols(std::mt19937& random, std::size_t count) {
  std::uniform_int_distribution<std::size_t> pick(0, kPublicCodeAlphabet.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += kPublicCodeAlphabet[pick(random)];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Formatting (check symbols cross-checked against an independent implementation)

struct FormatCase {
  std::string_view seven;
  std::string_view code;
};

void PrintTo(const FormatCase& row, std::ostream* out) { *out << row.seven << " -> " << row.code; }

class FormatPublicCode : public ::testing::TestWithParam<FormatCase> {};

TEST_P(FormatPublicCode, AddsCheckSymbolGroupsAndPrefix) {
  EXPECT_EQ(format_public_code(GetParam().seven), GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Table, FormatPublicCode,
    ::testing::Values(FormatCase{"7KX3QM2", "SGP-7KX3-QM2Y"}, FormatCase{"0000000", "SGP-0000-0000"},
                      FormatCase{"ZZZZZZZ", "SGP-ZZZZ-ZZZC"}, FormatCase{"1234567", "SGP-1234-567K"},
                      FormatCase{"ABCDEFG", "SGP-ABCD-EFG1"}, FormatCase{"10X3QM0", "SGP-10X3-QM0S"},
                      FormatCase{"K7X3QM2", "SGP-K7X3-QM29"},  // 7K swapped: another check
                      FormatCase{"SGPSGP1", "SGP-SGPS-GP1K"}));

// ---------------------------------------------------------------------------------------------
// Parsing what people type

struct ParseCase {
  std::string_view typed;
  std::optional<std::string_view> code;  // nullopt: refused
};

void PrintTo(const ParseCase& row, std::ostream* out) {
  *out << '"' << row.typed << "\" -> " << (row.code ? *row.code : "refused");
}

class ParseAccepted : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseAccepted, ReturnsTheCanonicalForm) {
  auto parsed = parse_public_code(GetParam().typed);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message().en;
  EXPECT_EQ(*parsed, *GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseAccepted,
    ::testing::Values(ParseCase{"SGP-7KX3-QM2Y", "SGP-7KX3-QM2Y"}, ParseCase{"sgp-7kx3-qm2y", "SGP-7KX3-QM2Y"},
                      ParseCase{"Sgp-7Kx3-Qm2Y", "SGP-7KX3-QM2Y"}, ParseCase{"7KX3QM2Y", "SGP-7KX3-QM2Y"},
                      ParseCase{"7kx3 qm2y", "SGP-7KX3-QM2Y"}, ParseCase{"7KX3-QM2Y", "SGP-7KX3-QM2Y"},
                      ParseCase{"SGP 7KX3 QM2Y", "SGP-7KX3-QM2Y"}, ParseCase{"  sgp7kx3qm2y\t", "SGP-7KX3-QM2Y"},
                      ParseCase{"SGP7KX3QM2Y", "SGP-7KX3-QM2Y"}, ParseCase{"7 K X 3 Q M 2 Y", "SGP-7KX3-QM2Y"},
                      ParseCase{"S-G-P--7KX3--QM2Y-", "SGP-7KX3-QM2Y"},
                      ParseCase{"SGP\xE2\x80\x93"
                                "7KX3\xE2\x80\x93QM2Y",
                                "SGP-7KX3-QM2Y"},  // en dashes
                      ParseCase{"SGP\xE2\x80\x94"
                                "7KX3\xE2\x80\x94QM2Y",
                                "SGP-7KX3-QM2Y"},  // em dashes
                      ParseCase{"SGP\xC2\xA0"
                                "7KX3\xC2\xA0QM2Y",
                                "SGP-7KX3-QM2Y"},  // no-break spaces
                      // Crockford's look-alikes: O is 0, I and L are 1.
                      ParseCase{"SGP-IOX3-QMOS", "SGP-10X3-QM0S"}, ParseCase{"sgp-lox3-qmos", "SGP-10X3-QM0S"},
                      ParseCase{"SGP-10X3-QM0S", "SGP-10X3-QM0S"}, ParseCase{"0000 0000", "SGP-0000-0000"},
                      ParseCase{"oooo-oooo", "SGP-0000-0000"},
                      // The random part may itself start with S, G, P.
                      ParseCase{"SGPSGP1K", "SGP-SGPS-GP1K"}, ParseCase{"SGP-SGPS-GP1K", "SGP-SGPS-GP1K"}));

class ParseNotACode : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseNotACode, SaysItIsNotASigapCode) {
  auto parsed = parse_public_code(GetParam().typed);
  ASSERT_FALSE(parsed.ok()) << GetParam().typed;
  EXPECT_EQ(parsed.error().code(), ErrorCode::validation);
  EXPECT_TRUE(is_not_a_code(parsed.error())) << parsed.error().message().en;
  EXPECT_EQ(parsed.error().message().id, "Ini bukan kode Sigap.");
}

INSTANTIATE_TEST_SUITE_P(Table, ParseNotACode,
                         ::testing::Values(ParseCase{"", {}}, ParseCase{"   ", {}}, ParseCase{"SGP", {}},
                                           ParseCase{"SGP-", {}}, ParseCase{"SGP-7KX3-QM2", {}},  // 7 symbols
                                           ParseCase{"SGP-7KX3-QM2YY", {}},                       // 9 symbols
                                           ParseCase{"7KX3QM2", {}}, ParseCase{"7KX3QM2YA", {}},
                                           ParseCase{"XYZ-7KX3-QM2Y", {}},      // 11 symbols, another prefix
                                           ParseCase{"SGP-SGP-7KX3-QM2Y", {}},  // prefix twice
                                           ParseCase{"SGP-7KX3-QM2U", {}},      // U is not a symbol
                                           ParseCase{"SGP-7KX3-QM2*", {}},  // nor are Crockford's extra check symbols
                                           ParseCase{"SGP_7KX3_QM2Y", {}}, ParseCase{"SGP.7KX3.QM2Y", {}},
                                           ParseCase{"SGP/7KX3/QM2Y", {}},
                                           ParseCase{"SGP-7KX3-QM2\xC3\x9D", {}},  // a non-ASCII letter
                                           ParseCase{"https://sigap.example/track/SGP-7KX3-QM2Y", {}},
                                           ParseCase{"SGP-7KX3-QM2Y-7KX3-QM2Y", {}},
                                           ParseCase{"12345678901234567890", {}}));

struct TypoCase {
  std::string_view typed;
  std::string_view what;
};

void PrintTo(const TypoCase& row, std::ostream* out) { *out << '"' << row.typed << "\" (" << row.what << ')'; }

class ParseTypo : public ::testing::TestWithParam<TypoCase> {};

TEST_P(ParseTypo, SaysItLooksLikeATypo) {
  auto parsed = parse_public_code(GetParam().typed);
  ASSERT_FALSE(parsed.ok()) << GetParam().typed;
  EXPECT_EQ(parsed.error().code(), ErrorCode::validation);
  EXPECT_TRUE(is_typo(parsed.error())) << parsed.error().message().en;
  EXPECT_NE(parsed.error().message().id.find("salah ketik"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseTypo,
    ::testing::Values(TypoCase{"SGP-7KX3-QM2Z", "wrong check symbol"}, TypoCase{"SGP-K7X3-QM2Y", "first two swapped"},
                      TypoCase{"SGP-7KX3-QMY2", "check symbol swapped with the last"},
                      TypoCase{"SGP-7KX8-QM2Y", "3 heard as 8"}, TypoCase{"SGP-7KX3-QN2Y", "M heard as N"},
                      TypoCase{"7KX3 QM2V", "Y heard as V"}, TypoCase{"SGP-10X3-QM05", "S read as 5"},
                      TypoCase{"SGP-0000-0001", "one symbol off"}));

TEST(ParsePublicCode, NamesTheFieldInBothLanguages) {
  for (std::string_view typed : {"SGP-7KX3-QM2", "SGP-7KX3-QM2Z"}) {
    auto by_default = parse_public_code(typed);
    ASSERT_FALSE(by_default.ok());
    ASSERT_EQ(by_default.error().fields().size(), 1U);
    EXPECT_EQ(by_default.error().fields()[0].field, "code");

    auto named = parse_public_code(typed, "tracking_code");
    ASSERT_FALSE(named.ok());
    ASSERT_EQ(named.error().fields().size(), 1U);
    const auto& field = named.error().fields()[0];
    EXPECT_EQ(field.field, "tracking_code");
    EXPECT_FALSE(field.message.id.empty());
    EXPECT_FALSE(field.message.en.empty());
    EXPECT_NE(field.message.id, field.message.en);
    EXPECT_FALSE(named.error().message().id.empty());
    EXPECT_FALSE(named.error().message().en.empty());
  }
}

TEST(ParsePublicCode, NeverEchoesWhatWasTyped) {
  for (std::string_view typed : {"SGP-ABCD-EFGH", "SGP-WXYZ-WXYU", "HALO-BAPAK-IBU"}) {
    auto parsed = parse_public_code(typed);
    ASSERT_FALSE(parsed.ok());
    for (const auto& text : {parsed.error().message(), parsed.error().fields()[0].message}) {
      EXPECT_EQ(text.id.find(typed.substr(4)), std::string::npos);
      EXPECT_EQ(text.en.find(typed.substr(4)), std::string::npos);
    }
  }
}

TEST(ParsePublicCode, RoundTripsEveryFormattedCode) {
  std::mt19937 random(20260515);
  for (int i = 0; i < 2000; ++i) {
    auto code = format_public_code(random_symbols(random, kPublicCodeRandomSymbols));
    auto parsed = parse_public_code(code);
    ASSERT_TRUE(parsed.ok()) << code;
    EXPECT_EQ(*parsed, code);
  }
}

// ---------------------------------------------------------------------------------------------
// The proof: every single-symbol substitution and every transposition (adjacent or not, the check
// symbol included) of many random codes is refused as a typo, never accepted.

constexpr int kProofCodes = 1000;

TEST(PublicCodeCheckSymbol, CatchesEverySingleSubstitution) {
  std::mt19937 random(35);
  std::size_t tried = 0;
  for (int n = 0; n < kProofCodes; ++n) {
    auto valid = symbols_of(format_public_code(random_symbols(random, kPublicCodeRandomSymbols)));
    for (std::size_t position = 0; position < valid.size(); ++position) {
      for (char other : kPublicCodeAlphabet) {
        if (other == valid[position]) continue;
        auto typed = valid;
        typed[position] = other;
        auto parsed = parse_public_code(typed);
        ASSERT_FALSE(parsed.ok()) << valid << " with " << other << " at " << position << " was accepted";
        ASSERT_TRUE(is_typo(parsed.error())) << typed;
        ++tried;
      }
    }
  }
  EXPECT_EQ(tried, static_cast<std::size_t>(kProofCodes) * 8 * 31);
}

TEST(PublicCodeCheckSymbol, CatchesEveryAdjacentTransposition) {
  std::mt19937 random(3535);
  std::size_t tried = 0;
  for (int n = 0; n < kProofCodes; ++n) {
    auto valid = symbols_of(format_public_code(random_symbols(random, kPublicCodeRandomSymbols)));
    for (std::size_t position = 0; position + 1 < valid.size(); ++position) {
      if (valid[position] == valid[position + 1]) continue;  // swapping equal symbols changes nothing
      auto typed = valid;
      std::swap(typed[position], typed[position + 1]);
      auto parsed = parse_public_code(typed);
      ASSERT_FALSE(parsed.ok()) << valid << " with positions " << position << ", " << position + 1 << " swapped";
      ASSERT_TRUE(is_typo(parsed.error())) << typed;
      ++tried;
    }
  }
  EXPECT_GT(tried, static_cast<std::size_t>(kProofCodes) * 6);  // 7 pairs a code, rarely equal
}

TEST(PublicCodeCheckSymbol, CatchesEveryTranspositionAtAnyDistance) {
  std::mt19937 random(353535);
  for (int n = 0; n < kProofCodes; ++n) {
    auto valid = symbols_of(format_public_code(random_symbols(random, kPublicCodeRandomSymbols)));
    for (std::size_t i = 0; i < valid.size(); ++i) {
      for (std::size_t j = i + 1; j < valid.size(); ++j) {
        if (valid[i] == valid[j]) continue;
        auto typed = valid;
        std::swap(typed[i], typed[j]);
        ASSERT_FALSE(parse_public_code(typed).ok()) << valid << " with positions " << i << ", " << j << " swapped";
      }
    }
  }
}

TEST(PublicCodeCheckSymbol, ExactlyOneOfTheThirtyTwoEndingsIsValid) {
  std::mt19937 random(7);
  for (int n = 0; n < 200; ++n) {
    auto seven = random_symbols(random, kPublicCodeRandomSymbols);
    int valid = 0;
    for (char check : kPublicCodeAlphabet) valid += parse_public_code(seven + check).ok() ? 1 : 0;
    EXPECT_EQ(valid, 1) << seven;
  }
}

}  // namespace
}  // namespace sigap::domain::complaints
