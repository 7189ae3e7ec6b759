// The SMS door of the real `sigap serve`, with a fake SMS gateway on loopback: "LAPOR <text>"
// files a case (the kelurahan asked in a follow-up SMS when the text names none), the code comes
// back by SMS within the SMS limits, the case is in the staff inbox, its status change goes back
// out by SMS, "CEK <code>" answers; a wrong or missing secret is refused with nothing created.
#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "channels/channel_world.hpp"
#include "domain/conversations/sms_segments.hpp"
#include "http/form_body.hpp"
#include "support/http_client.hpp"

namespace sigap::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

constexpr std::string_view kSecret = "sms-gateway-secret-77";
constexpr std::string_view kCitizen = "081234567890";

std::string form_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      out.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

class SmsDoor : public ::testing::Test {
 protected:
  void SetUp() override {
    gateway_ = std::make_unique<FakeProvider>([](const ReceivedRequest&) {
      return ProviderAnswer{200, "application/json", R"({"status":"queued"})"};
    });
    server_ = std::make_unique<ChannelServer>(std::vector<std::string>{
        "SIGAP_SMS_SECRET=" + std::string(kSecret), "SIGAP_SMS_GATEWAY_URL=" + gateway_->url("/api/send"),
        "SIGAP_SMS_FROM_FIELD=msisdn", "SIGAP_SMS_TEXT_FIELD=message", "SIGAP_SMS_GATEWAY_TOKEN=gw-token"});
    ASSERT_FALSE(server_->start().empty());
  }

  // Each SMS the gateway was asked to send: {to, text}.
  std::vector<std::pair<std::string, std::string>> sent() const {
    std::vector<std::pair<std::string, std::string>> messages;
    for (const auto& request : gateway_->requests()) {
      EXPECT_EQ(request.header("authorization"), "Bearer gw-token");
      EXPECT_EQ(request.header("content-type"), "application/x-www-form-urlencoded");
      auto form = http::parse_form_body(request.body);
      EXPECT_TRUE(form.ok());
      std::string to, text;
      for (const auto& [name, value] : *form) {
        if (name == "to") to = value;
        if (name == "text") text = value;
      }
      messages.emplace_back(to, text);
    }
    return messages;
  }

  std::string all_text_since(std::size_t first) const {
    std::string text;
    auto messages = sent();
    for (auto i = first; i < messages.size(); ++i) text += messages[i].second;
    return text;
  }

  HttpResult inbound(const std::string& text, const std::vector<std::string>& extra_headers,
                     std::string form_secret = "", bool wait = true) {
    auto before = sent().size();
    std::string body = "msisdn=" + form_encode(kCitizen) + "&message=" + form_encode(text);
    if (!form_secret.empty()) body += "&secret=" + form_encode(form_secret);
    std::vector<std::string> headers{"Content-Type: application/x-www-form-urlencoded"};
    headers.insert(headers.end(), extra_headers.begin(), extra_headers.end());
    HttpClient client(server_->url());
    auto result = client.request("POST", "/channels/sms/inbound", body, headers);
    if (wait) {
      EXPECT_TRUE(gateway_->wait_for([&](const auto&) { return sent().size() > before; }, 10s)) << "no SMS back";
    }
    return result;
  }

  HttpResult inbound(const std::string& text) { return inbound(text, {"X-Sigap-Secret: " + std::string(kSecret)}); }

  json::array inbox() {
    HttpClient client(server_->url());
    auto listed = client.get("/api/v1/complaints?channel=sms", server_->staff());
    EXPECT_EQ(listed.status, 200) << listed.body;
    return listed.json().as_object().at("items").as_array();
  }

  std::unique_ptr<FakeProvider> gateway_;
  std::unique_ptr<ChannelServer> server_;
};

