#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/ports/storage.hpp"
#include "app/ports/webhook_transport.hpp"
#include "app/webhooks/webhook_settings.hpp"
#include "common/clock.hpp"
#include "domain/access/access.hpp"

namespace sigap::app::webhooks {

/// What a caller sends to create or change a subscription; absent fields are kept (update) or
/// defaulted (create: no unit, active, a generated secret).
struct SubscriptionDraft {
  std::optional<std::string> name;
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> event_types;
  std::optional<std::string> unit_code;
  std::optional<bool> active;
  std::optional<std::string> secret;
};

/// A new subscription and its secret, which is shown this once.
struct CreatedSubscription {
  ports::WebhookSubscription subscription;
  std::string secret;
};

/// The webhook use cases of the API (manage_webhooks). An admin sees and manages every
/// subscription; an integrator's API key only its own, and they only carry events of cases
/// held by its unit or below. Someone else's subscription or delivery is not_found, like one
/// that does not exist. Every change is audited (webhook.created, webhook.updated,
/// webhook.deleted, webhook.redelivered) in the transaction that makes it. Thread-safe.
class WebhookAdmin {
 public:
  /// `transport` (may be null) resolves a new URL's host so a name that points at a refused
  /// address is turned away at once, not only at delivery.
  WebhookAdmin(ports::Storage& storage, const Clock& clock, ports::WebhookTransport* transport,
               const WebhookSettings& settings)
      : storage_(storage), clock_(clock), transport_(transport), settings_(settings) {}

  Result<std::vector<ports::WebhookSubscription>> list(const domain::access::Actor& actor);
  Result<ports::WebhookSubscription> get(const domain::access::Actor& actor, std::int64_t id);
  /// Errors: validation naming each field (name 1-100 characters; url by the URL policy;
  /// event_types; unit_code; secret 16-256 printable ASCII characters).
  Result<CreatedSubscription> create(const domain::access::Actor& actor, const SubscriptionDraft& draft);
  Result<ports::WebhookSubscription> update(const domain::access::Actor& actor, std::int64_t id,
                                            const SubscriptionDraft& draft);
  /// Removes the subscription with its deliveries and their attempts.
  Result<void> remove(const domain::access::Actor& actor, std::int64_t id);

  /// Deliveries (newest first, with their attempts) of the subscriptions the actor may see.
  Result<std::vector<ports::WebhookDelivery>> deliveries(const domain::access::Actor& actor,
                                                         ports::DeliveryQuery query);
  Result<ports::WebhookDelivery> delivery(const domain::access::Actor& actor, std::int64_t id);
  /// Puts a dead-lettered delivery back in the queue, due now with a fresh retry window;
  /// `conflict` when it is not dead-lettered.
  Result<ports::WebhookDelivery> redeliver(const domain::access::Actor& actor, std::int64_t id);

 private:
  /// The subscription if the actor may see it; not_found otherwise.
  Result<ports::WebhookSubscription> visible(const domain::access::Actor& actor, std::int64_t id);
  /// Checks the draft's fields into `subscription` (and the secret into `secret`), collecting
  /// every problem; `creating` makes name, url and event_types required.
  Result<void> apply(const domain::access::Actor& actor, const SubscriptionDraft& draft, bool creating,
                     ports::WebhookSubscription& subscription, std::optional<std::string>& secret);

  ports::Storage& storage_;
  const Clock& clock_;
  ports::WebhookTransport* transport_;
  const WebhookSettings& settings_;
};

}  // namespace sigap::app::webhooks
