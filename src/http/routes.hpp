#pragma once

#include <vector>

#include "http/handlers/health_handlers.hpp"
#include "http/handlers/master_data_handlers.hpp"
#include "http/router.hpp"

namespace sigap::http {

/// The handler objects the route table points into. Lives as long as the server.
struct Handlers {
  handlers::HealthHandlers health;
  handlers::MasterDataHandlers master_data;
};

/// THE route table: every endpoint Sigap serves is listed here, nowhere else.
std::vector<Route> make_routes(Handlers& handlers);

}  // namespace sigap::http
