#pragma once

#include <chrono>

#include "app/ports/provider_client.hpp"
#include "domain/integration/url_policy.hpp"

namespace sigap::notify {

struct ProviderClientOptions {
  /// Hosts that may be reached over http or on a private address: the configured providers'
  /// own hosts (an SMS gateway in the city's network, a fake on loopback in tests) and
  /// webhook_allow_hosts. Anything else must be https on a public address.
  domain::integration::AllowList allow;
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(20)};
};

/// Requests to messaging providers by libcurl, with the webhook transport's protections (see
/// CurlWebhookTransport): the URL checked by the same policy, its host resolved and every
/// address checked, the connection pinned to the checked address, no redirect followed, no proxy
/// from the environment, only http and https, TLS verified. Unlike a webhook POST it keeps the
/// answer (up to the request's max_answer: media downloads). Thread-safe: one handle per request.
class CurlProviderClient final : public app::ports::ProviderClient {
 public:
  explicit CurlProviderClient(ProviderClientOptions options);

  // app::ports::ProviderClient
  app::ports::ProviderResponse send(const app::ports::ProviderRequest& request) override;

 private:
  ProviderClientOptions options_;
};

}  // namespace sigap::notify
