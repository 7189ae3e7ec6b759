// Reading Telegram Bot API updates and checking the webhook's secret token.
#include "channels/telegram/telegram_update.hpp"

#include <gtest/gtest.h>

#include "channels/telegram/telegram_bot.hpp"
#include "channels/telegram/telegram_secret.hpp"

namespace sigap::channels::telegram {
namespace {

namespace dv = domain::conversations;

std::string update(const std::string& message_fields, const std::string& chat_type = "private") {
  return R"({"update_id":912345678,"message":{"message_id":55,"from":{"id":7001,"is_bot":false,"first_name":"Rina","language_code":"id"},"chat":{"id":7001,"first_name":"Rina","type":")" +
         chat_type + R"("},"date":1749416383,)" + message_fields + "}}";
}

TEST(TelegramUpdate, ReadsTextLocationAndThePhotosLargestSize) {
  auto text = read_update(update(R"("text":"Halo")"));
  ASSERT_TRUE(text.ok() && text->has_value());
  EXPECT_EQ((*text)->kind, dv::InboundKind::text);
  EXPECT_EQ((*text)->text, "Halo");
  EXPECT_EQ((*text)->from, "7001");
  EXPECT_EQ((*text)->message_id, "update-912345678");

  auto location = read_update(update(R"("location":{"latitude":-2.9761,"longitude":104.7754})"));
  ASSERT_TRUE(location.ok() && location->has_value());
  EXPECT_EQ((*location)->kind, dv::InboundKind::location);
  EXPECT_DOUBLE_EQ((*location)->latitude, -2.9761);

  auto photo = read_update(update(
      R"("photo":[{"file_id":"small","file_unique_id":"a","width":90,"height":67},{"file_id":"large","file_unique_id":"b","width":1280,"height":960,"file_size":120000}])"));
  ASSERT_TRUE(photo.ok() && photo->has_value());
  EXPECT_EQ((*photo)->kind, dv::InboundKind::photo);
  EXPECT_EQ((*photo)->media, "large");

  auto sticker = read_update(update(R"("sticker":{"file_id":"s","width":512,"height":512})"));
  ASSERT_TRUE(sticker.ok() && sticker->has_value());
  EXPECT_EQ((*sticker)->kind, dv::InboundKind::unsupported);
}

TEST(TelegramUpdate, WhatIsNotAPrivateMessageIsNothingToAnswer) {
  for (const std::string& body :
       {update(R"("text":"halo")", "group"), std::string(R"({"update_id":1,"edited_message":{"text":"x"}})"),
        std::string(R"({"update_id":1})"), std::string("{}"),
        std::string(R"({"update_id":1,"message":{"chat":{"id":1,"type":"private"},"from":{"id":9,"is_bot":true},"text":"x"}})"),
        std::string(R"({"update_id":1,"message":{"chat":{"type":"private"},"text":"x"}})")}) {
    auto read = read_update(body);
    ASSERT_TRUE(read.ok()) << body;
    EXPECT_FALSE(read->has_value()) << body;
  }
  EXPECT_FALSE(read_update("not json").ok());
  EXPECT_FALSE(read_update("[1]").ok());
  EXPECT_FALSE(read_update(std::string(100, '{')).ok());
}

TEST(TelegramSecret, OnlyTheConfiguredToken) {
  TelegramSettings settings;
  settings.bot_token = "123:abc";
  settings.secret_token = "tg-secret_1";
  EXPECT_TRUE(secret_token_matches(settings, "tg-secret_1"));
  EXPECT_FALSE(secret_token_matches(settings, "tg-secret_2"));
  EXPECT_FALSE(secret_token_matches(settings, std::nullopt));
  settings.secret_token.clear();
  EXPECT_FALSE(secret_token_matches(settings, ""));
}

TEST(TelegramReply, ChoicesBecomeAReplyKeyboardOtherwiseItIsRemoved) {
  auto with = send_message_body("7001", {"Pilih:\n1. A\n2. B", {"1. A", "2. B"}});
  EXPECT_NE(with.find(R"("chat_id":7001)"), std::string::npos);
  EXPECT_NE(with.find(R"("keyboard":[[{"text":"1. A"}],[{"text":"2. B"}]])"), std::string::npos) << with;
  EXPECT_NE(with.find(R"("one_time_keyboard":true)"), std::string::npos);
  auto without = send_message_body("7001", {"Terima kasih", {}});
  EXPECT_NE(without.find(R"("remove_keyboard":true)"), std::string::npos);
}

}  // namespace
}  // namespace sigap::channels::telegram
