#include "channels/telegram/telegram_bot.hpp"

#include <boost/json.hpp>
#include <fmt/format.h>

namespace sigap::channels::telegram {

namespace json = boost::json;
namespace ports = app::ports;

namespace {

constexpr std::size_t kMaxText = 4096;

std::string url_encode(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

}  // namespace

std::string send_message_body(const std::string& chat_id, const domain::conversations::Reply& reply) {
  json::object message;
  // The chat id as a number when it is one (Telegram accepts both).
  try {
    std::size_t used = 0;
    long long id = std::stoll(chat_id, &used);
    if (used == chat_id.size()) {
      message["chat_id"] = id;
    } else {
      message["chat_id"] = chat_id;
    }
  } catch (const std::exception&) {
    message["chat_id"] = chat_id;
  }
  auto text = reply.text.substr(0, std::min(reply.text.size(), kMaxText));
  while (text.size() < reply.text.size() && !text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) {
    text.pop_back();
  }
  message["text"] = text;
  if (reply.choices.empty()) {
    message["reply_markup"] = json::object{{"remove_keyboard", true}};
  } else {
    json::array rows;
    for (const auto& choice : reply.choices) rows.push_back(json::array{json::object{{"text", choice}}});
    message["reply_markup"] =
        json::object{{"keyboard", std::move(rows)}, {"one_time_keyboard", true}, {"resize_keyboard", true}};
  }
  return json::serialize(message);
}

TelegramBot::TelegramBot(TelegramSettings settings, ports::ProviderClient& client)
    : settings_(std::move(settings)), client_(client) {
  while (settings_.api_url.ends_with('/')) settings_.api_url.pop_back();
}

ports::SendOutcome TelegramBot::send(const std::string& to, const domain::conversations::Reply& reply) {
  ports::ProviderRequest request;
  request.method = "POST";
  request.url = settings_.api_url + "/bot" + settings_.bot_token + "/sendMessage";
  request.headers = {{"Content-Type", "application/json"}};
  request.body = send_message_body(to, reply);
  auto response = client_.send(request);
  ports::SendOutcome outcome;
  if (response.status >= 200 && response.status < 300) {
    outcome.sent = true;
    return outcome;
  }
  outcome.permanent = response.status >= 400 && response.status < 500 && response.status != 429;
  outcome.error = response.status ? fmt::format("Bot API answered {}", response.status) : response.error;
  return outcome;
}

Result<std::string> TelegramBot::fetch_media(const std::string& reference, std::size_t max_bytes) {
  auto unavailable = [](std::string why) {
    return Error(ErrorCode::unavailable, Text{"Berkas tidak dapat diambil.", "The file could not be fetched."})
        .with_log_detail(std::move(why));
  };
  ports::ProviderRequest lookup;
  lookup.method = "GET";
  lookup.url = settings_.api_url + "/bot" + settings_.bot_token + "/getFile?file_id=" + url_encode(reference);
  auto found = client_.send(lookup);
  if (found.status != 200) return unavailable(fmt::format("getFile: {} {}", found.status, found.error));
  boost::system::error_code ec;
  auto parsed = json::parse(found.body, ec);
  if (ec || !parsed.is_object()) return unavailable("getFile: not a JSON object");
  const auto* result = parsed.get_object().if_contains("result");
  if (!result || !result->is_object()) return unavailable("getFile: no result");
  const auto* path = result->get_object().if_contains("file_path");
  if (!path || !path->is_string()) return unavailable("getFile: no file_path");
  std::string file_path(path->get_string());
  if (file_path.find("..") != std::string::npos || file_path.find_first_of("?#") != std::string::npos) {
    return unavailable("getFile: an odd file_path");
  }
  if (const auto* size = result->get_object().if_contains("file_size"); size && size->is_number()) {
    if (size->to_number<double>() > static_cast<double>(max_bytes)) {
      return Error(ErrorCode::payload_too_large, Text{"Berkas terlalu besar.", "The file is too large."});
    }
  }
  ports::ProviderRequest download;
  download.method = "GET";
  download.url = settings_.api_url + "/file/bot" + settings_.bot_token + "/" + file_path;
  download.max_answer = max_bytes;
  auto file = client_.send(download);
  if (file.status == 200 && !file.error.empty()) {
    return Error(ErrorCode::payload_too_large, Text{"Berkas terlalu besar.", "The file is too large."});
  }
  if (file.status != 200) return unavailable(fmt::format("file download: {} {}", file.status, file.error));
  return std::move(file.body);
}

}  // namespace sigap::channels::telegram
