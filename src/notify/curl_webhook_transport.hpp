#pragma once

#include <chrono>
#include <string>

#include "app/ports/webhook_transport.hpp"
#include "domain/integration/url_policy.hpp"

namespace sigap::notify {

struct WebhookTransportOptions {
  domain::integration::AllowList allow;  // webhook_allow_hosts
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  std::chrono::milliseconds total_timeout{std::chrono::seconds(10)};  // webhook_timeout_seconds
};

/// Webhook POSTs by libcurl. Before each request the URL is checked again by the policy
/// (domain::integration::check_webhook_url), its host resolved, and every address it resolves
/// to checked (check_resolved); the connection is then pinned to the checked address
/// (CURLOPT_RESOLVE, and an open-socket callback that refuses any other address), so a DNS
/// answer that changes between the check and the connect (rebinding) cannot send the request
/// elsewhere. No redirect is followed, no proxy from the environment is used, only http and
/// https are spoken, TLS certificates are verified, the answer's body is read and dropped (at
/// most 64 KiB). Thread-safe: one curl handle per request.
class CurlWebhookTransport final : public app::ports::WebhookTransport {
 public:
  explicit CurlWebhookTransport(WebhookTransportOptions options);

  // app::ports::WebhookTransport
  app::ports::WebhookResponse post(const app::ports::WebhookRequest& request) override;
  Result<void> check_destination(const std::string& url) override;

 private:
  struct Destination {
    domain::integration::WebhookUrl url;
    domain::integration::IpAddress address;  // the checked address to connect to
  };
  Result<Destination> resolve_checked(const std::string& url) const;

  WebhookTransportOptions options_;
};

/// The addresses `host` resolves to (getaddrinfo, both families), without repeats; empty when
/// it does not resolve.
std::vector<domain::integration::IpAddress> resolve_host(const std::string& host);

}  // namespace sigap::notify
