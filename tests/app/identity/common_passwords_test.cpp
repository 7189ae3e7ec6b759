#include "app/identity/common_passwords.hpp"

#include <algorithm>
#include <cctype>

#include <gtest/gtest.h>

#include "domain/identity/password_policy.hpp"

namespace sigap::app::identity {
namespace {

TEST(CommonPasswords, LoadsTheEmbeddedList) {
  const auto& passwords = common_passwords();
  EXPECT_GE(passwords.size(), 300U);
  EXPECT_EQ(&passwords, &common_passwords()) << "built once";
  const auto long_enough = std::count_if(passwords.begin(), passwords.end(), [](const std::string& entry) {
    return entry.size() >= domain::identity::kMinPasswordLength;
  });
  EXPECT_GE(long_enough, 150);
}

TEST(CommonPasswords, HoldsWorldwideAndIndonesianFavourites) {
  const auto& passwords = common_passwords();
  for (const char* entry : {"123456", "password", "qwertyuiop", "1234567890", "password123", "bismillah123",
                            "indonesia1945", "palembang123", "sayangku", "merdeka", "rahasia"}) {
    EXPECT_TRUE(passwords.contains(entry)) << entry;
  }
}

TEST(CommonPasswords, EntriesAreTrimmedLowerCase) {
  for (const auto& entry : common_passwords()) {
    EXPECT_FALSE(entry.empty());
    EXPECT_TRUE(std::none_of(entry.begin(), entry.end(),
                             [](char c) {
                               return std::isupper(static_cast<unsigned char>(c)) ||
                                      std::isspace(static_cast<unsigned char>(c));
                             }))
        << '"' << entry << '"';
  }
}

TEST(CommonPasswords, CheckPasswordRefusesThem) {
  for (const char* entry : {"bismillah123", "Bismillah123", "PALEMBANG123", "1234567890", "indonesia1945"}) {
    const auto result = domain::identity::check_password(entry, common_passwords());
    ASSERT_FALSE(result.ok()) << entry;
    EXPECT_EQ(result.error().code(), ErrorCode::validation);
    ASSERT_EQ(result.error().fields().size(), 1U);
    EXPECT_NE(result.error().fields()[0].message.en.find("common"), std::string::npos) << entry;
  }
  EXPECT_TRUE(domain::identity::check_password("pempek kapal selam enak", common_passwords()).ok());
}

}  // namespace
}  // namespace sigap::app::identity
