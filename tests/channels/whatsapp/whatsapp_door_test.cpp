// The WhatsApp door of the real `sigap serve`, with a fake Graph API on loopback that records
// every message sent and serves media: a report collected step by step (with a shared location
// and a photo) gets its code back on WhatsApp, lands in the staff inbox, and its status change
// goes back out as a WhatsApp message; a restart in the middle continues at the same step;
// forged signatures and malformed payloads are refused or answered without harm.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "channels/channel_world.hpp"
#include "crypto/hashing.hpp"
#include "media/test_images.hpp"
#include "support/http_client.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view kSecret = "wa-app-secret-5150";
constexpr std::string_view kToken = "EAAG-test-access-token";
constexpr std::string_view kPhoneId = "106540352242922";
constexpr std::string_view kCitizen = "6281234567890";

class WhatsAppDoor : public ::testing::Test {
 protected:
  void SetUp() override {
    photo_ = media::testing::noise_jpeg(640, 480);
    graph_ = std::make_unique<FakeProvider>([this](const ReceivedRequest& request) { return answer(request); });
    server_ = std::make_unique<ChannelServer>(std::vector<std::string>{
        "SIGAP_WHATSAPP_GRAPH_URL=" + graph_->url("/v21.0"), "SIGAP_WHATSAPP_ACCESS_TOKEN=" + std::string(kToken),
        "SIGAP_WHATSAPP_APP_SECRET=" + std::string(kSecret), "SIGAP_WHATSAPP_VERIFY_TOKEN=verify-me",
        "SIGAP_WHATSAPP_PHONE_NUMBER_ID=" + std::string(kPhoneId)});
    ASSERT_FALSE(server_->start().empty());
  }

  ProviderAnswer answer(const ReceivedRequest& request) {
    if (request.header("authorization") != "Bearer " + std::string(kToken)) return {401, "application/json", "{}"};
    if (request.method == "POST" && request.target == "/v21.0/" + std::string(kPhoneId) + "/messages") {
      return {200, "application/json", R"({"messaging_product":"whatsapp","messages":[{"id":"wamid.out"}]})"};
    }
    if (request.method == "GET" && request.target == "/v21.0/media-778") {
      return {200, "application/json",
              json::serialize(json::object{{"url", graph_->url("/files/media-778.jpg")},
                                           {"mime_type", "image/jpeg"},
                                           {"file_size", photo_.size()},
                                           {"id", "media-778"}})};
    }
    if (request.method == "GET" && request.target == "/files/media-778.jpg") return {200, "image/jpeg", photo_};
    return {404, "application/json", R"({"error":{"message":"Unknown path"}})"};
  }

  // What Sigap sent to the citizen so far: the text of each message, in order.
  std::vector<std::string> sent() const {
    std::vector<std::string> texts;
    for (const auto& request : graph_->requests()) {
      if (request.method != "POST") continue;
      auto message = json::parse(request.body).as_object();
      EXPECT_EQ(message.at("to"), json::value(std::string(kCitizen)));
      if (message.at("type") == "text") {
        texts.emplace_back(message.at("text").as_object().at("body").as_string());
      } else {
        texts.emplace_back(
            message.at("interactive").as_object().at("body").as_object().at("text").as_string());
      }
    }
    return texts;
  }

  // Sends one notification, signed, and waits until `replies` more messages went out.
  HttpResult notify(const std::string& body, std::size_t replies = 1, std::string signature = "") {
    if (signature.empty()) signature = "sha256=" + crypto::hmac_sha256_hex(kSecret, body);
    auto before = sent().size();
    HttpClient client(server_->url());
    auto result = client.request("POST", "/channels/whatsapp/webhook", body,
                                 {"Content-Type: application/json", "X-Hub-Signature-256: " + signature});
    if (replies > 0) {
      EXPECT_TRUE(graph_->wait_for([&](const auto&) { return sent().size() >= before + replies; }, 10s))
          << "no reply to " << body.substr(0, 200);
    }
    return result;
  }

  // Sends one message and returns the first message sent back since that contains `expected`
  // ("" when none came within 10 s). Status notices may interleave with replies.
  std::string say(const std::string& body, const std::string& expected) {
    auto before = sent().size();
    auto result = notify(body, 0);
    EXPECT_EQ(result.status, 200) << result.body;
    std::string found;
    graph_->wait_for(
        [&](const auto&) {
          auto texts = sent();
          for (auto i = before; i < texts.size(); ++i) {
            if (texts[i].find(expected) != std::string::npos) {
              found = texts[i];
              return true;
            }
          }
          return false;
        },
        10s);
    EXPECT_FALSE(found.empty()) << "no reply with \"" << expected << "\" to " << body.substr(0, 300);
    return found;
  }

