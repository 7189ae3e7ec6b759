#pragma once

#include <cstddef>
#include <functional>

#include "app/ports/storage.hpp"
#include "app/ports/webhook_transport.hpp"
#include "app/webhooks/webhook_settings.hpp"
#include "common/clock.hpp"

namespace sigap::app::webhooks {

/// A number in [0, 1) for the jitter of the retry schedule. Tests may pass a fixed one.
using UnitRandom = std::function<double()>;
/// Uniform from a per-thread generator seeded by the OS.
double default_unit_random();

/// Sends webhook deliveries, one attempt at a time: claims the next due delivery (the oldest
/// pending one of its case for its subscription), signs it (Sigap-Signature, t = now), posts
/// it through the transport, and records the attempt: 2xx delivers it; anything else (another
/// status, a timeout, a refused address) schedules the next attempt by the retry schedule, or
/// dead-letters it once the window is over. Time comes from `clock` only. Thread-safe: any
/// number of threads (and processes) may call deliver_next at once; the claim in the database
/// hands each delivery to one of them.
class WebhookDeliverer {
 public:
  WebhookDeliverer(ports::Storage& storage, const Clock& clock, ports::WebhookTransport& transport,
                   WebhookSettings settings, UnitRandom random = default_unit_random)
      : storage_(storage),
        clock_(clock),
        transport_(transport),
        settings_(std::move(settings)),
        random_(std::move(random)) {}

  /// One attempt of the next due delivery; false when none was due.
  Result<bool> deliver_next();
  /// deliver_next until nothing is due or `max` attempts were made; how many were made.
  Result<std::size_t> run_until_idle(std::size_t max = 10000);

 private:
  ports::Storage& storage_;
  const Clock& clock_;
  ports::WebhookTransport& transport_;
  WebhookSettings settings_;
  UnitRandom random_;
};

}  // namespace sigap::app::webhooks
