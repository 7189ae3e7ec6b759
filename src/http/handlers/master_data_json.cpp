#include "http/handlers/master_data_json.hpp"

#include <boost/json.hpp>

#include "domain/master_data/region_code.hpp"

namespace sigap::http::handlers {

namespace dm = domain::master_data;
namespace json = boost::json;

namespace {

json::array service_hours_json(const dm::ServiceHours& hours) {
  json::array days;
  for (int day = 0; day < 7; ++day) {
    json::array intervals;
    for (const auto& interval : hours.days[static_cast<std::size_t>(day)]) {
      intervals.push_back(json::object{{"open_minute", interval.open_minute}, {"close_minute", interval.close_minute}});
    }
    days.push_back(json::object{{"day", dm::weekday_name(day)}, {"intervals", std::move(intervals)}});
  }
  return days;
}

}  // namespace

json::object region_json(const dm::Region& region) {
  json::object out{{"code", region.code}, {"name", region.name}, {"level", dm::to_string(region.level)}};
  out["parent_code"] = region.parent_code.empty() ? json::value(nullptr) : json::value(region.parent_code);
  return out;
}

json::object unit_json(const dm::Unit& unit) {
  json::object out{{"id", unit.id},
                   {"code", unit.code},
                   {"type", dm::to_string(unit.type)},
                   {"name", unit.name},
                   {"time_zone", unit.time_zone},
                   {"service_hours_text", dm::format_service_hours(unit.service_hours)},
                   {"service_hours", service_hours_json(unit.service_hours)}};
  out["parent_code"] = unit.parent_code.empty() ? json::value(nullptr) : json::value(unit.parent_code);
  out["region_code"] = unit.region_code.empty() ? json::value(nullptr) : json::value(unit.region_code);
  if (unit.office_location) {
    out["office_location"] =
        json::object{{"latitude", unit.office_location->latitude}, {"longitude", unit.office_location->longitude}};
  } else {
    out["office_location"] = nullptr;
  }
  return out;
}

json::object category_json(const dm::Category& category) {
  json::array keywords;
  for (const auto& keyword : category.keywords) keywords.emplace_back(keyword);
  return json::object{{"id", category.id},
                      {"code", category.code},
                      {"name", category.name_id},
                      {"name_en", category.name_en},
                      {"description", category.description_id},
                      {"default_unit_code", category.default_unit_code},
                      {"keywords", std::move(keywords)},
                      {"field_work", category.field_work}};
}

}  // namespace sigap::http::handlers
