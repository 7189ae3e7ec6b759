#pragma once

#include "app/alerts/alert_board.hpp"
#include "app/ports/storage.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Alerts (docs/command-center.md): the list for supervisors, leaders and admins in their scope,
/// and acknowledgement. Thin over app/alerts/alert_board.
class AlertHandlers {
 public:
  AlertHandlers(app::ports::Storage& storage, const Clock& clock) : board_(storage, clock) {}

  /// GET /api/v1/alerts?state=open|closed|all&kind=&unit=&cursor=&limit=: open first, then
  /// newest first; {items, next_cursor}.
  Response list(const Request& request);
  /// POST /api/v1/alerts/{id}/acknowledge: the alert as it is now.
  Response acknowledge(const Request& request);

 private:
  app::alerts::AlertBoard board_;
};

}  // namespace sigap::http::handlers
