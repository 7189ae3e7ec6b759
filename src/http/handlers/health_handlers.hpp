#pragma once

#include "app/ports/storage.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"

namespace sigap::http::handlers {

/// /healthz (the process answers), /readyz (the database answers too), /metrics, and the
/// OpenAPI document.
class HealthHandlers {
 public:
  HealthHandlers(app::ports::Storage& storage, const HttpMetrics& metrics) : storage_(storage), metrics_(metrics) {}

  Response healthz(const Request& request);
  Response readyz(const Request& request);
  Response metrics(const Request& request);
  /// GET /api/v1/openapi.yaml: the API's contract.
  Response openapi(const Request& request);

 private:
  app::ports::Storage& storage_;
  const HttpMetrics& metrics_;
};

}  // namespace sigap::http::handlers
