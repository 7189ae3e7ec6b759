// Reading WhatsApp Cloud API notifications (the examples of Meta's webhook reference) and
// checking their signature.
#include "channels/whatsapp/whatsapp_webhook.hpp"

#include <gtest/gtest.h>

#include "channels/whatsapp/whatsapp_cloud.hpp"
#include "channels/whatsapp/whatsapp_signature.hpp"
#include "crypto/hashing.hpp"

namespace sigap::channels::whatsapp {
namespace {

namespace dv = domain::conversations;

std::string wrap(const std::string& messages, const std::string& extra = "") {
  return R"({"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{)"
         R"("messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},)"
         R"("contacts":[{"profile":{"name":"Rina"},"wa_id":"6281234567890"}],"messages":[)" +
         messages + "]" + extra + R"(},"field":"messages"}]}]})";
}

TEST(WhatsAppNotification, ReadsEachKindOfMessage) {
  auto body = wrap(
      R"({"from":"6281234567890","id":"wamid.1","timestamp":"1749416383","type":"text","text":{"body":"Halo"}},)"
      R"({"from":"6281234567890","id":"wamid.2","timestamp":"1749416384","type":"location","location":{"latitude":-2.9761,"longitude":104.7754,"name":"Pasar"}},)"
      R"({"from":"6281234567890","id":"wamid.3","timestamp":"1749416385","type":"image","image":{"id":"1003383421387256","mime_type":"image/jpeg","sha256":"x"}},)"
      R"({"from":"6281234567890","id":"wamid.4","type":"interactive","interactive":{"type":"button_reply","button_reply":{"id":"choice-1","title":"YA"}}},)"
      R"({"from":"6281234567890","id":"wamid.5","type":"interactive","interactive":{"type":"list_reply","list_reply":{"id":"r2","title":"2. Sampah"}}},)"
      R"({"from":"6281234567890","id":"wamid.6","type":"sticker","sticker":{"id":"99"}},)"
      R"({"from":"6281234567890","id":"wamid.7","type":"unsupported","errors":[{"code":131051}]})");
  auto read = read_notification(body);
  ASSERT_TRUE(read.ok());
  const auto& m = read->messages;
  ASSERT_EQ(m.size(), 7U);
  EXPECT_EQ(m[0].kind, dv::InboundKind::text);
  EXPECT_EQ(m[0].text, "Halo");
  EXPECT_EQ(m[0].from, "6281234567890");
  EXPECT_EQ(m[0].message_id, "wamid.1");
  EXPECT_EQ(m[1].kind, dv::InboundKind::location);
  EXPECT_DOUBLE_EQ(m[1].latitude, -2.9761);
  EXPECT_DOUBLE_EQ(m[1].longitude, 104.7754);
  EXPECT_EQ(m[2].kind, dv::InboundKind::photo);
  EXPECT_EQ(m[2].media, "1003383421387256");
  EXPECT_EQ(m[3].kind, dv::InboundKind::text);
  EXPECT_EQ(m[3].text, "YA");
  EXPECT_EQ(m[4].text, "2. Sampah");
  EXPECT_EQ(m[5].kind, dv::InboundKind::unsupported);
  EXPECT_EQ(m[6].kind, dv::InboundKind::unsupported);
}

TEST(WhatsAppNotification, StatusesAreCountedNotHandled) {
  std::string body =
      R"({"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",)"
      R"("statuses":[{"id":"wamid.9","status":"delivered","recipient_id":"6281234567890"},{"id":"wamid.9","status":"read"}]},"field":"messages"}]}]})";
  auto read = read_notification(body);
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->messages.empty());
  EXPECT_EQ(read->statuses, 2U);
}

struct MalformedCase {
  std::string name;
  std::string body;
  bool ok;
  std::size_t messages;
};

void PrintTo(const MalformedCase& row, std::ostream* out) { *out << row.name; }

class WhatsAppMalformed : public ::testing::TestWithParam<MalformedCase> {};

