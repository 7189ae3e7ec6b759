// RFC 6238 TOTP and RFC 4648 base32, checked against the RFCs' own test vectors.
#include "crypto/totp.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace sigap::crypto {
namespace {

constexpr std::string_view kRfcSecret = "12345678901234567890";
constexpr std::string_view kRfcSecretBase32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

// RFC 4648 section 10: BASE32 test vectors, with and without the padding we do not write.
struct Base32Case {
  std::string_view bytes;
  std::string_view unpadded;
  std::string_view padded;
};

void PrintTo(const Base32Case& row, std::ostream* out) { *out << '"' << row.bytes << "\" <-> " << row.padded; }

class Base32Vectors : public ::testing::TestWithParam<Base32Case> {};

TEST_P(Base32Vectors, EncodesWithoutPadding) { EXPECT_EQ(base32_encode(GetParam().bytes), GetParam().unpadded); }

TEST_P(Base32Vectors, DecodesPaddedAndUnpadded) {
  EXPECT_EQ(base32_decode(GetParam().padded), std::optional<std::string>(GetParam().bytes));
  EXPECT_EQ(base32_decode(GetParam().unpadded), std::optional<std::string>(GetParam().bytes));
}

INSTANTIATE_TEST_SUITE_P(Rfc4648, Base32Vectors,
                         ::testing::Values(Base32Case{"", "", ""}, Base32Case{"f", "MY", "MY======"},
                                           Base32Case{"fo", "MZXQ", "MZXQ===="}, Base32Case{"foo", "MZXW6", "MZXW6==="},
                                           Base32Case{"foob", "MZXW6YQ", "MZXW6YQ="},
                                           Base32Case{"fooba", "MZXW6YTB", "MZXW6YTB"},
                                           Base32Case{"foobar", "MZXW6YTBOI", "MZXW6YTBOI======"}));

struct DecodeCase {
  std::string_view text;
  std::optional<std::string_view> bytes;  // nullopt: invalid
};

void PrintTo(const DecodeCase& row, std::ostream* out) {
  *out << '"' << row.text << "\" -> " << (row.bytes ? std::string(*row.bytes) : "invalid");
}

class Base32Decode : public ::testing::TestWithParam<DecodeCase> {};

TEST_P(Base32Decode, FollowsTheTable) {
  const auto& row = GetParam();
  const auto bytes = base32_decode(row.text);
  if (row.bytes) {
    ASSERT_TRUE(bytes.has_value()) << '"' << row.text << "\" should decode";
    EXPECT_EQ(*bytes, *row.bytes);
  } else {
    EXPECT_FALSE(bytes.has_value()) << '"' << row.text << "\" should be refused";
  }
}

INSTANTIATE_TEST_SUITE_P(Table, Base32Decode,
                         ::testing::Values(DecodeCase{"my", "f"}, DecodeCase{"mzxw6ytboi", "foobar"},
                                           DecodeCase{"MzXw6YtB", "fooba"}, DecodeCase{"MZXW 6YTB OI", "foobar"},
                                           DecodeCase{" MY ", "f"}, DecodeCase{"MZXW6YTBOI======  ", "foobar"},
                                           DecodeCase{"M", std::nullopt},       // 1 character: no encoder writes it
                                           DecodeCase{"MZX", std::nullopt},     // 3 characters
                                           DecodeCase{"MZXW6Y", std::nullopt},  // 6 characters
                                           DecodeCase{"MZ", std::nullopt},      // unused trailing bits are not zero
                                           DecodeCase{"MY1", std::nullopt},     // 1 is not in the alphabet
                                           DecodeCase{"MY8=", std::nullopt}, DecodeCase{"MY!", std::nullopt},
                                           DecodeCase{"MY\t", std::nullopt},
                                           DecodeCase{"MY=", std::nullopt},   // short padding
                                           DecodeCase{"MY=A", std::nullopt},  // data after padding
                                           DecodeCase{"MZXW6YTB========", std::nullopt},
                                           DecodeCase{"========", std::nullopt}));

TEST(Base32, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t length = 0; length <= bytes.size(); length += 37) {
    const auto part = bytes.substr(bytes.size() - length);
    EXPECT_EQ(base32_decode(base32_encode(part)), std::optional<std::string>(part)) << length << " bytes";
  }
  EXPECT_EQ(base32_encode(kRfcSecret), kRfcSecretBase32);
}

// RFC 6238 Appendix B, the SHA-1 rows (8 digits).
struct TotpCase {
  std::int64_t unix_seconds;
  std::string_view code;
};

void PrintTo(const TotpCase& row, std::ostream* out) { *out << row.unix_seconds << " -> " << row.code; }

class TotpRfc6238 : public ::testing::TestWithParam<TotpCase> {};

TEST_P(TotpRfc6238, MatchesAppendixB) { EXPECT_EQ(totp_code(kRfcSecret, GetParam().unix_seconds, 8), GetParam().code); }

