#include "http/handlers/notification_handlers.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "common/time_format.hpp"
#include "domain/notifications/message_template.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace ports = app::ports;
namespace dn = domain::notifications;

namespace {

std::string_view language_code(Language language) { return language == Language::en ? "en" : "id"; }

json::object template_json(const ports::NotificationTemplate& text) {
  return json::object{
      {"notice", dn::to_string(text.notice)},
      {"language", language_code(text.language)},
      {"subject", text.subject},
      {"body", text.body},
      {"updated_at", text.updated_at ? json::value(format_utc(*text.updated_at)) : json::value(nullptr)},
      {"updated_by", text.updated_by.empty() ? json::value(nullptr) : json::value(text.updated_by)}};
}

}  // namespace

Response NotificationHandlers::templates(const Request& request) {
  ListQuery query(request, {});
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto texts = admin_.templates();
  if (!texts) return problem_response(texts.error(), request);
  json::array items;
  for (const auto& text : *texts) items.push_back(template_json(text));
  json::array placeholders;
  for (auto name : dn::template_placeholders()) placeholders.emplace_back(fmt::format("{{{}}}", name));
  return json_response(
      json::serialize(json::object{{"placeholders", std::move(placeholders)}, {"items", std::move(items)}}));
}

Response NotificationHandlers::save_template(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"notice", "language", "subject", "body"});
  ports::NotificationTemplate text;
  auto notice = fields.string("notice", true);
  auto language = fields.string("language", true);
  text.subject = fields.string("subject", true).value_or("");
  text.body = fields.string("body", true).value_or("");
  if (notice) {
    if (auto parsed = dn::notice_from_string(*notice, "notice")) {
      text.notice = *parsed;
    } else {
      fields.add_problem("notice", parsed.error().fields().front().message);
    }
  }
  if (language) {
    if (*language == "id" || *language == "en") {
      text.language = *language == "en" ? Language::en : Language::id;
    } else {
      fields.add_problem("language", Text{"Pilih id atau en.", "Use id or en."});
    }
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto saved = admin_.save_template(text, app::audit::audit_name(request.actor));
  if (!saved) return problem_response(saved.error(), request);
  return json_response(json::serialize(template_json(*saved)));
}

Response NotificationHandlers::notifications(const Request& request) {
  ListQuery query(request, {"status", "complaint", "before", "limit"});
  ports::NotificationQuery filter;
  filter.complaint_id = query.id("complaint");
  filter.before_id = query.id("before").value_or(0);
  filter.limit = query.limit();
  if (auto status = query.text("status")) {
    filter.status = ports::delivery_status_from_string(*status);
    if (!filter.status) {
      query.add_problem("status", Text{"Pilih pending, delivered, atau dead.", "Use pending, delivered or dead."});
    }
  }
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto found = admin_.notifications(filter);
  if (!found) return problem_response(found.error(), request);
  json::array items;
  for (const auto& n : *found) {
    const bool pending = n.status == ports::DeliveryStatus::pending;
    items.push_back(json::object{
        {"id", n.id},
        {"event_id", std::to_string(n.outbox_id)},
        {"complaint_id", n.complaint_id},
        {"code", n.public_code},
        {"notice", dn::to_string(n.notice)},
        {"channel", dn::to_string(n.channel)},
        {"language", language_code(n.language)},
        {"status", ports::to_string(n.status)},
        {"attempts", n.attempts},
        {"next_attempt_at", pending ? json::value(format_utc_millis(n.next_attempt_at)) : json::value(nullptr)},
        {"created_at", format_utc(n.created_at)},
        {"finished_at", n.finished_at ? json::value(format_utc(*n.finished_at)) : json::value(nullptr)},
        {"last_error", n.last_error}});
  }
  json::object out{{"items", std::move(items)}};
  out["next_before"] = static_cast<int>(found->size()) == filter.limit && !found->empty()
                           ? json::value(found->back().id)
                           : json::value(nullptr);
  return json_response(json::serialize(out));
}

}  // namespace sigap::http::handlers
