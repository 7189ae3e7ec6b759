#pragma once

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/storage.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// POST /api/v1/complaints (intake, JSON) and GET /api/v1/track/{code} (public tracking).
/// Tracking never shows the reporter's data; the intake answer carries the reporter secret once.
class ComplaintHandlers {
 public:
  ComplaintHandlers(app::ports::Storage& storage, app::complaints::ComplaintIntake& intake)
      : storage_(storage), intake_(intake) {}

  Response submit(const Request& request);
  Response track(const Request& request);

 private:
  app::ports::Storage& storage_;
  app::complaints::ComplaintIntake& intake_;
};

}  // namespace sigap::http::handlers
