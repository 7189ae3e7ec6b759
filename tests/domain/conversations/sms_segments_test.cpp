// Cutting a reply into SMS: GSM-7 (with the extension table counting two septets) or UCS-2,
// one message up to 160 / 70, else parts of 153 / 67 that never split a character.
#include "domain/conversations/sms_segments.hpp"

#include <gtest/gtest.h>

namespace sigap::domain::conversations {
namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

struct SmsCase {
  std::string name;
  std::string text;
  SmsEncoding encoding;
  std::size_t units;
  std::vector<std::size_t> part_bytes;  // UTF-8 bytes of each part
};

void PrintTo(const SmsCase& row, std::ostream* out) { *out << row.name; }

class SplitSms : public ::testing::TestWithParam<SmsCase> {};

TEST_P(SplitSms, Table) {
  const auto& row = GetParam();
  auto split = split_sms(row.text);
  EXPECT_EQ(split.encoding, row.encoding);
  EXPECT_EQ(split.units, row.units);
  std::vector<std::size_t> bytes;
  std::string joined;
  for (const auto& part : split.parts) {
    bytes.push_back(part.size());
    joined += part;
  }
  EXPECT_EQ(bytes, row.part_bytes);
  EXPECT_EQ(joined, row.text) << "the parts put together are the text";
}

INSTANTIATE_TEST_SUITE_P(
    Cases, SplitSms,
    ::testing::Values(
        SmsCase{"empty", "", SmsEncoding::gsm7, 0, {0}},
        SmsCase{"short", "CEK SGP-7KX3-QM2D", SmsEncoding::gsm7, 17, {17}},
        SmsCase{"exactly 160", repeat("a", 160), SmsEncoding::gsm7, 160, {160}},
        SmsCase{"161 is two parts", repeat("a", 161), SmsEncoding::gsm7, 161, {153, 8}},
        SmsCase{"306 is two full parts", repeat("a", 306), SmsEncoding::gsm7, 306, {153, 153}},
        SmsCase{"307 is three", repeat("a", 307), SmsEncoding::gsm7, 307, {153, 153, 1}},
        // é, è, ü, £ are in the basic table: one septet, two UTF-8 bytes.
        SmsCase{"basic-table accents stay GSM-7", repeat("é", 160), SmsEncoding::gsm7, 160, {320}},
        // € and { are in the extension table: two septets each.
        SmsCase{"extension characters count two", repeat("€", 80), SmsEncoding::gsm7, 160, {240}},
        SmsCase{"81 euro signs do not fit one", repeat("€", 81), SmsEncoding::gsm7, 162, {228, 15}},
        SmsCase{"an escape pair is never cut", repeat("a", 152) + "{" + repeat("b", 10), SmsEncoding::gsm7, 164, {152, 11}},
        // ê is in neither table: the whole message is UCS-2.
        SmsCase{"one foreign letter makes UCS-2", "Jalan rusak di depan rum\xC3\xAA", SmsEncoding::ucs2, 25, {26}},
        SmsCase{"exactly 70 UCS-2", repeat("\xC3\xAA", 70), SmsEncoding::ucs2, 70, {140}},
        SmsCase{"71 UCS-2 is two parts", repeat("\xC3\xAA", 71), SmsEncoding::ucs2, 71, {134, 8}},
        // An emoji is a surrogate pair: two units, never split.
        SmsCase{"emoji are two units", repeat("\xF0\x9F\x98\x80", 35), SmsEncoding::ucs2, 70, {140}},
        SmsCase{"a surrogate pair is never cut", "a" + repeat("\xF0\x9F\x98\x80", 34), SmsEncoding::ucs2, 69, {137}},
        SmsCase{"a pair within one message", repeat("b", 66) + "\xF0\x9F\x98\x80" + "c", SmsEncoding::ucs2, 69,
                {71}},
        SmsCase{"pair at a long part's end", repeat("b", 66) + "\xF0\x9F\x98\x80" + repeat("c", 10),
                SmsEncoding::ucs2, 78, {66, 14}}));

TEST(SplitSms, AWordIsNotCutWhenASpaceIsNearTheEnd) {
  std::string text = repeat("kata ", 40);  // 200 characters
  auto split = split_sms(text);
  ASSERT_EQ(split.parts.size(), 2U);
  EXPECT_EQ(split.parts[0].size(), 150U);  // ends after "kata " number 30
  EXPECT_TRUE(split.parts[0].ends_with(' '));
  EXPECT_EQ(split.parts[0] + split.parts[1], text);
}

TEST(SplitSms, EveryPartFitsItsLimit) {
  for (const std::string& piece : {std::string("a "), std::string("€ "), std::string("\xC3\xAA "), std::string("\xF0\x9F\x98\x80 ")}) {
    auto text = repeat(piece, 500);
    auto split = split_sms(text);
    const std::size_t limit = split.encoding == SmsEncoding::gsm7 ? kGsm7Part : kUcs2Part;
    for (const auto& part : split.parts) EXPECT_LE(split_sms(part).units, limit) << piece;
  }
}

TEST(SplitSms, InvalidUtf8BecomesAReplacementCharacter) {
  auto split = split_sms("ok \xFF");
  EXPECT_EQ(split.encoding, SmsEncoding::ucs2);
  ASSERT_EQ(split.parts.size(), 1U);
  EXPECT_EQ(split.parts[0], "ok \xEF\xBF\xBD");
}

}  // namespace
}  // namespace sigap::domain::conversations
