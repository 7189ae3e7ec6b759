#include "channels/whatsapp/whatsapp_webhook.hpp"

#include <boost/json.hpp>

namespace sigap::channels::whatsapp {

namespace json = boost::json;
namespace dv = domain::conversations;

namespace {

const json::object* object_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_object() ? &value->get_object() : nullptr;
}

const json::array* array_at(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_array() ? &value->get_array() : nullptr;
}

std::string text_at(const json::object* object, std::string_view key) {
  if (!object) return {};
  const auto* value = object->if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

// WhatsApp sends coordinates as numbers; some relays send them as strings.
std::optional<double> number_at(const json::object* object, std::string_view key) {
  if (!object) return std::nullopt;
  const auto* value = object->if_contains(key);
  if (!value) return std::nullopt;
  if (value->is_number()) return value->to_number<double>();
  if (value->is_string()) {
    try {
      std::size_t used = 0;
      std::string text(value->get_string());
      double number = std::stod(text, &used);
      if (used == text.size()) return number;
    } catch (const std::exception&) {
    }
  }
  return std::nullopt;
}

std::optional<app::conversations::IncomingMessage> message_of(const json::object& message) {
  app::conversations::IncomingMessage in;
  in.from = text_at(&message, "from");
  in.message_id = text_at(&message, "id");
  if (in.from.empty() || in.message_id.empty()) return std::nullopt;
  const auto type = text_at(&message, "type");
  if (type == "text") {
    in.kind = dv::InboundKind::text;
    in.text = text_at(object_at(message, "text"), "body");
  } else if (type == "location") {
    const auto* location = object_at(message, "location");
    auto latitude = number_at(location, "latitude");
    auto longitude = number_at(location, "longitude");
    if (!latitude || !longitude) return std::nullopt;
    in.kind = dv::InboundKind::location;
    in.latitude = *latitude;
    in.longitude = *longitude;
  } else if (type == "image") {
    in.kind = dv::InboundKind::photo;
    in.media = text_at(object_at(message, "image"), "id");
    if (in.media.empty()) in.kind = dv::InboundKind::unsupported;
  } else if (type == "interactive") {
    const auto* interactive = object_at(message, "interactive");
    const auto* reply = interactive ? object_at(*interactive, "button_reply") : nullptr;
    if (!reply && interactive) reply = object_at(*interactive, "list_reply");
    in.kind = reply ? dv::InboundKind::text : dv::InboundKind::unsupported;
    in.text = text_at(reply, "title");
  } else if (type == "button") {
    in.kind = dv::InboundKind::text;
    in.text = text_at(object_at(message, "button"), "text");
  } else {
    in.kind = dv::InboundKind::unsupported;
  }
  return in;
}

}  // namespace

Result<Notification> read_notification(std::string_view body) {
  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  auto parsed = json::parse(body, ec, {}, options);
  if (ec || !parsed.is_object()) {
    return Error(ErrorCode::invalid_input, Text{"Notifikasi bukan objek JSON yang sah.", "The notification is not a valid JSON object."});
  }
  Notification notification;
  const auto* entries = array_at(parsed.get_object(), "entry");
  if (!entries) return notification;
  for (const auto& entry : *entries) {
    if (!entry.is_object()) continue;
    const auto* changes = array_at(entry.get_object(), "changes");
    if (!changes) continue;
    for (const auto& change : *changes) {
      if (!change.is_object()) continue;
      const auto* value = object_at(change.get_object(), "value");
      if (!value) continue;
      if (const auto* statuses = array_at(*value, "statuses")) notification.statuses += statuses->size();
      const auto* messages = array_at(*value, "messages");
      if (!messages) continue;
      for (const auto& message : *messages) {
        if (!message.is_object()) continue;
        if (auto in = message_of(message.get_object())) notification.messages.push_back(std::move(*in));
      }
    }
  }
  return notification;
}

}  // namespace sigap::channels::whatsapp
