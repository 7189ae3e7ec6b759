#pragma once

#include "app/complaints/routing_book.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The routing rules (which unit handles a category in a region) for admins: list, set one,
/// remove one. Audited by app/master_data/routing_rules_admin. A change reaches the next
/// report at once: intake's directory is told to read the rules again.
class RoutingHandlers {
 public:
  RoutingHandlers(app::ports::Storage& storage, const Clock& clock, app::complaints::RoutingDirectory& directory)
      : storage_(storage), clock_(clock), directory_(directory) {}

  /// GET /api/v1/routing-rules
  Response list(const Request& request);
  /// PUT /api/v1/routing-rules {category_code, region_code, unit_code}
  Response save(const Request& request);
  /// DELETE /api/v1/routing-rules {category_code, region_code}
  Response remove(const Request& request);

 private:
  app::ports::Storage& storage_;
  const Clock& clock_;
  app::complaints::RoutingDirectory& directory_;
};

}  // namespace sigap::http::handlers
