#include "http/handlers/sla_handlers.hpp"

#include <charconv>

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace ds = domain::sla;

namespace {

json::object target_json(const ds::SlaTarget& target) {
  return json::object{{"unit", ds::to_string(target.unit)}, {"amount", target.amount}};
}

json::object policy_json(const ds::SlaPolicy& policy) {
  return json::object{{"verify", target_json(policy.verify)},
                      {"first_response", target_json(policy.first_response)},
                      {"resolve", target_json(policy.resolve)}};
}

// One target {unit, amount} under `name`; problems are collected in `fields`.
ds::SlaTarget target_from(JsonFields& fields, std::string_view name) {
  ds::SlaTarget target;
  const auto* object = fields.object(name);
  if (!object) {
    fields.add_problem(std::string(name), Text{"Isi unit dan amount.", "Give unit and amount."});
    return target;
  }
  JsonFields nested(*object, {"unit", "amount"}, std::string(name) + ".");
  auto unit = nested.string("unit", true);
  auto amount = nested.integer("amount", true);
  if (unit) {
    if (auto parsed = ds::sla_unit_from_string(*unit, "unit"); parsed) {
      target.unit = *parsed;
    } else {
      nested.add_problem("unit", parsed.error().fields().front().message);
    }
  }
  if (amount) {
    if (*amount < 1 || *amount > 100000) {
      nested.add_problem("amount", Text{"Isi bilangan bulat positif.", "Give a positive whole number."});
    } else {
      target.amount = static_cast<int>(*amount);
    }
  }
  fields.absorb(nested);
  return target;
}

Response changed_response(json::object body, std::size_t recomputed, int status = 200) {
  body["recomputed"] = recomputed;
  auto response = json_response(json::serialize(body), status);
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace

Response SlaHandlers::list_policies(const Request& request) {
  auto rows = admin_.policies();
  if (!rows) return problem_response(rows.error(), request);
  json::array items;
  for (const auto& rule : *rows) {
    auto item = policy_json(rule.policy);
    item["category_code"] = rule.category_code;
    item["unit_code"] = rule.unit_code;
    items.push_back(std::move(item));
  }
  const bool within_24_hours = rules_.settings().first_response_rule == ds::FirstResponseRule::within_24_hours;
  return json_response(
      json::serialize(json::object{{"first_response_rule", within_24_hours ? "within_24_hours" : "lapor_follow_up"},
                                   {"default", policy_json(admin_.fallback())},
                                   {"items", std::move(items)}}));
}

Response SlaHandlers::put_policy(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"category_code", "unit_code", "verify", "first_response", "resolve"});
  ds::SlaPolicyRule rule;
  rule.category_code = fields.string("category_code", false).value_or("");
  rule.unit_code = fields.string("unit_code", false).value_or("");
  rule.policy.verify = target_from(fields, "verify");
  rule.policy.first_response = target_from(fields, "first_response");
  rule.policy.resolve = target_from(fields, "resolve");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto recomputed = admin_.save_policy(rule, app::audit::audit_name(request.actor));
  if (!recomputed) return problem_response(recomputed.error(), request);
  auto out = policy_json(rule.policy);
  out["category_code"] = rule.category_code;
  out["unit_code"] = rule.unit_code;
  return changed_response(std::move(out), *recomputed);
}

Response SlaHandlers::list_days(const Request& request) {
  std::optional<int> year;
  if (auto text = request.query_param("year")) {
    int value = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size()) {
      return problem_response(
          Error(ErrorCode::validation, Text{"Tahun tidak valid.", "Invalid year."},
                {FieldError{"year", Text{"Tulis tahun, misalnya 2026.", "Give a year, e.g. 2026."}}}),
          request);
    }
    year = value;
  }
  auto view = admin_.calendar(year);
  if (!view) return problem_response(view.error(), request);
  json::array years(view->covered_years.begin(), view->covered_years.end());
  json::array items;
  for (const auto& day : view->days) {
    items.push_back(json::object{{"date", ds::format_date(day.date)},
                                 {"kind", ds::to_string(day.kind)},
                                 {"name", day.name},
                                 {"amended", day.amended}});
  }
  return json_response(json::serialize(json::object{{"covered_years", std::move(years)}, {"items", std::move(items)}}));
}

Response SlaHandlers::post_day(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"date", "kind", "name"});
  auto date_text = fields.string("date", true);
  auto kind_text = fields.string("kind", true);
  auto name = fields.string("name", false).value_or("");
  ds::CalendarAmendment day;
  day.name = name;
  if (date_text) {
    if (auto date = ds::parse_date(*date_text)) {
      day.date = *date;
    } else {
      fields.add_problem("date", Text{"Tulis tanggal seperti 2027-01-01.", "Write the date like 2027-01-01."});
    }
  }
  if (kind_text) {
    if (auto kind = ds::amendment_kind_from_string(*kind_text, "kind"); kind) {
      day.kind = *kind;
    } else {
      fields.add_problem("kind", kind.error().fields().front().message);
    }
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto recomputed = admin_.save_day(day, app::audit::audit_name(request.actor));
  if (!recomputed) return problem_response(recomputed.error(), request);
  return changed_response(json::object{{"date", ds::format_date(day.date)},
                                       {"kind", ds::to_string(day.kind)},
                                       {"name", day.name},
                                       {"amended", true}},
                          *recomputed, 201);
}

Response SlaHandlers::complete_year(const Request& request) {
  auto text = request.path_param("year");
  int year = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return problem_response(Error(ErrorCode::not_found, Text{"Tidak ditemukan.", "Not found."}), request);
  }
  auto recomputed = admin_.complete_year(year, app::audit::audit_name(request.actor));
  if (!recomputed) return problem_response(recomputed.error(), request);
  return changed_response(json::object{{"year", year}, {"complete", true}}, *recomputed);
}

}  // namespace sigap::http::handlers
