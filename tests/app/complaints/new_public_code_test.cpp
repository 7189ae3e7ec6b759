// New public codes come from the OS CSPRNG: well formed, valid, and spread over the whole alphabet.
#include "app/complaints/new_public_code.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "domain/complaints/public_code.hpp"

namespace sigap::app::complaints {
namespace {

namespace dc = domain::complaints;

constexpr int kDraws = 500;

TEST(NewPublicCode, IsWellFormedAndPassesItsOwnCheck) {
  for (int i = 0; i < kDraws; ++i) {
    auto code = new_public_code();
    ASSERT_EQ(code.size(), 13U) << code;
    EXPECT_EQ(code.substr(0, 4), "SGP-") << code;
    EXPECT_EQ(code[8], '-') << code;
    for (std::size_t at : {4, 5, 6, 7, 9, 10, 11, 12}) {
      EXPECT_NE(dc::kPublicCodeAlphabet.find(code[at]), std::string::npos) << code;
    }
    auto parsed = dc::parse_public_code(code);
    ASSERT_TRUE(parsed.ok()) << code;
    EXPECT_EQ(*parsed, code);
  }
}

TEST(NewPublicCode, DrawsDifferentCodesFromTheWholeAlphabet) {
  // 500 draws of 35 bits repeat with probability below 1 in 250,000; 3,500 random symbols miss one
  // of the 32 with probability below 1e-40.
  std::set<std::string> codes;
  std::set<char> symbols;
  for (int i = 0; i < kDraws; ++i) {
    auto code = new_public_code();
    codes.insert(code);
    for (std::size_t at : {4, 5, 6, 7, 9, 10, 11}) symbols.insert(code[at]);  // the random part
  }
  EXPECT_EQ(codes.size(), static_cast<std::size_t>(kDraws));
  EXPECT_EQ(symbols.size(), dc::kPublicCodeAlphabet.size());
}

}  // namespace
}  // namespace sigap::app::complaints
