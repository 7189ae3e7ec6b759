#include "channels/whatsapp/whatsapp_cloud.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace sigap::channels::whatsapp {

namespace json = boost::json;
namespace ports = app::ports;

namespace {

constexpr std::size_t kMaxButtons = 3;
constexpr std::size_t kMaxButtonTitle = 20;
constexpr std::size_t kMaxInteractiveBody = 1024;
constexpr std::size_t kMaxText = 4096;

std::string digits_only(const std::string& to) {
  std::string digits;
  for (char c : to) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  return digits;
}

ports::SendOutcome outcome_of(const ports::ProviderResponse& response) {
  ports::SendOutcome outcome;
  if (response.status >= 200 && response.status < 300) {
    outcome.sent = true;
    return outcome;
  }
  outcome.permanent = response.status >= 400 && response.status < 500 && response.status != 429;
  outcome.error = response.status ? fmt::format("Graph API answered {}", response.status) : response.error;
  return outcome;
}

}  // namespace

std::string message_body(const std::string& to, const domain::conversations::Reply& reply) {
  json::object message{{"messaging_product", "whatsapp"}, {"recipient_type", "individual"}, {"to", digits_only(to)}};
  bool buttons = !reply.choices.empty() && reply.choices.size() <= kMaxButtons && reply.text.size() <= kMaxInteractiveBody;
  for (const auto& choice : reply.choices) buttons = buttons && !choice.empty() && choice.size() <= kMaxButtonTitle;
  if (buttons) {
    json::array list;
    for (std::size_t i = 0; i < reply.choices.size(); ++i) {
      list.push_back(json::object{{"type", "reply"},
                                  {"reply", json::object{{"id", fmt::format("choice-{}", i + 1)},
                                                         {"title", reply.choices[i]}}}});
    }
    message["type"] = "interactive";
    message["interactive"] = json::object{{"type", "button"},
                                          {"body", json::object{{"text", reply.text}}},
                                          {"action", json::object{{"buttons", std::move(list)}}}};
  } else {
    message["type"] = "text";
    auto text = reply.text.size() > kMaxText ? reply.text.substr(0, kMaxText) : reply.text;
    while (!text.empty() && text.size() < reply.text.size() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
      text.pop_back();  // never half a character
    }
    message["text"] = json::object{{"preview_url", false}, {"body", text}};
  }
  return json::serialize(message);
}

WhatsAppCloud::WhatsAppCloud(WhatsAppSettings settings, ports::ProviderClient& client)
    : settings_(std::move(settings)), client_(client) {
  while (settings_.graph_url.ends_with('/')) settings_.graph_url.pop_back();
}

ports::SendOutcome WhatsAppCloud::send(const std::string& to, const domain::conversations::Reply& reply) {
  ports::ProviderRequest request;
  request.method = "POST";
  request.url = settings_.graph_url + "/" + settings_.phone_number_id + "/messages";
  request.headers = {{"Authorization", "Bearer " + settings_.access_token}, {"Content-Type", "application/json"}};
  request.body = message_body(to, reply);
  return outcome_of(client_.send(request));
}

Result<std::string> WhatsAppCloud::fetch_media(const std::string& reference, std::size_t max_bytes) {
  auto unavailable = [](std::string why) {
    return Error(ErrorCode::unavailable, Text{"Media tidak dapat diambil.", "The media could not be fetched."})
        .with_log_detail(std::move(why));
  };
  bool plain = !reference.empty();
  for (char c : reference) plain = plain && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
  if (!plain) return unavailable("a media id that is not a plain id");
  ports::ProviderRequest lookup;
  lookup.method = "GET";
  lookup.url = settings_.graph_url + "/" + reference;
  lookup.headers = {{"Authorization", "Bearer " + settings_.access_token}};
  auto found = client_.send(lookup);
  if (found.status != 200) return unavailable(fmt::format("media lookup: {} {}", found.status, found.error));
  boost::system::error_code ec;
  auto parsed = json::parse(found.body, ec);
  if (ec || !parsed.is_object()) return unavailable("media lookup: not a JSON object");
  const auto& object = parsed.get_object();
  const auto* url = object.if_contains("url");
  if (!url || !url->is_string()) return unavailable("media lookup: no url");
  if (const auto* size = object.if_contains("file_size"); size && size->is_number()) {
    if (size->to_number<double>() > static_cast<double>(max_bytes)) {
      return Error(ErrorCode::payload_too_large, Text{"Media terlalu besar.", "The media is too large."});
    }
  }
  ports::ProviderRequest download;
  download.method = "GET";
  download.url = std::string(url->get_string());
  download.headers = {{"Authorization", "Bearer " + settings_.access_token}};
  download.max_answer = max_bytes;
  auto media = client_.send(download);
  if (media.status == 200 && !media.error.empty()) {
    return Error(ErrorCode::payload_too_large, Text{"Media terlalu besar.", "The media is too large."});
  }
  if (media.status != 200) return unavailable(fmt::format("media download: {} {}", media.status, media.error));
  return std::move(media.body);
}

}  // namespace sigap::channels::whatsapp
