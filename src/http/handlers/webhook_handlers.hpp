#pragma once

#include "app/ports/storage.hpp"
#include "app/ports/webhook_transport.hpp"
#include "app/webhooks/webhook_admin.hpp"
#include "app/webhooks/webhook_settings.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// Webhook subscriptions and their deliveries (manage_webhooks: admins, and integrators' API
/// keys for their own). The use cases and who sees what: app/webhooks/webhook_admin.
class WebhookHandlers {
 public:
  WebhookHandlers(app::ports::Storage& storage, const Clock& clock, app::ports::WebhookTransport* transport,
                  app::webhooks::WebhookSettings settings)
      : settings_(std::move(settings)), admin_(storage, clock, transport, settings_) {}

  /// GET /api/v1/webhooks: {items: [subscription]}.
  Response list(const Request& request);
  /// POST /api/v1/webhooks {name, url, event_types[], unit_code?, active?, secret?}: 201 with
  /// the subscription and its `secret`, shown this once.
  Response create(const Request& request);
  /// GET /api/v1/webhooks/{id}
  Response get(const Request& request);
  /// PUT /api/v1/webhooks/{id} with any of the fields of create; the rest is kept.
  Response update(const Request& request);
  /// DELETE /api/v1/webhooks/{id}: 204; its deliveries go with it.
  Response remove(const Request& request);
  /// GET /api/v1/webhook-deliveries?subscription=&status=pending|delivered|dead&before=&limit=
  /// newest first, each with its attempts; status=dead is the dead-letter list.
  Response deliveries(const Request& request);
  /// GET /api/v1/webhook-deliveries/{id}
  Response delivery(const Request& request);
  /// POST /api/v1/webhook-deliveries/{id}/redeliver: a dead letter back in the queue.
  Response redeliver(const Request& request);

 private:
  app::webhooks::WebhookSettings settings_;
  app::webhooks::WebhookAdmin admin_;
};

}  // namespace sigap::http::handlers
