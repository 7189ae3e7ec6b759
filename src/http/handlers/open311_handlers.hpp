#pragma once

#include <optional>

#include "app/complaints/submit_complaint.hpp"
#include "app/ports/storage.hpp"
#include "channels/open311/discovery.hpp"
#include "channels/open311/open311_settings.hpp"
#include "channels/open311/submit_service_request.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"
#include "http/rate_limiter.hpp"

namespace sigap::http::handlers {

/// Open311 GeoReport v2 under /open311/v2/ and its discovery document (docs/integration.md).
/// Every route exists as .json and .xml; the suffix of the path picks the format of the answer,
/// errors included (<errors><error><code/><description/></error></errors>). Reads are public and
/// limited per client address (the `tracking` budget); POST requests authenticates the form's
/// api_key and spends that key's `api` budget. Budgets are spent here rather than by the
/// dispatcher so that a refusal, too, is in the Open311 format. Thread-safe.
class Open311Handlers {
 public:
  Open311Handlers(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake,
                  RateLimiter& limiter, channels::open311::Open311Settings settings)
      : storage_(storage),
        clock_(clock),
        limiter_(limiter),
        settings_(settings),
        intake_(storage, clock, intake),
        discovery_(storage, clock, std::move(settings)) {}

  /// GET /open311/discovery.{json,xml}
  Response discovery(const Request& request);
  /// GET /open311/v2/services.{json,xml}
  Response services(const Request& request);
  /// GET /open311/v2/services/{service_code}.{json,xml}
  Response service_definition(const Request& request);
  /// POST /open311/v2/requests.{json,xml} (application/x-www-form-urlencoded)
  Response submit(const Request& request);
  /// GET /open311/v2/requests.{json,xml}
  Response requests(const Request& request);
  /// GET /open311/v2/requests/{service_request_id}.{json,xml}
  Response request(const Request& request);
  /// GET /open311/v2/tokens/{token}.{json,xml}
  Response token(const Request& request);

 private:
  /// Spends the caller's read budget and checks the common arguments (jurisdiction_id; api_key
  /// is ignored on reads; nothing else). An error response, or nothing when all is well.
  std::optional<Response> refuse_read(const Request& request, bool other_parameters_allowed);

  app::ports::Storage& storage_;
  const Clock& clock_;
  RateLimiter& limiter_;
  channels::open311::Open311Settings settings_;
  channels::open311::ServiceRequestIntake intake_;
  channels::open311::Discovery discovery_;
};

}  // namespace sigap::http::handlers