  static std::string envelope(const json::object& message) {
    json::object value{{"messaging_product", "whatsapp"},
                       {"metadata", json::object{{"display_phone_number", "15550783881"}, {"phone_number_id", kPhoneId}}},
                       {"contacts", json::array{json::object{{"profile", json::object{{"name", "Rina"}}}, {"wa_id", kCitizen}}}},
                       {"messages", json::array{message}}};
    json::object root{{"object", "whatsapp_business_account"},
                      {"entry", json::array{json::object{
                                    {"id", "102290129340398"},
                                    {"changes", json::array{json::object{{"value", value}, {"field", "messages"}}}}}}}};
    return json::serialize(root);
  }

  std::string text(const std::string& words) {
    return envelope({{"from", kCitizen}, {"id", "wamid.in." + std::to_string(++serial_)}, {"timestamp", "1749416383"},
                     {"type", "text"}, {"text", json::object{{"body", words}}}});
  }
  std::string location(double latitude, double longitude) {
    return envelope({{"from", kCitizen}, {"id", "wamid.in." + std::to_string(++serial_)}, {"type", "location"},
                     {"location", json::object{{"latitude", latitude}, {"longitude", longitude}}}});
  }
  std::string image(const std::string& media_id) {
    return envelope({{"from", kCitizen}, {"id", "wamid.in." + std::to_string(++serial_)}, {"type", "image"},
                     {"image", json::object{{"id", media_id}, {"mime_type", "image/jpeg"}}}});
  }

  json::array inbox() {
    HttpClient client(server_->url());
    auto listed = client.get("/api/v1/complaints?channel=whatsapp", server_->staff());
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json().as_object().at("items").as_array();
  }

  std::string photo_;
  std::unique_ptr<FakeProvider> graph_;
  std::unique_ptr<ChannelServer> server_;
  int serial_ = 0;
};

TEST_F(WhatsAppDoor, AFullReportGetsItsCodeOnWhatsAppAndItsStatusChangeGoesBackOut) {
  auto greeting = say(text("Halo, selamat pagi"), "Balas dengan nomornya");
  auto road = number_of(greeting, "Jalan rusak");
  ASSERT_FALSE(road.empty()) << greeting;
  say(text(road), "Kategori: Jalan rusak");
  say(text("Jalan berlubang besar di depan SD Negeri 12, sudah seminggu"), "Di mana lokasinya");
  say(location(-2.9761, 104.7754), "Kirim fotonya");
  say(image("media-778"), "Foto ke-1 diterima");
  say(text("selesai"), "Foto: 1");
  auto thanks = say(text("YA"), "Terima kasih");
  auto codes = codes_in(thanks);
  ASSERT_EQ(codes.size(), 1U) << thanks;
  const auto code = codes.front();
  EXPECT_NE(thanks.find("https://sigap.test/lacak/" + code), std::string::npos) << thanks;

  // The photo was fetched from the Graph API with the token.
  auto requests = graph_->requests();
  EXPECT_TRUE(std::any_of(requests.begin(), requests.end(), [](const auto& r) { return r.target == "/files/media-778.jpg"; }));

  // In the staff inbox, from WhatsApp, with its pin and photo.
  auto items = inbox();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("code"), json::value(code));
  EXPECT_EQ(items[0].as_object().at("channel"), "whatsapp");
  EXPECT_EQ(items[0].as_object().at("category"), "jalan-rusak");
  EXPECT_NE(items[0].as_object().at("location"), json::value(nullptr)) << "the shared pin";
  auto id = items[0].as_object().at("id").as_int64();
  HttpClient client(server_->url());
  auto staff = server_->staff();
  auto first_photo = client.get("/api/v1/complaints/" + std::to_string(id) + "/photos/1", staff);
  EXPECT_EQ(first_photo.status, 200) << "the photo sent on WhatsApp is the case's";
  EXPECT_EQ(first_photo.header("content-type"), "image/jpeg");
  EXPECT_EQ(client.get("/api/v1/complaints/" + std::to_string(id) + "/photos/2", staff).status, 404);

  // CEK answers on WhatsApp.
  say(text("CEK " + code), "Aduan " + code + ":");

  // The reporter is told of the status change on WhatsApp (after the "received" notice).
  auto verified = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions",
                                 R"({"action":"verify"})", staff);
  ASSERT_EQ(verified.status, 200) << verified.body;
  ASSERT_TRUE(graph_->wait_for(
      [&](const auto&) {
        for (const auto& message : sent()) {
          if (message.find(code) != std::string::npos && message.find("telah diverifikasi") != std::string::npos) {
            return true;
          }
        }
        return false;
      },
      20s))
      << server_->output();
}

