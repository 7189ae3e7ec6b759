// The SMS gateway's inbound form: its secret (header or field) and its sender and text fields,
// whatever the gateway calls them.
#include "channels/sms/sms_inbound.hpp"
#include "channels/sms/sms_secret.hpp"

#include <gtest/gtest.h>

namespace sigap::channels::sms {
namespace {

SmsSettings settings() {
  SmsSettings s;
  s.secret = "rahasia-gateway";
  s.gateway_url = "http://127.0.0.1:9/send";
  return s;
}

TEST(SmsSecret, HeaderOrFieldInConstantTime) {
  auto s = settings();
  EXPECT_TRUE(secret_matches(s, "rahasia-gateway", {}));
  EXPECT_FALSE(secret_matches(s, "rahasia-gatewaY", {}));
  EXPECT_FALSE(secret_matches(s, "", {{"secret", "rahasia-gateway"}})) << "a header, even empty, is what counts";
  EXPECT_TRUE(secret_matches(s, std::nullopt, {{"from", "0812"}, {"secret", "rahasia-gateway"}}));
  EXPECT_FALSE(secret_matches(s, std::nullopt, {{"secret", "salah"}}));
  EXPECT_FALSE(secret_matches(s, std::nullopt, {}));
  EXPECT_FALSE(secret_matches(s, std::nullopt, {{"secret", "rahasia-gateway"}, {"secret", "rahasia-gateway"}}));
  s.secret_field = "key";
  EXPECT_TRUE(secret_matches(s, std::nullopt, {{"key", "rahasia-gateway"}}));
  s.secret.clear();
  EXPECT_FALSE(secret_matches(s, "", {})) << "no secret configured matches nothing";
}

struct InboundCase {
  std::string name;
  FormFields form;
  bool ok;
  std::string field;  // the field at fault
};

void PrintTo(const InboundCase& row, std::ostream* out) { *out << row.name; }

class SmsInbound : public ::testing::TestWithParam<InboundCase> {};

TEST_P(SmsInbound, Table) {
  auto read = read_inbound(settings(), GetParam().form);
  ASSERT_EQ(read.ok(), GetParam().ok);
  if (!read.ok()) {
    EXPECT_EQ(read.error().code(), ErrorCode::validation);
    ASSERT_EQ(read.error().fields().size(), 1U);
    EXPECT_EQ(read.error().fields()[0].field, GetParam().field);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Forms, SmsInbound,
    ::testing::Values(InboundCase{"plain", {{"from", "081234567890"}, {"text", "LAPOR jalan rusak"}}, true, ""},
                      InboundCase{"extra_fields_ignored", {{"id", "77"}, {"from", "+6281234567890"}, {"text", "CEK X"}, {"ts", "1"}}, true, ""},
                      InboundCase{"no_text_is_an_empty_message", {{"from", "081234567890"}}, true, ""},
                      InboundCase{"no_sender", {{"text", "halo"}}, false, "from"},
                      InboundCase{"two_senders", {{"from", "0812"}, {"from", "0813"}, {"text", "x"}}, false, "from"},
                      InboundCase{"two_texts", {{"from", "0812"}, {"text", "x"}, {"text", "y"}}, false, "text"},
                      InboundCase{"empty_sender", {{"from", ""}, {"text", "x"}}, false, "from"},
                      InboundCase{"long_sender", {{"from", std::string(33, '1')}, {"text", "x"}}, false, "from"}));

TEST(SmsInbound, FieldNamesAreConfigurable) {
  auto s = settings();
  s.from_field = "msisdn";
  s.text_field = "message";
  auto read = read_inbound(s, {{"msisdn", "081234567890"}, {"message", "CEK SGP-7KX3-QM2D"}});
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->from, "081234567890");
  EXPECT_EQ(read->text, "CEK SGP-7KX3-QM2D");
  EXPECT_FALSE(read_inbound(s, {{"from", "081234567890"}, {"text", "x"}}).ok());
}

}  // namespace
}  // namespace sigap::channels::sms
