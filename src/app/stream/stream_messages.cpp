#include "app/stream/stream_messages.hpp"

#include <array>

#include <boost/json.hpp>

#include "common/time_format.hpp"

namespace sigap::app::stream {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

StreamMessage shared(const json::object& object) { return std::make_shared<const std::string>(json::serialize(object)); }

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

// Alert messages are written "Indonesian / English" (app/presence, app/cameras, app/sla).
std::pair<std::string_view, std::string_view> split_message(std::string_view message) {
  constexpr std::string_view kSeparator = " / ";
  auto at = message.find(kSeparator);
  if (at == std::string_view::npos) return {message, message};
  return {message.substr(0, at), message.substr(at + kSeparator.size())};
}

}  // namespace

std::string_view actor_role(const dc::ComplaintEvent& event) {
  const auto& actor = event.actor;
  if (actor == "system") return "system";
  if (actor.starts_with("apikey:")) return "integration";
  if (!actor.starts_with("user:")) return "reporter";  // "reporter", "citizen", "anonymous"
  // A signed-in citizen files, replies, confirms and supports as a reporter.
  static constexpr std::array kReporterEvents{"submitted", "reporter_reply", "confirmed", "disputed", "supported"};
  for (std::string_view type : kReporterEvents) {
    if (event.type == type) return "reporter";
  }
  return "staff";
}

StreamMessage hello_message(std::string_view scope, std::int64_t last_id) {
  return shared(json::object{{"type", "hello"}, {"scope", scope}, {"last_id", last_id}});
}

StreamMessage event_message(const ports::OutboxEntry& entry) {
  return shared(json::object{
      {"type", "event"},
      {"id", entry.dispatch_seq},
      {"topic", entry.topic},
      {"at", format_utc(entry.created_at)},
      {"case", json::object{{"code", entry.public_code},
                            {"status", dc::to_string(entry.status)},
                            {"unit", entry.unit_code},
                            {"category", entry.category_code},
                            {"region", entry.region_code},
                            {"kind", dc::to_string(entry.kind)}}},
      {"event", json::object{{"type", entry.event.type}, {"actor_role", actor_role(entry.event)}}}});
}

StreamMessage alert_message(const ports::Alert& alert) {
  auto [message_id, message_en] = split_message(alert.message);
  return shared(json::object{
      {"type", "alert"},
      {"alert", json::object{{"id", alert.id},
                             {"kind", alert.kind},
                             {"severity", alert.severity},
                             {"unit", alert.unit_code},
                             {"subject", alert.subject},
                             {"message_id", message_id},
                             {"message_en", message_en},
                             {"opened_at", format_utc(alert.created_at)},
                             {"closed_at", time_or_null(alert.closed_at)},
                             {"acknowledged_at", time_or_null(alert.acknowledged_at)}}}});
}

StreamMessage heartbeat_message(TimePoint at, std::int64_t last_id) {
  return shared(json::object{{"type", "heartbeat"}, {"at", format_utc(at)}, {"last_id", last_id}});
}

void batch_frame(std::span<const StreamMessage> messages, std::string& frame) {
  std::size_t bytes = 2;
  for (const auto& message : messages) bytes += message->size() + 1;
  frame.clear();
  frame.reserve(bytes);
  frame += '[';
  for (std::size_t i = 0; i < messages.size(); ++i) {
    if (i != 0) frame += ',';
    frame += *messages[i];
  }
  frame += ']';
}

StreamMessage resync_message(std::string_view reason) {
  return shared(json::object{{"type", "resync"}, {"reason", reason}});
}

}  // namespace sigap::app::stream
