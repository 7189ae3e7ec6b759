#include "http/handlers/dashboard_handlers.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace dd = domain::dashboard;

namespace {

json::value number_or_null(const std::optional<double>& value) {
  return value ? json::value(*value) : json::value(nullptr);
}

json::object figures_json(const dd::Figures& figures, const json::storage_ptr& storage) {
  return json::object({{"open", figures.open},
                      {"overdue", figures.overdue},
                      {"new_today", figures.new_today},
                      {"resolved_today", figures.resolved_today},
                      {"median_first_response_hours_7d", number_or_null(figures.median_first_response_hours_7d)},
                      {"within_sla_share_30d", number_or_null(figures.within_sla_share_30d)},
                      {"average_rating", number_or_null(figures.average_rating)},
                      {"rated_30d", figures.rated_30d}},
                      storage);
}

}  // namespace

Response DashboardHandlers::summary(const Request& request) {
  ListQuery query(request, {"scope", "depth"});
  app::dashboard::SummaryRequest asked;
  if (auto scope = query.text("scope")) asked.scope = std::string(*scope);
  if (auto depth = query.text("depth")) {
    if (*depth == "all") {
      asked.all_depths = true;
    } else if (*depth != "children") {
      query.add_problem("depth", Text{"Pilih children atau all.", "Use children or all."});
    }
  }
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto summary = query_.summary(request.actor, asked);
  if (!summary) return problem_response(summary.error(), request);
  // Up to a few hundred units of a dozen fields each: one arena for the whole document spares
  // the allocator thousands of calls per request (it was a fifth of the request's CPU).
  const json::storage_ptr storage = json::make_shared_resource<json::monotonic_resource>(64 * 1024);
  json::array units(storage);
  units.reserve(summary->units.size());
  for (const auto& item : summary->units) {
    units.push_back(json::object({{"code", item.unit->code},
                                  {"name", item.unit->name},
                                  {"level", app::dashboard::level_of(item.unit->type)},
                                  {"parent", item.unit->parent_code},
                                  {"figures", figures_json(item.figures, storage)},
                                  {"staffed_now", item.staffed_now},
                                  {"serving_now", item.serving_now},
                                  {"hours_staffed_week", item.hours_staffed_week},
                                  {"cameras_up", item.cameras_up},
                                  {"cameras_down", item.cameras_down},
                                  {"open_alerts", item.open_alerts}},
                                 storage));
  }
  const auto& scope = summary->scope;
  auto response = json_response(json::serialize(json::object(
      {{"scope", json::object({{"code", scope.code}, {"name", scope.name}, {"level", app::dashboard::level_of(scope.type)}},
                              storage)},
       {"as_of", format_utc(summary->as_of)},
       {"last_event_id", summary->last_event_id},
       {"figures", figures_json(summary->figures, storage)},
       {"units", std::move(units)}},
      storage)));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace sigap::http::handlers
