// The Telegram door of the real `sigap serve`, with a fake Bot API on loopback: the report is
// collected through messages and reply keyboards (a location message sets the pin, a photo comes
// through getFile), the code comes back by sendMessage, the case is in the staff inbox, and its
// status change is sent back to the same chat; a wrong secret token is refused with nothing
// created.
#include <optional>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "channels/channel_world.hpp"
#include "media/test_images.hpp"
#include "support/http_client.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view kBot = "123456:ABC-test";
constexpr std::string_view kSecret = "tg-secret_token-42";
constexpr std::int64_t kChat = 700123;

class TelegramDoor : public ::testing::Test {
 protected:
  void SetUp() override {
    photo_ = media::testing::noise_jpeg(800, 600);
    api_ = std::make_unique<FakeProvider>([this](const ReceivedRequest& request) { return answer(request); });
    server_ = std::make_unique<ChannelServer>(std::vector<std::string>{
        "SIGAP_TELEGRAM_API_URL=" + api_->url(), "SIGAP_TELEGRAM_BOT_TOKEN=" + std::string(kBot),
        "SIGAP_TELEGRAM_SECRET_TOKEN=" + std::string(kSecret)});
    ASSERT_FALSE(server_->start().empty());
  }

  ProviderAnswer answer(const ReceivedRequest& request) {
    const std::string bot = "/bot" + std::string(kBot);
    if (request.method == "POST" && request.target == bot + "/sendMessage") {
      return {200, "application/json", R"({"ok":true,"result":{"message_id":1}})"};
    }
    if (request.method == "GET" && request.target == bot + "/getFile?file_id=AgACAgUAAxk-large") {
      return {200, "application/json",
              json::serialize(json::object{{"ok", true},
                                           {"result", json::object{{"file_id", "AgACAgUAAxk-large"},
                                                                   {"file_size", photo_.size()},
                                                                   {"file_path", "photos/file_7.jpg"}}}})};
    }
    if (request.method == "GET" && request.target == "/file" + bot + "/photos/file_7.jpg") {
      return {200, "image/jpeg", photo_};
    }
    return {404, "application/json", R"({"ok":false,"error_code":404,"description":"Not Found"})"};
  }

  std::vector<json::object> sent() const {
    std::vector<json::object> messages;
    for (const auto& request : api_->requests()) {
      if (request.method == "POST") messages.push_back(json::parse(request.body).as_object());
    }
    return messages;
  }
  std::string last_text() const {
    auto messages = sent();
    return messages.empty() ? std::string() : std::string(messages.back().at("text").as_string());
  }

  HttpResult update(const json::object& message_fields, std::string secret = std::string(kSecret), bool wait = true) {
    json::object message{{"message_id", ++serial_},
                         {"from", json::object{{"id", kChat}, {"is_bot", false}, {"first_name", "Rina"}}},
                         {"chat", json::object{{"id", kChat}, {"first_name", "Rina"}, {"type", "private"}}},
                         {"date", 1749416383}};
    for (const auto& [key, value] : message_fields) message[key] = value;
    auto body = json::serialize(json::object{{"update_id", 900000 + serial_}, {"message", message}});
    auto before = sent().size();
    HttpClient client(server_->url());
    auto result = client.request("POST", "/channels/telegram/webhook", body,
                                 {"Content-Type: application/json", "X-Telegram-Bot-Api-Secret-Token: " + secret});
    if (wait) {
      EXPECT_TRUE(api_->wait_for([&](const auto&) { return sent().size() > before; }, 10s)) << body;
    }
    return result;
  }
  HttpResult text(const std::string& words) { return update({{"text", words}}); }

  // The first message sent since the `before`th that contains `needle` (status notices may
  // interleave with replies); nothing when none came within `within`.
  std::optional<json::object> sent_since(std::size_t before, const std::string& needle,
                                         std::chrono::seconds within = 10s) const {
    std::optional<json::object> found;
    api_->wait_for(
        [&](const auto&) {
          auto messages = sent();
          for (auto i = before; i < messages.size(); ++i) {
            if (std::string_view(messages[i].at("text").as_string()).find(needle) != std::string_view::npos) {
              found = messages[i];
              return true;
            }
          }
          return false;
        },
        within);
    return found;
  }

  json::array inbox() {
    HttpClient client(server_->url());
    auto listed = client.get("/api/v1/complaints?channel=telegram", server_->staff());
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json().as_object().at("items").as_array();
  }

  std::string photo_;
  std::unique_ptr<FakeProvider> api_;
  std::unique_ptr<ChannelServer> server_;
  int serial_ = 0;
};

