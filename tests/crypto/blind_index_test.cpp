#include "crypto/blind_index.hpp"

#include <string>

#include <gtest/gtest.h>

namespace sigap::crypto {
namespace {

const std::string kIndexKey(32, 'k');

TEST(BlindIndex, IsHmacSha256InHex) {
  // RFC 4231, test case 6 (a 131-byte key).
  EXPECT_EQ(blind_index(std::string(131, '\xaa'), "Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(BlindIndex, EqualValuesMatchAndOthersDoNot) {
  const std::string index = blind_index(kIndexKey, "email:rina.s@gmail.com");
  EXPECT_EQ(index.size(), 64U);
  EXPECT_EQ(index, blind_index(kIndexKey, "email:rina.s@gmail.com"));
  EXPECT_NE(index, blind_index(kIndexKey, "email:rina.t@gmail.com"));
  EXPECT_NE(index, blind_index(std::string(32, 'K'), "email:rina.s@gmail.com"));
  EXPECT_EQ(index.find("rina"), std::string::npos);
}

TEST(BlindIndex, EmptyValueHasNoIndex) { EXPECT_EQ(blind_index(kIndexKey, ""), ""); }

}  // namespace
}  // namespace sigap::crypto
