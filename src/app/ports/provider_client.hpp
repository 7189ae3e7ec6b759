#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace sigap::app::ports {

/// One HTTP request to a messaging provider's API (WhatsApp Graph API, Telegram Bot API, an
/// SMS gateway): replies, media downloads.
struct ProviderRequest {
  std::string method = "POST";  // "GET" or "POST"
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  std::size_t max_answer = 64 * 1024;  // a longer answer is cut off and is an error
};

/// What the provider answered: its status and body (0 and an error when no answer came).
struct ProviderResponse {
  int status = 0;
  std::string body;
  std::string content_type;
  std::string error;  // "" when an answer came; never holds a token or a recipient
  std::chrono::milliseconds duration{0};
};

/// Sends requests to the configured providers by libcurl with the webhook transport's
/// protections (notify::CurlProviderClient: the URL policy with the providers' hosts allowed,
/// the connection pinned to the checked address, no redirects, timeouts). Thread-safe.
class ProviderClient {
 public:
  virtual ~ProviderClient() = default;
  virtual ProviderResponse send(const ProviderRequest& request) = 0;
};

}  // namespace sigap::app::ports
