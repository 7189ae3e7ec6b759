#include "http/routes.hpp"

namespace sigap::http {

namespace {

template <typename Object>
Handler bind(Object& object, Response (Object::*method)(const Request&)) {
  return [&object, method](const Request& request) { return (object.*method)(request); };
}

}  // namespace

std::vector<Route> make_routes(Handlers& h) {
  using handlers::HealthHandlers;
  using handlers::MasterDataHandlers;
  auto& md = h.master_data;
  return {
      // Operations
      {"GET", "/healthz", bind(h.health, &HealthHandlers::healthz)},
      {"GET", "/readyz", bind(h.health, &HealthHandlers::readyz)},
      {"GET", "/metrics", bind(h.health, &HealthHandlers::metrics)},
      // Master data (public reads)
      {"GET", "/api/v1/regions", bind(md, &MasterDataHandlers::list_regions)},
      {"GET", "/api/v1/regions/{code}", bind(md, &MasterDataHandlers::get_region)},
      {"POST", "/api/v1/regions/search", bind(md, &MasterDataHandlers::search_regions), BodyKind::json, 16 * 1024},
      {"GET", "/api/v1/units", bind(md, &MasterDataHandlers::list_units)},
      {"GET", "/api/v1/units/{id}", bind(md, &MasterDataHandlers::get_unit)},
      {"GET", "/api/v1/categories", bind(md, &MasterDataHandlers::list_categories)},
  };
}

}  // namespace sigap::http
