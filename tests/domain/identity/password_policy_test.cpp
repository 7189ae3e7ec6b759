// The password rules as a table: a new rule is a new row.
#include "domain/identity/password_policy.hpp"

#include <string>
#include <unordered_set>

#include <gtest/gtest.h>

namespace sigap::domain::identity {
namespace {

enum class Rule { none, too_short, too_long, common, email };

const char* to_string(Rule rule) {
  switch (rule) {
    case Rule::none:
      return "accepted";
    case Rule::too_short:
      return "too short";
    case Rule::too_long:
      return "too long";
    case Rule::common:
      return "common";
    case Rule::email:
      return "same as e-mail";
  }
  return "?";
}

/// The English field message each rule gives; the Indonesian one is checked beside it.
Text message_for(Rule rule) {
  switch (rule) {
    case Rule::too_short:
      return {"Kata sandi minimal 10 karakter.", "The password needs at least 10 characters."};
    case Rule::too_long:
      return {"Kata sandi maksimal 128 karakter.", "The password can have at most 128 characters."};
    case Rule::common:
      return {"Kata sandi ini terlalu umum dan mudah ditebak. Pilih kata sandi lain.",
              "This password is too common and easy to guess. Choose another one."};
    case Rule::email:
      return {"Kata sandi tidak boleh sama dengan alamat email.",
              "The password must not be the same as the e-mail address."};
    case Rule::none:
      break;
  }
  return {};
}

std::string repeat(std::string_view piece, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += piece;
  return out;
}

const std::unordered_set<std::string>& common() {
  static const std::unordered_set<std::string> kCommon{"1234567890", "qwertyuiop",   "bismillah123",
                                                       "password",   "palembang123", "kata sandi 🔒🔒"};
  return kCommon;
}

struct PasswordCase {
  std::string name;
  std::string password;
  std::string email;
  Rule broken;
};

void PrintTo(const PasswordCase& row, std::ostream* out) { *out << row.name << " -> " << to_string(row.broken); }

class PasswordPolicy : public ::testing::TestWithParam<PasswordCase> {};

TEST_P(PasswordPolicy, FollowsTheTable) {
  const auto& row = GetParam();
  const auto result = check_password(row.password, common(), row.email);
  if (row.broken == Rule::none) {
    EXPECT_TRUE(result.ok()) << row.name << ": " << result.error().fields().at(0).message.en;
    return;
  }
  ASSERT_FALSE(result.ok()) << row.name;
  const Error& error = result.error();
  EXPECT_EQ(error.code(), ErrorCode::validation);
  EXPECT_FALSE(error.message().id.empty());
  EXPECT_FALSE(error.message().en.empty());
  ASSERT_EQ(error.fields().size(), 1U);
  EXPECT_EQ(error.fields()[0].field, "password");
  const Text expected = message_for(row.broken);
  EXPECT_EQ(error.fields()[0].message.id, expected.id) << row.name;
  EXPECT_EQ(error.fields()[0].message.en, expected.en) << row.name;
}

INSTANTIATE_TEST_SUITE_P(
    Table, PasswordPolicy,
    ::testing::Values(
        PasswordCase{"empty", "", "", Rule::too_short}, PasswordCase{"nine ASCII", "abcdefghi", "", Rule::too_short},
        PasswordCase{"ten ASCII", "sungaimusi", "", Rule::none},
        PasswordCase{"a passphrase", "pempek kapal selam enak", "", Rule::none},
        PasswordCase{"emoji count once each", "sandi 🔒🔒🔒🔒", "", Rule::none},       // 10 code points, 22 bytes
        PasswordCase{"nine with emoji", "sandi🔒🔒🔒🔒", "", Rule::too_short},         // 9 code points, 21 bytes
        PasswordCase{"nine emoji are nine", repeat("🔒", 9), "", Rule::too_short},  // 36 bytes
        PasswordCase{"ten emoji are ten", repeat("🔒", 10), "", Rule::none},
        PasswordCase{"nine accented letters", repeat("é", 9), "", Rule::too_short},  // 18 bytes
        PasswordCase{"ten accented letters", repeat("é", 10), "", Rule::none},
        PasswordCase{"128 ASCII", repeat("a", 128), "", Rule::none},
        PasswordCase{"129 ASCII", repeat("a", 129), "", Rule::too_long},
        PasswordCase{"128 two-byte letters", repeat("é", 128), "", Rule::none},  // 256 bytes
        PasswordCase{"129 two-byte letters", repeat("é", 129), "", Rule::too_long},
        PasswordCase{"128 emoji", repeat("🔒", 128), "", Rule::none},
        PasswordCase{"common", "qwertyuiop", "", Rule::common},
        PasswordCase{"common, any case", "BisMillah123", "", Rule::common},
        PasswordCase{"common with emoji", "Kata Sandi 🔒🔒", "", Rule::common},
        PasswordCase{"near a common one", "bismillah1234", "", Rule::none},
        PasswordCase{"short common: length first", "password", "", Rule::too_short},
        PasswordCase{"the e-mail", "Ani.Wijaya@Palembang.go.id", "ani.wijaya@palembang.go.id", Rule::email},
        PasswordCase{"the local part", "ANI.WIJAYA", "ani.wijaya@palembang.go.id", Rule::email},
        PasswordCase{"local part of a mixed-case e-mail", "ani.wijaya", "Ani.Wijaya@Palembang.go.id", Rule::email},
        PasswordCase{"local part plus a digit", "ani.wijaya1", "ani.wijaya@palembang.go.id", Rule::none},
        PasswordCase{"the domain", "palembang.go.id", "ani.wijaya@palembang.go.id", Rule::none},
        PasswordCase{"no e-mail given", "ani.wijaya", "", Rule::none},
        PasswordCase{"e-mail without @", "sitiaisyah", "sitiaisyah", Rule::email},
        PasswordCase{"common before e-mail", "1234567890", "1234567890@example.id", Rule::common}));

TEST(PasswordPolicyBounds, AreTenAndOneHundredTwentyEight) {
  EXPECT_EQ(kMinPasswordLength, 10U);
  EXPECT_EQ(kMaxPasswordLength, 128U);
}

TEST(PasswordPolicyBounds, EmptyCommonListAcceptsAnyLongEnoughPassword) {
  EXPECT_TRUE(check_password("qwertyuiop", {}).ok());
}

}  // namespace
}  // namespace sigap::domain::identity
