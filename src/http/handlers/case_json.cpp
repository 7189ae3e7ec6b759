#include "http/handlers/case_json.hpp"

#include <cmath>

#include <boost/json.hpp>

namespace sigap::http::handlers {

namespace json = boost::json;

json::array duplicate_matches_json(const std::vector<app::complaints::DuplicateMatch>& matches) {
  json::array out;
  for (const auto& match : matches) {
    out.push_back(json::object{
        {"code", match.public_code},
        {"title", match.title},
        {"status", domain::complaints::to_string(match.status)},
        {"supporters", match.support_count},
        {"similarity", std::round(match.score * 100) / 100},
        {"distance_m", match.distance_m ? json::value(std::lround(*match.distance_m)) : json::value(nullptr)},
        {"tracking_url", "/lacak/" + match.public_code}});
  }
  return out;
}

}  // namespace sigap::http::handlers