TEST_F(WhatsAppDoor, ARestartInTheMiddleContinuesAtTheSameStep) {
  auto greeting = say(text("Halo"), "Balas dengan nomornya");
  say(text(number_of(greeting, "Jalan rusak")), "Kategori: Jalan rusak");
  say(text("Jalan berlubang besar di depan SD Negeri 12, sudah seminggu"), "Di mana lokasinya");
  server_->stop();
  ASSERT_FALSE(server_->start().empty());
  // The location step, not a new greeting.
  say(text("Kelurahan Sukarami"), "Lokasi: Kelurahan Sukarami");
  say(text("selesai"), "Jalan berlubang besar di depan SD Negeri 12");
  auto thanks = say(text("ya"), "Terima kasih");
  EXPECT_EQ(codes_in(thanks).size(), 1U) << thanks;
  EXPECT_EQ(inbox().size(), 1U);
}

TEST_F(WhatsAppDoor, AForgedOrMissingSignatureIsRefusedAndNothingIsProcessed) {
  auto body = text("LAPOR jalan rusak parah di depan pasar Kalidoni");
  EXPECT_EQ(notify(body, 0, "sha256=" + crypto::hmac_sha256_hex("not-the-secret", body)).status, 401);
  EXPECT_EQ(notify(body, 0, "sha256=00").status, 401);
  HttpClient client(server_->url());
  auto unsigned_post = client.request("POST", "/channels/whatsapp/webhook", body, {"Content-Type: application/json"});
  EXPECT_EQ(unsigned_post.status, 401);
  EXPECT_EQ(unsigned_post.header("content-type").rfind("application/problem+json", 0), 0U);
  std::this_thread::sleep_for(500ms);
  EXPECT_TRUE(graph_->requests().empty()) << "nothing was answered";
  EXPECT_TRUE(inbox().empty()) << "nothing was filed";
  EXPECT_NE(server_->output().find("whatsapp: refused a notification"), std::string::npos) << "and it is logged";
}

TEST_F(WhatsAppDoor, TheVerificationEchoesTheChallengeOnlyForTheRightToken) {
  HttpClient client(server_->url());
  auto ok = client.get("/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.body, "1158201444");
  EXPECT_EQ(client.get("/channels/whatsapp/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").status, 403);
  EXPECT_EQ(client.get("/channels/whatsapp/webhook?hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1").status,
            403);
}

TEST_F(WhatsAppDoor, MalformedPayloadsGetTheAnswerTheProviderExpectsAndNeverACrash) {
  // Unknown message type: 200 and a polite "not understood".
  auto sticker = envelope({{"from", kCitizen}, {"id", "wamid.s"}, {"type", "sticker"}, {"sticker", json::object{{"id", "1"}}}});
  EXPECT_EQ(notify(sticker).status, 200);
  EXPECT_NE(sent().back().find("Maaf"), std::string::npos) << sent().back();
  // The same message delivered twice is answered once.
  EXPECT_EQ(notify(sticker, 0).status, 200);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(sent().size(), 1U);
  // Missing fields: 200, nothing to answer.
  EXPECT_EQ(notify(R"({"object":"whatsapp_business_account"})", 0).status, 200);
  EXPECT_EQ(notify(R"({"entry":[{"changes":[{"value":{"messages":[{"type":"text"}]}}]}]})", 0).status, 200);
  EXPECT_EQ(notify(R"({"entry":[{"changes":[{"value":{"statuses":[{"id":"x","status":"read"}]}}]}]})", 0).status, 200);
  // Not JSON: 400.
  EXPECT_EQ(notify("{not json", 0).status, 400);
  // 5 MB of text: refused unread.
  auto huge = text(std::string(5 * 1024 * 1024, 'a'));
  EXPECT_EQ(notify(huge, 0).status, 413);
  // A text message of the most WhatsApp allows is a description like any other.
  EXPECT_EQ(sent().size(), 1U);
  HttpClient client(server_->url());
  EXPECT_EQ(client.get("/healthz").status, 200) << "still serving";
}

}  // namespace
}  // namespace sigap::testing