TEST_P(WhatsAppMalformed, Table) {
  auto read = read_notification(GetParam().body);
  ASSERT_EQ(read.ok(), GetParam().ok);
  if (read.ok()) {
    EXPECT_EQ(read->messages.size(), GetParam().messages);
  } else {
    EXPECT_EQ(read.error().code(), ErrorCode::invalid_input);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Payloads, WhatsAppMalformed,
    ::testing::Values(MalformedCase{"not_json", "hello", false, 0}, MalformedCase{"an_array", "[]", false, 0},
                      MalformedCase{"empty_object", "{}", true, 0},
                      MalformedCase{"entry_not_an_array", R"({"entry":{}})", true, 0},
                      MalformedCase{"changes_of_strings", R"({"entry":[{"changes":["x",1,null]}]})", true, 0},
                      MalformedCase{"message_without_sender", wrap(R"({"id":"w","type":"text","text":{"body":"x"}})"),
                                    true, 0},
                      MalformedCase{"message_without_id", wrap(R"({"from":"62812","type":"text"})"), true, 0},
                      MalformedCase{"text_without_body", wrap(R"({"from":"62812","id":"w","type":"text"})"), true, 1},
                      MalformedCase{"location_without_coordinates",
                                    wrap(R"({"from":"62812","id":"w","type":"location","location":{}})"), true, 0},
                      MalformedCase{"coordinates_as_strings",
                                    wrap(R"({"from":"62812","id":"w","type":"location","location":{"latitude":"-2.9","longitude":"104.7"}})"),
                                    true, 1},
                      MalformedCase{"image_without_id", wrap(R"({"from":"62812","id":"w","type":"image","image":{}})"),
                                    true, 1},
                      MalformedCase{"deeply_nested", std::string(200, '[') + std::string(200, ']'), false, 0}));

TEST(WhatsAppSignature, MatchesTheHmacOfTheRawBody) {
  const std::string secret = "app-secret-123";
  const std::string body = R"({"object":"whatsapp_business_account","entry":[]})";
  const auto good = "sha256=" + crypto::hmac_sha256_hex(secret, body);
  EXPECT_TRUE(signature_matches(secret, body, good));
  auto upper = good;
  for (std::size_t i = 7; i < upper.size(); ++i) upper[i] = static_cast<char>(std::toupper(upper[i]));
  EXPECT_TRUE(signature_matches(secret, body, upper)) << "hex digits in either case";
  EXPECT_FALSE(signature_matches(secret, body + " ", good)) << "one byte more";
  EXPECT_FALSE(signature_matches("other", body, good));
  EXPECT_FALSE(signature_matches(secret, body, good.substr(7))) << "without sha256=";
  EXPECT_FALSE(signature_matches(secret, body, ""));
  EXPECT_FALSE(signature_matches("", body, "sha256=" + crypto::hmac_sha256_hex("", body))) << "no secret configured";
}

TEST(WhatsAppReply, FewShortChoicesBecomeButtonsOthersStayText) {
  auto buttons = message_body("+62 812-3456-7890", {"Periksa aduan Anda", {"YA", "BATAL"}});
  EXPECT_NE(buttons.find(R"("to":"6281234567890")"), std::string::npos);
  EXPECT_NE(buttons.find(R"("type":"interactive")"), std::string::npos);
  EXPECT_NE(buttons.find(R"("title":"BATAL")"), std::string::npos);
  auto list = message_body("6281234567890", {"Pilih:\n1. A\n2. B\n3. C\n4. D", {"1. A", "2. B", "3. C", "4. D"}});
  EXPECT_NE(list.find(R"("type":"text")"), std::string::npos);
  EXPECT_NE(list.find(R"(4. D)"), std::string::npos);
  auto long_title = message_body("6281234567890", {"x", {"a title longer than twenty"}});
  EXPECT_NE(long_title.find(R"("type":"text")"), std::string::npos);
}

}  // namespace
}  // namespace sigap::channels::whatsapp
