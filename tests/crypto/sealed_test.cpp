#include "crypto/sealed.hpp"

#include <regex>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "crypto/keyring.hpp"

namespace sigap::crypto {
namespace {

// Replaces the character at `index` with another base64url character.
std::string altered(std::string sealed, std::size_t index) {
  sealed[index] = sealed[index] == 'A' ? 'B' : 'A';
  return sealed;
}

void expect_cannot_open(const Keyring& keyring, std::string_view sealed, std::string_view plaintext = "") {
  auto opened = open(keyring, sealed);
  ASSERT_FALSE(opened) << sealed;
  EXPECT_EQ(opened.error().code(), ErrorCode::internal);
  EXPECT_FALSE(opened.error().log_detail().empty());
  if (!plaintext.empty()) {
    EXPECT_EQ(opened.error().log_detail().find(plaintext), std::string::npos);
  }
}

class SealRoundTrip : public ::testing::TestWithParam<std::string_view> {};

TEST_P(SealRoundTrip, OpensToWhatWasSealed) {
  const Keyring keyring = Keyring::generate();
  const std::string sealed = seal(keyring, GetParam());
  EXPECT_TRUE(std::regex_match(sealed, std::regex("^v1\\.1\\.[A-Za-z0-9_-]+$"))) << sealed;
  if (GetParam().size() >= 8) {  // a short text can turn up in random base64 by chance
    EXPECT_EQ(sealed.find(GetParam()), std::string::npos);
  }
  auto opened = open(keyring, sealed);
  ASSERT_TRUE(opened) << opened.error().log_detail();
  EXPECT_EQ(*opened, GetParam());
}

INSTANTIATE_TEST_SUITE_P(Values, SealRoundTrip,
                         ::testing::Values("Rina Susanti", "rina.s@gmail.com", "+6281234567890", "1671010101900001",
                                           "Jl. Merdeka No. 12, RT 03/RW 01, Bukit Kecil, Palembang",
                                           "Siti Nurhaliza \xF0\x9F\x98\x8A\xF0\x9F\x8F\xA0 Seberang Ulu",  // 😊🏠
                                           std::string_view("with\0nul", 8), "x"));

TEST(Seal, EmptySealsToEmptyAndOpensToEmpty) {
  const Keyring keyring = Keyring::generate();
  EXPECT_EQ(seal(keyring, ""), "");
  auto opened = open(keyring, "");
  ASSERT_TRUE(opened);
  EXPECT_EQ(*opened, "");
}

TEST(Seal, TheSameTextSealsDifferentlyEachTime) {
  const Keyring keyring = Keyring::generate();
  const std::string first = seal(keyring, "081234567890");
  const std::string second = seal(keyring, "081234567890");
  EXPECT_NE(first, second);
  EXPECT_EQ(*open(keyring, first), *open(keyring, second));
}

TEST(Seal, LengthGrowsByAFixedOverhead) {
  const Keyring keyring = Keyring::generate();
  // "v1.1." + base64url of 24 nonce + 16 tag + n bytes, without padding.
  EXPECT_EQ(seal(keyring, std::string(2, 'a')).size(), 5U + 56U);
  EXPECT_EQ(seal(keyring, std::string(200, 'a')).size(), 5U + 320U);
}

TEST(Open, FailsWhenAnyCharacterOfTheBodyIsChanged) {
  const Keyring keyring = Keyring::generate();
  const std::string plaintext = "Rina Susanti";
  const std::string sealed = seal(keyring, plaintext);
  // The last character may carry unused bits, so it is left out.
  for (std::size_t index = 5; index + 1 < sealed.size(); ++index) {
    SCOPED_TRACE(index);
    expect_cannot_open(keyring, altered(sealed, index), plaintext);
  }
}

TEST(Open, FailsOnTruncatedOrExtendedValues) {
  const Keyring keyring = Keyring::generate();
  const std::string sealed = seal(keyring, "Rina Susanti");
  expect_cannot_open(keyring, sealed.substr(0, sealed.size() - 4));
  expect_cannot_open(keyring, sealed + "AAAA");
  expect_cannot_open(keyring, sealed.substr(0, 5 + 50));  // shorter than nonce and tag
}

TEST(Open, FailsOnTextNotInTheFormat) {
  const Keyring keyring = Keyring::generate();
  const std::string body = seal(keyring, "Rina").substr(5);
  for (const std::string& bad :
       {std::string("Rina Susanti"), "v2.1." + body, "v1." + body, "v1.." + body, "v1.01." + body, "v1.-1." + body,
        "v1.+1." + body, "v1.x." + body, "v1.1." + body + "=", "v1.1." + body.substr(0, 10) + "+/" + body.substr(12),
        std::string("v1.1."), "V1.1." + body}) {
    SCOPED_TRACE(bad);
    expect_cannot_open(keyring, bad);
    EXPECT_FALSE(sealed_with_current(keyring, bad));
  }
}

TEST(Open, FailsForAKeyIdTheRingDoesNotHold) {
  const Keyring old_ring = Keyring::generate();
  const Keyring new_ring = old_ring.rotated();
  const std::string sealed = seal(new_ring, "Rina Susanti");
  ASSERT_EQ(sealed.rfind("v1.2.", 0), 0U);
  expect_cannot_open(old_ring, sealed, "Rina Susanti");
  EXPECT_NE(open(old_ring, sealed).error().log_detail().find("key 2"), std::string::npos);
}

TEST(Open, FailsUnderAnotherKeyWithTheSameId) {
  const std::string sealed = seal(Keyring::generate(), "Rina Susanti");
  expect_cannot_open(Keyring::generate(), sealed, "Rina Susanti");
}

TEST(Rotation, OldValuesStillOpenAndAreNotCurrent) {
  const Keyring before = Keyring::generate();
  const std::string sealed = seal(before, "1671010101900001");
  EXPECT_TRUE(sealed_with_current(before, sealed));

  const Keyring after = before.rotated();
  auto opened = open(after, sealed);
  ASSERT_TRUE(opened) << opened.error().log_detail();
  EXPECT_EQ(*opened, "1671010101900001");
  EXPECT_FALSE(sealed_with_current(after, sealed));
  EXPECT_TRUE(sealed_with_current(after, seal(after, "x")));
  EXPECT_TRUE(sealed_with_current(after, ""));
}

TEST(Rotation, ResealMakesAValueCurrent) {
  const Keyring before = Keyring::generate();
  const std::string sealed = seal(before, "rina.s@gmail.com");
  const Keyring after = before.rotated().rotated();

  auto resealed = reseal(after, sealed);
  ASSERT_TRUE(resealed) << resealed.error().log_detail();
  EXPECT_EQ(resealed->rfind("v1.3.", 0), 0U);
  EXPECT_TRUE(sealed_with_current(after, *resealed));
  EXPECT_EQ(*open(after, *resealed), "rina.s@gmail.com");

  auto again = reseal(after, *resealed);  // already current: unchanged
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, *resealed);

  auto empty = reseal(after, "");
  ASSERT_TRUE(empty);
  EXPECT_EQ(*empty, "");
}

TEST(Rotation, ResealReportsDamagedValues) {
  const Keyring before = Keyring::generate();
  const Keyring after = before.rotated();
  const std::string old_sealed = seal(before, "Rina Susanti");
  const std::string current_sealed = seal(after, "Rina Susanti");
  for (const std::string& damaged : {altered(old_sealed, 10), altered(current_sealed, 10), std::string("junk")}) {
    auto resealed = reseal(after, damaged);
    ASSERT_FALSE(resealed) << damaged;
    EXPECT_EQ(resealed.error().code(), ErrorCode::internal);
  }
}

}  // namespace
}  // namespace sigap::crypto
