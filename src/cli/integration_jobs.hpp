#pragma once

#include <functional>
#include <memory>
#include <string>

#include "app/dashboard/figures_consumer.hpp"
#include "app/notifications/notification_fan_out.hpp"
#include "app/notifications/send_notifications.hpp"
#include "app/outbox/dispatch_outbox.hpp"
#include "app/webhooks/deliver_webhooks.hpp"
#include "app/webhooks/webhook_fan_out.hpp"
#include "cli/channel_wiring.hpp"
#include "cli/config.hpp"
#include "jobs/delivery_workers.hpp"
#include "jobs/outbox_dispatcher.hpp"
#include "notify/curl_webhook_transport.hpp"
#include "notify/smtp_email_sender.hpp"

namespace sigap::cli {

/// The webhook settings the configuration names (allow-list, retry schedule); the CloudEvents
/// source is public_url + "/api/v1/complaints".
app::webhooks::WebhookSettings webhook_settings(const Config& config, const std::string& public_url);

/// The transport of webhook POSTs (URL policy, timeouts).
std::unique_ptr<notify::CurlWebhookTransport> webhook_transport(const Config& config);

/// What `sigap serve` runs beside the server for issue #7 (docs/integration.md): the outbox
/// dispatcher, which fans committed events out into webhook deliveries and messages to
/// reporters (and keeps the dashboard figures of #6 in step), and the workers that send them
/// (e-mail only when smtp_url is set).
class IntegrationJobs {
 public:
  /// `provider_client`: for the messaging channels' senders (WhatsApp, SMS; docs/channels.md);
  /// null: e-mail only.
  IntegrationJobs(app::ports::Storage& storage, const Clock& clock, const Config& config, std::string public_url,
                  app::ports::WebhookTransport& transport, app::ports::ProviderClient* provider_client = nullptr);
  IntegrationJobs(const IntegrationJobs&) = delete;
  IntegrationJobs& operator=(const IntegrationJobs&) = delete;

  /// Also called after each batch the dispatcher numbered (the live stream's hub looks at once).
  /// Before start().
  void on_numbered(std::function<void()> call) { on_numbered_ = std::move(call); }
  void start();
  /// The dispatcher first, then the workers (attempts in flight finish).
  void stop();

 private:
  app::webhooks::WebhookSettings webhooks_;
  std::unique_ptr<notify::SmtpEmailSender> email_;
  std::unique_ptr<ChannelSenders> channel_senders_;  // WhatsApp and SMS, when configured
  app::webhooks::WebhookFanOut webhook_fan_out_;
  app::notifications::NotificationFanOut notification_fan_out_;
  app::dashboard::FiguresConsumer dashboard_figures_;  // the Command Center's figures, in step with the events
  app::webhooks::WebhookDeliverer webhook_deliverer_;
  app::notifications::NotificationDeliverer notification_deliverer_;
  app::outbox::OutboxDispatch dispatch_;
  jobs::DeliveryWorkers workers_;
  std::function<void()> on_numbered_;
  jobs::OutboxDispatcher dispatcher_;
};

}  // namespace sigap::cli
