#pragma once

#include <chrono>
#include <string>

#include "domain/integration/retry_schedule.hpp"
#include "domain/integration/url_policy.hpp"

namespace sigap::app::webhooks {

/// How webhooks are checked and delivered (config keys in docs/integration.md).
struct WebhookSettings {
  /// webhook_allow_hosts: hosts that may be reached over http or on private addresses.
  domain::integration::AllowList allow;
  /// delivery_retry_*: backoff with full jitter for up to the window, then dead-lettered.
  domain::integration::RetrySchedule retry;
  /// The CloudEvents `source` of every event: public_url + "/api/v1/complaints".
  std::string source = "/api/v1/complaints";
  /// How long a claimed delivery is held for its attempt (longer than the transport's timeout);
  /// if the process dies meanwhile, another worker takes it after this.
  std::chrono::milliseconds lease{std::chrono::seconds(60)};
};

}  // namespace sigap::app::webhooks
