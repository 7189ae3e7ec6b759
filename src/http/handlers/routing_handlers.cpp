#include "http/handlers/routing_handlers.hpp"

#include <boost/json.hpp>

#include "app/audit/record_audit.hpp"
#include "app/master_data/routing_rules_admin.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;

namespace {

json::object rule_json(const domain::complaints::RoutingRule& rule) {
  return json::object{{"category_code", rule.category_code},
                      {"region_code", rule.region_code},
                      {"unit_code", rule.unit_code}};
}

}  // namespace

Response RoutingHandlers::list(const Request& request) {
  auto rules = app::master_data::RoutingRulesAdmin(storage_, clock_).list();
  if (!rules) return problem_response(rules.error(), request);
  json::array items;
  for (const auto& rule : *rules) items.push_back(rule_json(rule));
  auto count = items.size();
  return json_response(json::serialize(json::object{{"items", std::move(items)}, {"count", count}}));
}

Response RoutingHandlers::save(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"category_code", "region_code", "unit_code"});
  domain::complaints::RoutingRule rule;
  rule.category_code = fields.string("category_code", false).value_or("");
  rule.region_code = fields.string("region_code", false).value_or("");
  rule.unit_code = fields.string("unit_code", true).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto saved = app::master_data::RoutingRulesAdmin(storage_, clock_).save(rule, app::audit::audit_name(request.actor));
  if (!saved) return problem_response(saved.error(), request);
  directory_.invalidate();
  return json_response(json::serialize(rule_json(rule)));
}

Response RoutingHandlers::remove(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"category_code", "region_code"});
  auto category = fields.string("category_code", false).value_or("");
  auto region = fields.string("region_code", false).value_or("");
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto removed =
      app::master_data::RoutingRulesAdmin(storage_, clock_).remove(category, region, app::audit::audit_name(request.actor));
  if (!removed) return problem_response(removed.error(), request);
  directory_.invalidate();
  Response response;
  response.status = 204;
  return response;
}

}  // namespace sigap::http::handlers
