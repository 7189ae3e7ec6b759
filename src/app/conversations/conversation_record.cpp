#include "app/conversations/conversation_record.hpp"

#include <boost/json.hpp>

namespace sigap::app::conversations {

namespace json = boost::json;
namespace dv = domain::conversations;

namespace {

json::object place_json(const dv::Place& place) {
  return {{"code", place.code}, {"name", place.name}, {"district", place.district}};
}

std::string text_of(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : std::string();
}

dv::Place place_of(const json::value& value) {
  if (!value.is_object()) return {};
  const auto& object = value.get_object();
  return {text_of(object, "code"), text_of(object, "name"), text_of(object, "district")};
}

}  // namespace

ports::StoredConversation to_record(const ConversationState& state, std::string_view channel,
                                    std::string_view address) {
  const auto& c = state.conversation;
  json::object fields;
  fields["category"] = c.fields.category_code;
  fields["description"] = c.fields.description;
  if (c.fields.latitude && c.fields.longitude) {
    fields["latitude"] = *c.fields.latitude;
    fields["longitude"] = *c.fields.longitude;
  }
  fields["place"] = place_json(c.fields.place);
  json::array offered;
  for (const auto& place : c.fields.offered_places) offered.push_back(place_json(place));
  fields["offered_places"] = std::move(offered);
  json::array photos;
  for (const auto& photo : c.fields.photos) photos.push_back(json::string(photo));
  fields["photos"] = std::move(photos);
  fields["quick"] = c.fields.quick;
  json::array recent;
  for (const auto& id : state.recent_message_ids) recent.push_back(json::string(id));
  fields["recent_messages"] = std::move(recent);

  ports::StoredConversation record;
  record.channel = std::string(channel);
  record.address = std::string(address);
  record.step = std::string(dv::to_string(c.step));
  record.language = c.language;
  record.fields = json::serialize(fields);
  record.started_at = c.started_at;
  record.updated_at = c.updated_at;
  record.version = state.version;
  return record;
}

Result<ConversationState> from_record(const ports::StoredConversation& record) {
  auto step = dv::step_from_string(record.step);
  if (!step) return Error::internal("conversations: unknown step " + record.step);
  boost::system::error_code ec;
  auto parsed = json::parse(record.fields, ec);
  if (ec || !parsed.is_object()) return Error::internal("conversations: unreadable fields");
  const auto& fields = parsed.get_object();
  ConversationState state;
  state.version = record.version;
  auto& c = state.conversation;
  c.step = *step;
  c.language = record.language;
  c.started_at = record.started_at;
  c.updated_at = record.updated_at;
  c.fields.category_code = text_of(fields, "category");
  c.fields.description = text_of(fields, "description");
  const auto* latitude = fields.if_contains("latitude");
  const auto* longitude = fields.if_contains("longitude");
  if (latitude && longitude && latitude->is_number() && longitude->is_number()) {
    c.fields.latitude = latitude->to_number<double>();
    c.fields.longitude = longitude->to_number<double>();
  }
  if (const auto* place = fields.if_contains("place")) c.fields.place = place_of(*place);
  if (const auto* offered = fields.if_contains("offered_places"); offered && offered->is_array()) {
    for (const auto& place : offered->get_array()) c.fields.offered_places.push_back(place_of(place));
  }
  if (const auto* photos = fields.if_contains("photos"); photos && photos->is_array()) {
    for (const auto& photo : photos->get_array()) {
      if (photo.is_string()) c.fields.photos.emplace_back(photo.get_string());
    }
  }
  if (const auto* quick = fields.if_contains("quick"); quick && quick->is_bool()) c.fields.quick = quick->get_bool();
  if (const auto* recent = fields.if_contains("recent_messages"); recent && recent->is_array()) {
    for (const auto& id : recent->get_array()) {
      if (id.is_string()) state.recent_message_ids.emplace_back(id.get_string());
    }
  }
  return state;
}

}  // namespace sigap::app::conversations