TEST_F(SmsDoor, LaporFilesACaseTheCodeComesBackAndTheStatusChangeGoesOutBySms) {
  auto answered = inbound("LAPOR Lampu jalan mati di depan pasar Kalidoni sejak tiga hari");
  EXPECT_EQ(answered.status, 200) << answered.body;
  auto messages = sent();
  ASSERT_FALSE(messages.empty());
  auto codes = codes_in(all_text_since(0));
  ASSERT_FALSE(codes.empty()) << all_text_since(0);
  const auto code = codes.front();
  for (const auto& [to, text] : messages) {
    EXPECT_TRUE(to == kCitizen || to == "+6281234567890") << to;  // as it came, or as the case keeps it
    EXPECT_EQ(domain::conversations::split_sms(text).parts.size(), 1U) << "each request is one SMS: " << text;
  }

  auto items = inbox();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("code"), json::value(code));
  EXPECT_EQ(items[0].as_object().at("channel"), "sms");
  EXPECT_EQ(items[0].as_object().at("region_code"), "16.71.10.1002") << "Kalidoni, named in the text";
  auto id = items[0].as_object().at("id").as_int64();

  auto before_check = sent().size();
  inbound("CEK " + code);
  EXPECT_TRUE(gateway_->wait_for(
      [&](const auto&) { return all_text_since(before_check).find("Aduan " + code + ":") != std::string::npos; }, 10s))
      << all_text_since(before_check);

  auto before = sent().size();
  HttpClient client(server_->url());
  auto verified = client.request("POST", "/api/v1/complaints/" + std::to_string(id) + "/actions",
                                 R"({"action":"verify"})", server_->staff());
  ASSERT_EQ(verified.status, 200) << verified.body;
  ASSERT_TRUE(gateway_->wait_for(
      [&](const auto&) {
        auto text = all_text_since(before);
        return text.find(code) != std::string::npos && text.find("telah diverifikasi") != std::string::npos;
      },
      20s))
      << all_text_since(before) << server_->output();
}

TEST_F(SmsDoor, TheKelurahanIsAskedInAFollowUpWhenTheTextNamesNone) {
  inbound("LAPOR sampah menumpuk di pinggir jalan sudah seminggu");
  EXPECT_NE(all_text_since(0).find("Di kelurahan mana"), std::string::npos) << all_text_since(0);
  EXPECT_TRUE(inbox().empty());
  inbound("sukarami");
  auto codes = codes_in(all_text_since(0));
  ASSERT_EQ(codes.size(), 1U) << all_text_since(0);
  auto items = inbox();
  ASSERT_EQ(items.size(), 1U);
  EXPECT_EQ(items[0].as_object().at("region_code"), "16.71.07.1005");
}

TEST_F(SmsDoor, AWrongOrMissingSecretIsRefusedWithNothingCreated) {
  const std::string report = "LAPOR jalan rusak parah di depan pasar Kalidoni";
  EXPECT_EQ(inbound(report, {"X-Sigap-Secret: wrong"}, "", false).status, 403);
  EXPECT_EQ(inbound(report, {}, "", false).status, 401);
  EXPECT_EQ(inbound(report, {}, "also-wrong", false).status, 401);
  std::this_thread::sleep_for(300ms);
  EXPECT_TRUE(gateway_->requests().empty());
  EXPECT_TRUE(inbox().empty());
  // The secret as a form field works too.
  EXPECT_EQ(inbound(report, {}, std::string(kSecret)).status, 200);
  EXPECT_EQ(inbox().size(), 1U);
}

TEST_F(SmsDoor, MalformedFormsAre4xxAndNeverACrash) {
  HttpClient client(server_->url());
  const std::string secret = "X-Sigap-Secret: " + std::string(kSecret);
  auto post = [&](const std::string& body, const std::string& type = "application/x-www-form-urlencoded") {
    return client.request("POST", "/channels/sms/inbound", body, {"Content-Type: " + type, secret}).status;
  };
  EXPECT_EQ(post("message=halo"), 422) << "no sender";
  EXPECT_EQ(post("msisdn=0812&msisdn=0813&message=x"), 422) << "two senders";
  EXPECT_EQ(post("msisdn=0812&message=%ZZ"), 400) << "a broken escape";
  EXPECT_EQ(post(R"({"msisdn":"0812"})", "application/json"), 415);
  EXPECT_EQ(post("msisdn=0812&message=" + std::string(5 * 1024 * 1024, 'a')), 413);
  EXPECT_TRUE(gateway_->requests().empty());
  EXPECT_EQ(client.get("/healthz").status, 200);
}

}  // namespace
}  // namespace sigap::testing
