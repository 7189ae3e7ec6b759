#include "http/handlers/master_data_handlers.hpp"

#include <boost/json.hpp>

#include "app/master_data/region_search.hpp"
#include "domain/master_data/region_code.hpp"
#include "http/handlers/master_data_json.hpp"
#include "http/json_body.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

namespace dm = domain::master_data;
namespace json = boost::json;

namespace {

template <typename T, typename ToJson>
Response items(const Request& request, const Result<std::vector<T>>& result, ToJson to_json) {
  if (!result) return problem_response(result.error(), request);
  json::array array;
  for (const auto& item : *result) array.push_back(to_json(item));
  auto count = array.size();
  return json_response(json::serialize(json::object{{"items", std::move(array)}, {"count", count}}));
}

}  // namespace

Response MasterDataHandlers::list_regions(const Request& request) {
  return items(request, queries_.list_regions(request.query_param("parent").value_or("")), region_json);
}

Response MasterDataHandlers::get_region(const Request& request) {
  auto region = queries_.get_region(request.path_param("code"));
  if (!region) return problem_response(region.error(), request);
  return json_response(json::serialize(region_json(*region)));
}

Response MasterDataHandlers::search_regions(const Request& request) {
  auto body = parse_json_object(request);
  if (!body) return problem_response(body.error(), request);
  JsonFields fields(*body, {"query", "level", "limit"});
  app::master_data::RegionSearch search;
  search.query = fields.string("query", true).value_or("");
  if (auto level = fields.string("level", false)) {
    auto parsed = dm::region_level_from_string(*level, "level");
    if (parsed) {
      search.level = *parsed;
    } else {
      fields.add_problem("level", parsed.error().fields().front().message);
    }
  }
  if (auto limit = fields.integer("limit", false)) {
    search.limit = *limit > 1000 || *limit < -1000 ? 0 : static_cast<int>(*limit);
  }
  if (auto problem = fields.error()) return problem_response(*problem, request);
  auto matches = app::master_data::search_regions(storage_, search);
  return items(request, matches, [](const app::master_data::RegionMatch& match) {
    auto out = region_json(match.region);
    out["score"] = match.score;
    return out;
  });
}

Response MasterDataHandlers::list_units(const Request& request) {
  return items(request,
               queries_.list_units(request.query_param("type").value_or(""), request.query_param("parent").value_or("")),
               unit_json);
}

Response MasterDataHandlers::get_unit(const Request& request) {
  auto unit = queries_.get_unit(request.path_param("id"));
  if (!unit) return problem_response(unit.error(), request);
  return json_response(json::serialize(unit_json(*unit)));
}

Response MasterDataHandlers::list_categories(const Request& request) {
  return items(request, queries_.list_categories(), category_json);
}

}  // namespace sigap::http::handlers
