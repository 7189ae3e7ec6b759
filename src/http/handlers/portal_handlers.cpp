#include "http/handlers/portal_handlers.hpp"

#include <boost/json.hpp>

namespace sigap::http::handlers {

namespace json = boost::json;

Response PortalHandlers::settings(const Request& /*request*/) {
  json::value map = nullptr;
  if (!settings_.map_tile_url.empty()) {
    map = json::object{{"tile_url", settings_.map_tile_url},
                       {"attribution", settings_.map_attribution},
                       {"center", json::object{{"latitude", settings_.center_latitude},
                                               {"longitude", settings_.center_longitude}}}};
  }
  auto response = json_response(json::serialize(json::object{{"map", std::move(map)}}));
  response.set_header("Cache-Control", "public, max-age=300");
  return response;
}

}  // namespace sigap::http::handlers
