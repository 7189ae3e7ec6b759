#include "http/handlers/health_handlers.hpp"

#include <fmt/format.h>

#include "common/logging.hpp"
#include "http/openapi_document.hpp"
#include "http/problem_json.hpp"

namespace sigap::http::handlers {

Response HealthHandlers::healthz(const Request&) { return json_response(R"({"status":"ok"})"); }

Response HealthHandlers::readyz(const Request& request) {
  auto ping = storage_.ping();
  if (!ping) {
    logging::app().warn("readyz: database does not answer: {}", ping.error().log_detail());
    return problem_response(Error(ErrorCode::unavailable, Text{"Basis data tidak menjawab.",
                                                               "The database does not answer."}),
                            request);
  }
  return json_response(fmt::format(R"({{"status":"ready","database":"{}"}})", storage_.backend()));
}

Response HealthHandlers::metrics(const Request&) {
  Response response;
  response.body = metrics_.render(storage_.stats(), storage_.backend());
  response.set_header("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
  return response;
}

Response HealthHandlers::openapi(const Request&) {
  Response response;
  response.body = std::string(openapi_yaml());
  response.set_header("Content-Type", "application/yaml; charset=utf-8");
  response.set_header("Cache-Control", "no-cache");
  return response;
}

}  // namespace sigap::http::handlers
