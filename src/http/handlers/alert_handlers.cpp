#include "http/handlers/alert_handlers.hpp"

#include <boost/json.hpp>

#include "common/time_format.hpp"
#include "domain/alerts/alert_kind.hpp"
#include "http/handlers/integration_query.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace ports = app::ports;

namespace {

json::value time_or_null(const std::optional<TimePoint>& time) {
  return time ? json::value(format_utc(*time)) : json::value(nullptr);
}

json::object alert_json(const ports::Alert& alert) {
  return json::object{
      {"id", alert.id},
      {"kind", alert.kind},
      {"severity", alert.severity},
      {"unit_code", alert.unit_code.empty() ? json::value(nullptr) : json::value(alert.unit_code)},
      {"subject", alert.subject},
      {"message", alert.message},
      {"open", alert.open()},
      {"created_at", format_utc(alert.created_at)},
      {"acknowledged_by", alert.acknowledged_by.empty() ? json::value(nullptr) : json::value(alert.acknowledged_by)},
      {"acknowledged_at", time_or_null(alert.acknowledged_at)},
      {"closed_at", time_or_null(alert.closed_at)}};
}

}  // namespace

Response AlertHandlers::list(const Request& request) {
  ListQuery query(request, {"state", "kind", "unit", "cursor", "limit"});
  app::alerts::AlertFilter filter;
  filter.limit = query.limit();
  if (auto state = query.text("state")) {
    if (*state == "open") {
      filter.state = ports::AlertState::open;
    } else if (*state == "closed") {
      filter.state = ports::AlertState::closed;
    } else if (*state == "all") {
      filter.state = ports::AlertState::all;
    } else {
      query.add_problem("state", Text{"Pilih open, closed, atau all.", "Use open, closed or all."});
    }
  }
  if (auto kind = query.text("kind")) {
    if (!domain::alerts::alert_kind_from_string(*kind)) {
      query.add_problem("kind", Text{"Jenis peringatan tidak dikenal.", "Unknown kind of alert."});
    } else {
      filter.kind = std::string(*kind);
    }
  }
  if (auto unit = query.text("unit")) filter.unit = std::string(*unit);
  if (auto cursor = query.text("cursor")) filter.cursor = std::string(*cursor);
  if (auto problem = query.error()) return problem_response(*problem, request);
  auto page = board_.list(request.actor, filter);
  if (!page) return problem_response(page.error(), request);
  json::array items;
  for (const auto& alert : page->items) items.push_back(alert_json(alert));
  auto response = json_response(json::serialize(
      json::object{{"items", std::move(items)},
                   {"next_cursor", page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr)}}));
  response.set_header("Cache-Control", "no-store");
  return response;
}

Response AlertHandlers::acknowledge(const Request& request) {
  auto id = path_id(request, "id");
  if (!id) {
    return problem_response(Error(ErrorCode::not_found, Text{"Peringatan tidak ditemukan.", "Alert not found."}),
                            request);
  }
  auto alert = board_.acknowledge(request.actor, *id, request.remote_address);
  if (!alert) return problem_response(alert.error(), request);
  auto response = json_response(json::serialize(alert_json(*alert)));
  response.set_header("Cache-Control", "no-store");
  return response;
}

}  // namespace sigap::http::handlers
