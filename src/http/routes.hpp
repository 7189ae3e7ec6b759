#pragma once

#include <vector>

#include "http/handlers/admin_handlers.hpp"
#include "http/handlers/complaint_handlers.hpp"
#include "http/handlers/health_handlers.hpp"
#include "http/handlers/master_data_handlers.hpp"
#include "http/handlers/session_handlers.hpp"
#include "http/router.hpp"

namespace sigap::http {

/// The handler objects the route table points into. Lives as long as the server.
struct Handlers {
  Handlers(app::ports::Storage& storage, const HttpMetrics& metrics, const Clock& clock,
           const app::identity::SessionPolicy& sessions, app::complaints::ComplaintIntake& intake,
           app::ports::PhotoStore* photos)
      : health(storage, metrics),
        master_data(storage),
        session(storage, clock, sessions),
        admin(storage, clock),
        complaints(storage, clock, intake, photos) {}
  Handlers(const Handlers&) = delete;
  Handlers& operator=(const Handlers&) = delete;

  handlers::HealthHandlers health;
  handlers::MasterDataHandlers master_data;
  handlers::SessionHandlers session;
  handlers::AdminHandlers admin;
  handlers::ComplaintHandlers complaints;
};

/// THE route table: every endpoint Sigap serves is listed here, nowhere else, each with the
/// permission it needs (domain/access).
std::vector<Route> make_routes(Handlers& handlers);

}  // namespace sigap::http
