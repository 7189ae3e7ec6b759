#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"

namespace sigap::app::ports {

struct WebhookRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

/// What a receiver answered: its status (0 when none came) or what went wrong on the way.
struct WebhookResponse {
  int status = 0;
  std::string error;  // "" when an answer came; never holds the secret
  std::chrono::milliseconds duration{0};
};

/// Sends one webhook POST to a URL the policy allows, by the address the policy checked (no DNS
/// rebinding between check and connect), following no redirect, within its timeouts. Implemented
/// by notify::CurlWebhookTransport. Thread-safe.
class WebhookTransport {
 public:
  virtual ~WebhookTransport() = default;
  virtual WebhookResponse post(const WebhookRequest& request) = 0;
  /// Resolves the URL's host now and checks every address against the policy: `forbidden` when
  /// one may not be reached, `validation` when the URL itself is refused, `unavailable` when
  /// the name does not resolve (yet).
  virtual Result<void> check_destination(const std::string& url) = 0;
};

}  // namespace sigap::app::ports
