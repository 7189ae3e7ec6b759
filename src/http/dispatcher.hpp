#pragma once

#include <chrono>
#include <cstddef>
#include <memory>

#include "http/access_gate.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace sigap::http {

struct DispatcherOptions {
  std::size_t max_json_body = 1024 * 1024;  // bytes
};

/// Everything between a parsed request and its response that is not socket I/O: request id,
/// language, routing (404, 405 with Allow), body checks (415, 400), the handler, turning a
/// thrown exception into a 500 that reveals nothing, metrics and the access log. The static
/// front end answers paths outside /api/ that no route claims. Rate limits (429) and security
/// headers on every response. Thread-safe.
class Dispatcher {
 public:
  Dispatcher(Router router, std::unique_ptr<StaticFiles> static_files, HttpMetrics& metrics,
             DispatcherOptions options, const AccessGate& gate, RateLimiter& limiter);

  /// The largest body the route for this request accepts, so the server can refuse a larger
  /// one (413) before reading it.
  [[nodiscard]] std::size_t body_limit_for(std::string_view method, std::string_view path) const;

  /// Whether this request may be dispatched on the connection's own thread (Route::answers_inline).
  [[nodiscard]] bool answers_inline(const Request& request) const;

  /// Never throws. Fills request.request_id, language and path_params. A pending response
  /// (message.hpp) gets its headers, metrics and access log line when it is finished; the
  /// caller keeps `request` alive until then.
  Response dispatch(Request& request) const;

  [[nodiscard]] const Router& router() const { return router_; }
  [[nodiscard]] const DispatcherOptions& options() const { return options_; }

 private:
  Response route(Request& request, std::string& route_name) const;
  using Started = std::chrono::steady_clock::time_point;
  Response complete(Response response, const Request& request, const std::string& route_name,
                    Started started) const;

  Router router_;
  std::unique_ptr<StaticFiles> static_files_;
  HttpMetrics& metrics_;
  DispatcherOptions options_;
  const AccessGate& gate_;
  RateLimiter& limiter_;
};

/// A fresh request id, or the client's X-Request-Id when it is 1-64 characters of
/// [A-Za-z0-9._-].
std::string request_id_for(const Request& request);

}  // namespace sigap::http