TEST_F(TelegramDoor, AFullReportThroughMessagesAndKeyboards) {
  text("Hello, I want to report a problem");
  auto greeting = sent().back();
  EXPECT_EQ(greeting.at("chat_id"), kChat);
  ASSERT_TRUE(greeting.at("reply_markup").as_object().contains("keyboard")) << json::serialize(greeting);
  // The citizen presses the button of "Damaged road": its text comes back.
  std::string pressed;
  for (const auto& row : greeting.at("reply_markup").as_object().at("keyboard").as_array()) {
    std::string label(row.as_array().at(0).as_object().at("text").as_string());
    if (label.find("Damaged road") != std::string::npos) pressed = label;
  }
  ASSERT_FALSE(pressed.empty()) << json::serialize(greeting);
  text(pressed);
  EXPECT_NE(last_text().find("Category: Damaged road"), std::string::npos) << last_text();
  text("A deep pothole in front of the primary school, since last week");
  update({{"location", json::object{{"latitude", -2.9761}, {"longitude", 104.7754}}}});
  EXPECT_NE(last_text().find("-2.97610, 104.77540"), std::string::npos) << last_text();
  update({{"photo", json::array{json::object{{"file_id", "AgACAgUAAxk-small"}, {"width", 90}, {"height", 67}},
                                json::object{{"file_id", "AgACAgUAAxk-large"}, {"width", 800}, {"height", 600}}}}});
  EXPECT_NE(last_text().find("Photo 1 received"), std::string::npos) << last_text();
  text("DONE");
  EXPECT_NE(last_text().find("Photos: 1"), std::string::npos) << last_text();
  auto before_yes = sent().size();
  text("YES");
  auto filed = sent_since(before_yes, "your report was received");
  ASSERT_TRUE(filed) << last_text();
  auto codes = codes_in(std::string(filed->at("text").as_string()));
  ASSERT_EQ(codes.size(), 1U) << filed->at("text");
  EXPECT_TRUE(filed->at("reply_markup").as_object().contains("remove_keyboard"));

  auto items = inbox();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("code"), json::value(codes[0]));
  EXPECT_EQ(items[0].as_object().at("channel"), "telegram");
  EXPECT_EQ(items[0].as_object().at("category"), "jalan-rusak");
  HttpClient client(server_->url());
  auto id = items[0].as_object().at("id").as_int64();
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(id) + "/photos/1", server_->staff()).status, 200);

  auto before_check = sent().size();
  text("CHECK " + codes[0]);
  EXPECT_TRUE(sent_since(before_check, "Report " + codes[0])) << last_text();

  // The reporter hears of the status change in the same chat (after the "received" notice),
  // through sendMessage with the chat id kept (sealed) with the case.
  auto staff = server_->staff();
  auto verified = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions",
                                 R"({"action":"verify"})", staff);
  ASSERT_EQ(verified.status, 200) << verified.body;
  auto notice = sent_since(0, "Your complaint " + codes[0] + " has been verified", 20s);
  ASSERT_TRUE(notice) << server_->output();
  EXPECT_EQ(notice->at("chat_id"), kChat);
  EXPECT_TRUE(sent_since(0, "we have received your complaint with code " + codes[0])) << "the received notice";
  // The chat id is no phone number: the staff see none.
  auto shown = client.get("/api/v1/complaints/" + std::to_string(id), staff);
  ASSERT_EQ(shown.status, 200) << shown.body;
  EXPECT_EQ(shown.body.find(std::to_string(kChat)), std::string::npos) << shown.body;
}

TEST_F(TelegramDoor, AWrongOrMissingSecretTokenIsRefusedWithNothingCreated) {
  EXPECT_EQ(update({{"text", "LAPOR jalan rusak di depan pasar Kalidoni"}}, "wrong", false).status, 401);
  HttpClient client(server_->url());
  auto without = client.request("POST", "/channels/telegram/webhook",
                                R"({"update_id":1,"message":{"chat":{"id":1,"type":"private"},"text":"LAPOR jalan rusak di Kalidoni"}})",
                                {"Content-Type: application/json"});
  EXPECT_EQ(without.status, 401);
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(api_->requests().empty());
  EXPECT_TRUE(inbox().empty());
}

TEST_F(TelegramDoor, UpdatesWithoutAMessageAreAcceptedQuietly) {
  HttpClient client(server_->url());
  const std::string secret = "X-Telegram-Bot-Api-Secret-Token: " + std::string(kSecret);
  EXPECT_EQ(client.request("POST", "/channels/telegram/webhook", R"({"update_id":5,"edited_message":{"text":"x"}})",
                           {"Content-Type: application/json", secret})
                .status,
            200);
  EXPECT_EQ(client.request("POST", "/channels/telegram/webhook", "{oops", {"Content-Type: application/json", secret}).status,
            400);
  update({{"sticker", json::object{{"file_id", "s"}}}});
  EXPECT_NE(last_text().find("Maaf"), std::string::npos) << last_text();
  EXPECT_EQ(client.get("/healthz").status, 200);
}

}  // namespace
}  // namespace sigap::testing
