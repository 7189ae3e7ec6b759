#include "http/handlers/webhook_handlers.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace ports = app::ports;

namespace {

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

json::object subscription_json(const ports::WebhookSubscription& subscription) {
  json::array types(subscription.event_types.begin(), subscription.event_types.end());
  return json::object{
      {"id", subscription.id},
      {"name", subscription.name},
      {"url", subscription.url},
      {"event_types", std::move(types)},
      {"unit_code", subscription.unit_code.empty() ? json::value(nullptr) : json::value(subscription.unit_code)},
      {"active", subscription.active},
      {"owner", subscription.owner},
      {"created_at", format_utc(subscription.created_at)},
      {"updated_at", format_utc(subscription.updated_at)}};
}

json::object delivery_json(const ports::WebhookDelivery& delivery) {
  json::array history;
  for (const auto& attempt : delivery.history) {
    history.push_back(json::object{{"attempt", attempt.attempt},
                                   {"at", format_utc_millis(attempt.at)},
                                   {"status_code", attempt.status_code},
                                   {"error", attempt.error},
                                   {"duration_ms", attempt.duration_ms}});
  }
  boost::system::error_code ec;
  auto event = json::parse(delivery.body, ec);
  const bool pending = delivery.status == ports::DeliveryStatus::pending;
  return json::object{
      {"id", delivery.id},
      {"subscription_id", delivery.subscription_id},
      {"event_id", std::to_string(delivery.outbox_id)},
      {"complaint_id", delivery.complaint_id},
      {"event_type", delivery.event_type},
      {"status", ports::to_string(delivery.status)},
      {"attempts", delivery.attempts},
      {"next_attempt_at", pending ? json::value(format_utc_millis(delivery.next_attempt_at)) : json::value(nullptr)},
      {"created_at", format_utc(delivery.created_at)},
      {"finished_at", time_or_null(delivery.finished_at)},
      {"last_status", delivery.last_status},
      {"last_error", delivery.last_error},
      {"history", std::move(history)},
      {"event", ec ? json::value(nullptr) : std::move(event)}};
}

Response not_found(const Request& request) {
  return problem_response(Error(ErrorCode::not_found, Text{"Tidak ditemukan.", "Not found."}), request);
}

// The fields of a create or update body; problems of type go into `fields`.
app::webhooks::SubscriptionDraft draft_from(const json::object& body, JsonFields& fields) {
  app::webhooks::SubscriptionDraft draft;
  draft.name = fields.string("name", false);
  draft.url = fields.string("url", false);
  draft.unit_code = fields.string("unit_code", false);
  draft.active = fields.boolean("active", false);
  draft.secret = fields.string("secret", false);
  if (const auto* types = body.if_contains("event_types")) {
    std::vector<std::string> list;
    bool strings = types->is_array();
    if (strings) {
      for (const auto& type : types->as_array()) {
        if (!type.is_string()) {
          strings = false;
          break;
        }
        list.emplace_back(type.as_string());
      }
    }
    if (!strings) {
      fields.add_problem("event_types", Text{"Tulis daftar teks, misalnya [\"complaint.verify\"].",
                                             "Give a list of strings, e.g. [\"complaint.verify\"]."});
    } else {
      draft.event_types = std::move(list);
    }
  }
  return draft;
}

Response json_no_store(const json::object& body, int status = 200) {
  auto response = json_response(json::serialize(body), status);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response WebhookHandlers::list(const Request& request) {
  ListQuery query(request, {});
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto subscriptions = admin_.list(request.actor);
  if (!subscriptions) return problem_response(subscriptions.error(), request);
  json::array items;
  for (const auto& subscription : *subscriptions) items.push_back(subscription_json(subscription));
  return json_response(json::serialize(json::object{{"items", std::move(items)}}));
}

Response WebhookHandlers::create(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"name", "url", "event_types", "unit_code", "active", "secret"});
  auto draft = draft_from(*body, fields);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto created = admin_.create(request.actor, draft);
  if (!created) return problem_response(created.error(), request);
  auto out = subscription_json(created->subscription);
  out["secret"] = created->secret;  // shown once
  auto response = json_no_store(out, 201);
  response.set_header("Location", "/api/v1/webhooks/" + std::to_string(created->subscription.id));
  return response;
}

Response WebhookHandlers::get(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto subscription = admin_.get(request.actor, *id);
  if (!subscription) return problem_response(subscription.error(), request);
  return json_response(json::serialize(subscription_json(*subscription)));
}

Response WebhookHandlers::update(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"name", "url", "event_types", "unit_code", "active", "secret"});
  auto draft = draft_from(*body, fields);
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto updated = admin_.update(request.actor, *id, draft);
  if (!updated) return problem_response(updated.error(), request);
  return json_no_store(subscription_json(*updated));
}

Response WebhookHandlers::remove(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  if (auto removed = admin_.remove(request.actor, *id); !removed) return problem_response(removed.error(), request);
  Response response;
  response.status = 204;
  return response;
}

Response WebhookHandlers::deliveries(const Request& request) {
  ListQuery query(request, {"subscription", "status", "before", "limit"});
  ports::DeliveryQuery filter;
  filter.subscription_id = query.id("subscription");
  filter.before_id = query.id("before").value_or(0);
  filter.limit = query.limit();
  if (auto status = query.text("status")) {
    filter.status = ports::delivery_status_from_string(*status);
    if (!filter.status)
      query.add_problem("status", Text{"Pilih pending, delivered, atau dead.", "Use pending, delivered or dead."});
  }
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto found = admin_.deliveries(request.actor, filter);
  if (!found) return problem_response(found.error(), request);
  json::array items;
  for (const auto& delivery : *found) items.push_back(delivery_json(delivery));
  json::object out{{"items", std::move(items)}};
  out["next_before"] = static_cast<int>(found->size()) == filter.limit && !found->empty()
                           ? json::value(found->back().id)
                           : json::value(nullptr);
  return json_response(json::serialize(out));
}

Response WebhookHandlers::delivery(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto found = admin_.delivery(request.actor, *id);
  if (!found) return problem_response(found.error(), request);
  return json_response(json::serialize(delivery_json(*found)));
}

Response WebhookHandlers::redeliver(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) return not_found(request);
  auto requeued = admin_.redeliver(request.actor, *id);
  if (!requeued) return problem_response(requeued.error(), request);
  return json_response(json::serialize(delivery_json(*requeued)));
}

}  // namespace sigap::http::handlers
