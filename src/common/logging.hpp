#pragma once

#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

namespace sigap::logging {

/// Sets up JSON-lines logging on stderr: one object per line with ts, level, logger,
/// request_id (when a request is being handled on this thread) and msg. Thread-safe after init.
/// `level` is one of trace, debug, info, warn, error, off.
void init(std::string_view level);

/// The application log ("sigap") and the access log ("access").
spdlog::logger& app();
spdlog::logger& access();

/// Appends `value` to `out` as a JSON string literal (quotes included).
void append_json_string(std::string& out, std::string_view value);

/// Marks the request this thread is working on, so every log line it writes carries the id.
/// Restores the previous id when it goes out of scope.
class RequestScope {
 public:
  explicit RequestScope(std::string_view request_id);
  ~RequestScope();
  RequestScope(const RequestScope&) = delete;
  RequestScope& operator=(const RequestScope&) = delete;

 private:
  std::string previous_;
};

/// The request id of the current thread, empty outside a request.
std::string_view current_request_id();

}  // namespace sigap::logging
