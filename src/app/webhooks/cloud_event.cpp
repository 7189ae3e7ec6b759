#include "app/webhooks/cloud_event.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/integration/event_types.hpp"

namespace sigap::app::webhooks {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

json::value text_or_null(std::string_view text) { return text.empty() ? json::value(nullptr) : json::value(text); }

json::value status_or_null(const std::optional<dc::Status>& status) {
  return status ? json::value(dc::to_string(*status)) : json::value(nullptr);
}

// A string field of the payload the use case wrote, or "".
std::string payload_text(const json::object* payload, std::string_view key) {
  if (!payload) return {};
  const auto* value = payload->if_contains(key);
  return value && value->is_string() ? std::string(value->as_string()) : std::string();
}

const json::object* payload_object(const json::value& parsed) {
  return parsed.is_object() ? &parsed.as_object() : nullptr;
}

json::value parse_payload(const std::string& text) {
  boost::system::error_code ec;
  auto parsed = json::parse(text, ec);
  return ec ? json::value(nullptr) : parsed;
}

std::string unit_from(const ports::OutboxEntry& entry, const json::object* payload) {
  auto unit = payload_text(payload, "unit");
  if (unit.empty()) unit = entry.event.to_unit.empty() ? entry.unit_code : entry.event.to_unit;
  return unit;
}

}  // namespace

std::string unit_after_event(const ports::OutboxEntry& entry) {
  auto parsed = parse_payload(entry.payload);
  return unit_from(entry, payload_object(parsed));
}

std::string cloud_event_json(const ports::OutboxEntry& entry, std::string_view source) {
  auto parsed = parse_payload(entry.payload);
  const json::object* payload = payload_object(parsed);

  const auto& event = entry.event;
  // As the case stood right after this event: what the payload says, else the event, else now.
  auto status = payload_text(payload, "status");
  if (status.empty()) status = event.to_status ? dc::to_string(*event.to_status) : dc::to_string(entry.status);
  auto unit = unit_from(entry, payload);
  auto category = payload_text(payload, "category");
  if (category.empty()) category = entry.category_code;

  json::object data{{"complaint_id", event.complaint_id},
                    {"code", entry.public_code},
                    {"event", event.type},
                    {"status", status},
                    {"from_status", status_or_null(event.from_status)},
                    {"to_status", status_or_null(event.to_status)},
                    {"unit", unit},
                    {"from_unit", text_or_null(event.from_unit)},
                    {"to_unit", text_or_null(event.to_unit)},
                    {"category", text_or_null(category)},
                    {"region", text_or_null(entry.region_code)},
                    {"kind", dc::to_string(entry.kind)},
                    {"channel", dc::to_string(event.channel)},
                    {"public", event.is_public},
                    {"confidential", entry.confidential},
                    {"at", format_utc(event.at)}};
  if (auto merged = payload_text(payload, "merged_code"); !merged.empty()) data["merged_code"] = merged;

  json::object cloud_event{{"specversion", "1.0"},
                           {"id", std::to_string(entry.id)},
                           {"source", source},
                           {"type", domain::integration::cloud_event_type(entry.topic)},
                           {"subject", entry.public_code},
                           {"time", format_utc(event.at)},
                           {"datacontenttype", "application/json"},
                           {"data", std::move(data)}};
  return json::serialize(cloud_event);
}

}  // namespace sigap::app::webhooks