INSTANTIATE_TEST_SUITE_P(Sha1, TotpRfc6238,
                         ::testing::Values(TotpCase{59, "94287082"}, TotpCase{1111111109, "07081804"},
                                           TotpCase{1111111111, "14050471"}, TotpCase{1234567890, "89005924"},
                                           TotpCase{2000000000, "69279037"}, TotpCase{20000000000, "65353130"}));

TEST(Totp, SixDigitCodesAreTheRfc4226HotpValuesPerStep) {
  // RFC 4226 Appendix D: HOTP for counters 0..9 with the same secret; step n starts at 30 n.
  constexpr std::string_view kHotp[] = {"755224", "287082", "359152", "969429", "338314",
                                        "254676", "287922", "162583", "399871", "520489"};
  for (std::int64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(totp_code(kRfcSecret, counter * 30), kHotp[counter]) << "counter " << counter;
    EXPECT_EQ(totp_code(kRfcSecret, counter * 30 + 29), kHotp[counter]) << "end of step " << counter;
  }
}

TEST(Totp, StepLengthIsAParameter) {
  EXPECT_EQ(totp_code(kRfcSecret, 60, 6, 60), "287082");  // counter 1 with 60-second steps
  EXPECT_EQ(totp_code(kRfcSecret, 59, 6, 60), "755224");
}

// At t = 59 the current step is 1 ("287082"); its neighbours are steps 0 and 2.
struct VerifyCase {
  std::string_view secret;
  std::string_view code;
  std::int64_t unix_seconds;
  int window;
  bool accepted;
};

void PrintTo(const VerifyCase& row, std::ostream* out) {
  *out << '"' << row.code << "\" at " << row.unix_seconds << " window " << row.window << " -> "
       << (row.accepted ? "accepted" : "refused");
}

class TotpVerify : public ::testing::TestWithParam<VerifyCase> {};

TEST_P(TotpVerify, FollowsTheTable) {
  const auto& row = GetParam();
  EXPECT_EQ(verify_totp(row.secret, row.code, row.unix_seconds, row.window), row.accepted);
}

INSTANTIATE_TEST_SUITE_P(
    Table, TotpVerify,
    ::testing::Values(
        VerifyCase{kRfcSecretBase32, "287082", 59, 1, true},
        VerifyCase{kRfcSecretBase32, "755224", 59, 1, true},   // one step behind
        VerifyCase{kRfcSecretBase32, "359152", 59, 1, true},   // one step ahead
        VerifyCase{kRfcSecretBase32, "969429", 59, 1, false},  // two steps ahead
        VerifyCase{kRfcSecretBase32, "969429", 59, 2, true}, VerifyCase{kRfcSecretBase32, "287082", 59, 0, true},
        VerifyCase{kRfcSecretBase32, "755224", 59, 0, false},
        VerifyCase{kRfcSecretBase32, "755224", 59, -3, false},  // negative window is 0
        VerifyCase{kRfcSecretBase32, "755224", 0, 1, true},     // no step before 0
        VerifyCase{kRfcSecretBase32, "287 082", 59, 1, true},   // as apps display it
        VerifyCase{"gezd gnbv gy3t qojq gezd gnbv gy3t qojq", "287082", 59, 1, true},
        VerifyCase{kRfcSecretBase32, "287083", 59, 1, false}, VerifyCase{kRfcSecretBase32, "28708", 59, 1, false},
        VerifyCase{kRfcSecretBase32, "2870820", 59, 1, false},
        VerifyCase{kRfcSecretBase32, "94287082", 59, 1, false},  // 8 digits: we verify 6
        VerifyCase{kRfcSecretBase32, "28708a", 59, 1, false}, VerifyCase{kRfcSecretBase32, "", 59, 1, false},
        VerifyCase{kRfcSecretBase32, "287082", -1, 1, false}, VerifyCase{"not base32!", "287082", 59, 1, false},
        VerifyCase{"", "287082", 59, 1, false}));

TEST(TotpSecret, IsTwentyRandomBytesInBase32) {
  const auto first = new_totp_secret();
  const auto second = new_totp_secret();
  EXPECT_EQ(first.size(), 32U);
  const auto bytes = base32_decode(first);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(bytes->size(), 20U);
  EXPECT_NE(first, second);
  EXPECT_TRUE(verify_totp(first, totp_code(*bytes, 1700000000), 1700000000));
}

TEST(OtpauthUri, PercentEncodesIssuerAndAccount) {
  EXPECT_EQ(otpauth_uri("Sigap Palembang", "ani.wijaya+kerja@palembang.go.id", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/Sigap%20Palembang:ani.wijaya%2Bkerja%40palembang.go.id?secret=JBSWY3DPEHPK3PXP"
            "&issuer=Sigap%20Palembang&algorithm=SHA1&digits=6&period=30");
}

TEST(OtpauthUri, EncodesColonsAndUtf8InTheLabel) {
  EXPECT_EQ(otpauth_uri("Kota:Palembang", "Siti Aisyah ü", "AB"),
            "otpauth://totp/Kota%3APalembang:Siti%20Aisyah%20%C3%BC?secret=AB&issuer=Kota%3APalembang"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace sigap::crypto
