#include "http/handlers/public_handlers.hpp"

#include <cmath>

#include <boost/json.hpp>

#include "app/complaints/public_cases.hpp"
#include "app/complaints/public_figures.hpp"
#include "common/time_format.hpp"
#include "domain/complaints/case_filter.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace json = boost::json;
namespace dc = domain::complaints;

namespace {

// Dates are whole days on the city's clock (WIB for Palembang), as in the staff list.
constexpr auto kDateZone = domain::sla::UnitTimeZone::wib;
constexpr auto kFiguresLifetime = std::chrono::seconds(60);
constexpr std::size_t kMaxCachedPeriods = 64;

// 0.001 degree is about 111 m north-south (and a little less east-west at Palembang's latitude).
double rounded_degrees(double degrees) { return std::round(degrees * 1000.0) / 1000.0; }

json::value public_location(const dc::Complaint& complaint) {
  // An anonymous reporter's pin could point at their door: no pin at all then.
  if (complaint.anonymous || !complaint.location) return nullptr;
  return json::object{{"latitude", rounded_degrees(complaint.location->latitude)},
                      {"longitude", rounded_degrees(complaint.location->longitude)},
                      {"precision_m", 100}};
}

json::value text_or_null(const std::string& text) { return text.empty() ? json::value(nullptr) : json::value(text); }

json::object public_item(const dc::Complaint& complaint) {
  return json::object{{"code", complaint.public_code},
                      {"status", dc::to_string(complaint.status)},
                      {"kind", dc::to_string(complaint.kind)},
                      {"title", complaint.title},
                      {"description", complaint.description},
                      {"category", text_or_null(complaint.category_code)},
                      {"region_code", text_or_null(complaint.region_code)},
                      {"unit", complaint.unit_code},
                      {"location", public_location(complaint)},
                      {"support_count", complaint.support_count},
                      {"submitted_at", format_utc(complaint.submitted_at)},
                      {"updated_at", format_utc(complaint.updated_at)},
                      {"resolved_at", complaint.resolved_at ? json::value(format_utc(*complaint.resolved_at))
                                                            : json::value(nullptr)},
                      {"tracking_url", "/lacak/" + complaint.public_code}};
}

json::value optional_number(const std::optional<double>& value, double scale) {
  return value ? json::value(std::round(*value * scale) / scale) : json::value(nullptr);
}

json::object figures_json(const app::complaints::CaseFigures& figures) {
  json::object out{{"received", figures.received},
                   {"open", figures.open},
                   {"resolved", figures.resolved},
                   {"fixed", figures.fixed},
                   {"closed_without_fix", figures.closed_without_fix},
                   {"first_responses", figures.first_responses},
                   {"resolved_with_deadline", figures.resolved_with_deadline},
                   {"resolved_within_deadline", figures.resolved_within_deadline},
                   {"ratings", figures.ratings}};
  out["median_first_response_seconds"] = figures.median_first_response_seconds
                                             ? json::value(*figures.median_first_response_seconds)
                                             : json::value(nullptr);
  out["within_deadline_share"] = optional_number(figures.within_deadline_share, 1000.0);
  out["average_rating"] = optional_number(figures.average_rating, 100.0);
  return out;
}

}  // namespace

Response PublicHandlers::complaints(const Request& request) {
  auto filter = dc::parse_case_filter(request.query, kDateZone, app::complaints::public_list_parameters());
  if (!filter) return problem_response(filter.error(), request);
  auto page = app::complaints::list_public_cases(storage_, std::move(*filter));
  if (!page) return problem_response(page.error(), request);
  json::array items;
  for (const auto& complaint : page->items) items.push_back(public_item(complaint));
  json::object out{{"count", items.size()}};
  out["next_cursor"] = page->next_cursor ? json::value(*page->next_cursor) : json::value(nullptr);
  out["items"] = std::move(items);
  auto response = json_response(json::serialize(out));
  response.set_header("Cache-Control", "public, max-age=30");
  return response;
}

Response PublicHandlers::stats(const Request& request) {
  app::ports::OutcomeQuery period;
  std::vector<FieldError> problems;
  std::string key;
  for (const auto& [name, value] : request.query) {
    if (name != "from" && name != "to") {
      problems.push_back({name, Text{"Parameter tidak dikenal.", "Unknown parameter."}});
      continue;
    }
    auto bound = domain::complaints::parse_time_bound(value, kDateZone, name == "to");
    if (!bound) {
      problems.push_back({name, Text{"Isi dengan tanggal (2026-11-01) atau waktu (2026-11-01T08:00:00Z).",
                                     "Use a date (2026-11-01) or a date-time (2026-11-01T08:00:00Z)."}});
      continue;
    }
    (name == "from" ? period.from : period.before) = bound;
  }
  if (period.from && period.before && *period.before <= *period.from) {
    problems.push_back({"to", Text{"Tanggal akhir lebih awal dari tanggal awal.", "The end is before the start."}});
  }
  if (!problems.empty()) {
    return problem_response(Error(ErrorCode::validation, Text{"Periode tidak valid.", "Invalid period."}, problems),
                            request);
  }
  key = (period.from ? format_utc(*period.from) : "") + "/" + (period.before ? format_utc(*period.before) : "");
  auto now = clock_.now();
  std::string body;
  {
    std::lock_guard lock(mutex_);
    if (auto cached = figures_cache_.find(key);
        cached != figures_cache_.end() && now - cached->second.made < kFiguresLifetime) {
      body = cached->second.body;
    }
  }
  if (body.empty()) {
    auto figures = app::complaints::public_figures(storage_, period);
    if (!figures) return problem_response(figures.error(), request);
    json::array units;
    for (const auto& unit : figures->units) {
      auto item = figures_json(unit.figures);
      item["unit"] = unit.unit_code;
      item["name"] = unit.unit_name;
      units.push_back(std::move(item));
    }
    json::object out{
        {"period", json::object{{"from", period.from ? json::value(format_utc(*period.from)) : json::value(nullptr)},
                                {"before", period.before ? json::value(format_utc(*period.before)) : json::value(nullptr)}}},
        {"city", figures_json(figures->city)},
        {"units", std::move(units)},
        {"computed_at", format_utc(now)}};
    body = json::serialize(out);
    std::lock_guard lock(mutex_);
    if (figures_cache_.size() >= kMaxCachedPeriods) figures_cache_.clear();
    figures_cache_[key] = {now, body};
  }
  auto response = json_response(std::move(body));
  response.set_header("Cache-Control", "public, max-age=60");
  return response;
}

}  // namespace sigap::http::handlers
