#include "channels/telegram/telegram_update.hpp"

#include <boost/json.hpp>

namespace sigap::channels::telegram {

namespace json = boost::json;
namespace dv = domain::conversations;

namespace {

const json::object* object_at(const json::object* object, std::string_view key) {
  if (!object) return nullptr;
  const auto* value = object->if_contains(key);
  return value && value->is_object() ? &value->get_object() : nullptr;
}

std::optional<std::string> id_at(const json::object* object, std::string_view key) {
  if (!object) return std::nullopt;
  const auto* value = object->if_contains(key);
  if (!value) return std::nullopt;
  if (value->is_int64()) return std::to_string(value->get_int64());
  if (value->is_uint64()) return std::to_string(value->get_uint64());
  return std::nullopt;
}

std::optional<double> number_at(const json::object* object, std::string_view key) {
  if (!object) return std::nullopt;
  const auto* value = object->if_contains(key);
  if (!value || !value->is_number()) return std::nullopt;
  return value->to_number<double>();
}

}  // namespace

Result<std::optional<app::conversations::IncomingMessage>> read_update(std::string_view body) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  auto parsed = json::parse(body, ec, {}, options);
  if (ec || !parsed.is_object()) {
    return Error(ErrorCode::invalid_input, Text{"Update bukan objek JSON yang sah.", "The update is not a valid JSON object."});
  }
  const auto& update = parsed.get_object();
  const auto* message = object_at(&update, "message");
  auto update_id = id_at(&update, "update_id");
  const auto* chat = object_at(message, "chat");
  auto chat_id = id_at(chat, "id");
  if (!message || !update_id || !chat_id) return std::optional<app::conversations::IncomingMessage>();
  const auto* type = chat->if_contains("type");
  if (!type || !type->is_string() || type->get_string() != "private") {
    return std::optional<app::conversations::IncomingMessage>();
  }
  if (const auto* from = object_at(message, "from")) {
    const auto* bot = from->if_contains("is_bot");
    if (bot && bot->is_bool() && bot->get_bool()) return std::optional<app::conversations::IncomingMessage>();
  }
  app::conversations::IncomingMessage in;
  in.message_id = "update-" + *update_id;
  in.from = *chat_id;
  if (const auto* text = message->if_contains("text"); text && text->is_string()) {
    in.kind = dv::InboundKind::text;
    in.text = std::string(text->get_string());
  } else if (const auto* location = object_at(message, "location")) {
    auto latitude = number_at(location, "latitude");
    auto longitude = number_at(location, "longitude");
    in.kind = latitude && longitude ? dv::InboundKind::location : dv::InboundKind::unsupported;
    in.latitude = latitude.value_or(0);
    in.longitude = longitude.value_or(0);
  } else if (const auto* photo = message->if_contains("photo"); photo && photo->is_array() && !photo->get_array().empty()) {
    // The sizes come smallest first; the last is the largest.
    const auto& largest = photo->get_array().back();
    const auto* file = largest.is_object() ? largest.get_object().if_contains("file_id") : nullptr;
    in.kind = file && file->is_string() ? dv::InboundKind::photo : dv::InboundKind::unsupported;
    if (file && file->is_string()) in.media = std::string(file->get_string());
  } else {
    in.kind = dv::InboundKind::unsupported;
  }
  return std::optional<app::conversations::IncomingMessage>(std::move(in));
}

}  // namespace sigap::channels::telegram
