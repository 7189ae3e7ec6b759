#include "http/handlers/complaint_handlers.hpp"

#include <boost/json.hpp>

#include "app/complaints/track_complaint.hpp"
#include "common/time_format.hpp"
#include "crypto/hashing.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

constexpr std::size_t kMaxIdempotencyKey = 128;

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

json::object deadlines_json(const dc::Deadlines& deadlines) {
  return json::object{{"verify", time_or_null(deadlines.verify)},
                      {"first_response", time_or_null(deadlines.first_response)},
                      {"resolve", time_or_null(deadlines.resolve)}};
}

std::string tracking_path(const std::string& code) { return "/lacak/" + code; }

// The draft from the JSON body; every type problem is collected in `fields`.
dc::IntakeDraft draft_from(const json::object& body, JsonFields& fields) {
  dc::IntakeDraft draft;
  draft.description = fields.string("description", true).value_or("");
  draft.title = fields.string("title", false).value_or("");
  draft.category_code = fields.string("category", false).value_or("");
  draft.address = fields.string("address", false).value_or("");
  draft.region_code = fields.string("region_code", false).value_or("");
  draft.kind = fields.string("kind", false).value_or("complaint");
  draft.channel = fields.string("channel", false).value_or("web");
  draft.anonymous = fields.boolean("anonymous", false).value_or(false);
  draft.confidential = fields.boolean("confidential", false).value_or(false);
  if (const auto* location = fields.object("location")) {
    JsonFields nested(*location, {"latitude", "longitude", "accuracy_m"}, "location.");
    draft.latitude = nested.number("latitude", true);
    draft.longitude = nested.number("longitude", true);
    draft.accuracy_m = nested.number("accuracy_m", false);
    fields.absorb(nested);
  }
  if (const auto* reporter = fields.object("reporter")) {
    JsonFields nested(*reporter, {"name", "phone", "email", "nik"}, "reporter.");
    draft.reporter_name = nested.string("name", false).value_or("");
    draft.reporter_phone = nested.string("phone", false).value_or("");
    draft.reporter_email = nested.string("email", false).value_or("");
    draft.reporter_nik = nested.string("nik", false).value_or("");
    fields.absorb(nested);
  }
  (void)body;
  return draft;
}

}  // namespace

Response ComplaintHandlers::submit(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"description", "title", "category", "location", "address", "region_code", "kind",
                            "reporter", "anonymous", "confidential", "channel"});
  app::complaints::SubmitRequest submit;
  submit.draft = draft_from(*body, fields);
  auto key = request.header("idempotency-key").value_or("");
  if (key.size() > kMaxIdempotencyKey) {
    fields.add_problem("Idempotency-Key", Text{"Paling banyak 128 karakter.", "At most 128 characters."});
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  submit.idempotency_key = std::string(key);
  submit.request_fingerprint = crypto::sha256_hex(request.body);
  if (request.actor.signed_in()) submit.actor = "user:" + std::to_string(request.actor.id);
  if (request.actor.kind == domain::access::ActorKind::citizen) submit.reporter_user_id = request.actor.id;

  auto render = [&](const app::complaints::SubmittedComplaint& submitted) {
    const auto& complaint = submitted.complaint;
    auto unit = storage_.units().find_by_code(complaint.unit_code);
    json::object category{{"code", complaint.category_code.empty() ? json::value(nullptr)
                                                                   : json::value(complaint.category_code)},
                          {"suggested", complaint.category_suggested}};
    if (submitted.suggestion) {
      json::array matched;
      for (const auto& keyword : submitted.suggestion->matched_keywords) matched.emplace_back(keyword);
      category["matched_keywords"] = std::move(matched);
    }
    json::object out{{"id", complaint.id},
                     {"code", complaint.public_code},
                     {"status", dc::to_string(complaint.status)},
                     {"kind", dc::to_string(complaint.kind)},
                     {"category", std::move(category)},
                     {"unit", json::object{{"code", complaint.unit_code},
                                           {"name", unit.ok() && unit->has_value() ? (*unit)->name : ""}}},
                     {"submitted_at", format_utc(complaint.submitted_at)},
                     {"deadlines", deadlines_json(complaint.deadlines)},
                     {"tracking_url", tracking_path(complaint.public_code)},
                     {"reporter_secret", submitted.reporter_secret},
                     {"possible_duplicates", json::array{}}};
    return json::serialize(out);
  };
  auto answer = intake_.submit(submit, render);
  if (!answer) return problem_response(answer.error(), request);
  auto response = json_response(answer->response, 201);
  auto parsed = json::parse(answer->response);
  response.set_header("Location", tracking_path(std::string(parsed.as_object().at("code").as_string())));
  response.set_header("Cache-Control", "no-store");
  if (answer->replayed) response.set_header("Idempotent-Replayed", "true");
  return response;
}

Response ComplaintHandlers::track(const Request& request) {
  auto tracked = app::complaints::track_complaint(storage_, request.path_param("code"));
  if (!tracked) return problem_response(tracked.error(), request);
  const auto& complaint = tracked->complaint;
  json::array timeline;
  for (const auto& event : tracked->timeline) {
    timeline.push_back(json::object{
        {"at", format_utc(event.at)},
        {"type", event.type},
        {"status", event.to_status ? json::value(dc::to_string(*event.to_status)) : json::value(nullptr)},
        {"detail", event.detail}});
  }
  json::object out{
      {"code", complaint.public_code},
      {"status", dc::to_string(complaint.status)},
      {"kind", dc::to_string(complaint.kind)},
      {"category", json::object{{"code", complaint.category_code.empty() ? json::value(nullptr)
                                                                         : json::value(complaint.category_code)},
                                {"name", tracked->category_name}}},
      {"unit", json::object{{"code", complaint.unit_code}, {"name", tracked->unit_name}}},
      {"submitted_at", format_utc(complaint.submitted_at)},
      {"updated_at", format_utc(complaint.updated_at)},
      {"deadlines", deadlines_json(complaint.deadlines)},
      {"timeline", std::move(timeline)}};
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "no-cache");
  return response;
}

}  // namespace sigap::http::handlers
