#include "cli/integration_jobs.hpp"

#include "common/logging.hpp"

namespace sigap::cli {

namespace {

domain::integration::RetrySchedule retry_schedule(const Config& config) {
  domain::integration::RetrySchedule retry;
  retry.base = std::chrono::seconds(config.delivery_retry_base_seconds);
  retry.cap = std::chrono::seconds(config.delivery_retry_cap_seconds);
  retry.window = std::chrono::seconds(config.delivery_retry_window_seconds);
  return retry;
}

std::unique_ptr<notify::SmtpEmailSender> email_sender(const Config& config) {
  if (config.smtp_url.empty()) return nullptr;
  notify::SmtpOptions options;
  options.url = config.smtp_url;
  options.from = config.smtp_from;
  options.username = config.smtp_username;
  options.password = config.smtp_password;
  options.starttls = config.smtp_tls == "starttls" && config.smtp_url.starts_with("smtp://");
  return std::make_unique<notify::SmtpEmailSender>(options);
}

std::vector<app::ports::NotificationSender*> senders_of(notify::SmtpEmailSender* email, const ChannelSenders* channels) {
  std::vector<app::ports::NotificationSender*> senders;
  if (email) senders.push_back(email);
  if (channels) {
    for (auto* sender : channels->senders()) senders.push_back(sender);
  }
  return senders;
}

std::set<domain::notifications::NotifyChannel> channels_of(notify::SmtpEmailSender* email, const ChannelSenders* channels) {
  std::set<domain::notifications::NotifyChannel> names;
  for (auto* sender : senders_of(email, channels)) names.insert(sender->channel());
  return names;
}

}  // namespace

app::webhooks::WebhookSettings webhook_settings(const Config& config, const std::string& public_url) {
  app::webhooks::WebhookSettings settings;
  settings.allow = config.webhook_allow;
  settings.retry = retry_schedule(config);
  settings.source = public_url + "/api/v1/complaints";
  // An attempt in flight when the process dies is taken up again after this.
  settings.lease = std::chrono::seconds(config.webhook_timeout_seconds + 5);
  return settings;
}

std::unique_ptr<notify::CurlWebhookTransport> webhook_transport(const Config& config) {
  notify::WebhookTransportOptions options;
  options.allow = config.webhook_allow;
  options.total_timeout = std::chrono::seconds(config.webhook_timeout_seconds);
  options.connect_timeout = std::min<std::chrono::milliseconds>(options.total_timeout, std::chrono::seconds(5));
  return std::make_unique<notify::CurlWebhookTransport>(options);
}

IntegrationJobs::IntegrationJobs(app::ports::Storage& storage, const Clock& clock, const Config& config,
                                 std::string public_url, app::ports::WebhookTransport& transport,
                                 app::ports::ProviderClient* provider_client)
    : webhooks_(webhook_settings(config, public_url)),
      email_(email_sender(config)),
      channel_senders_(provider_client ? std::make_unique<ChannelSenders>(config, *provider_client) : nullptr),
      webhook_fan_out_(storage, webhooks_),
      notification_fan_out_(channels_of(email_.get(), channel_senders_.get())),
      webhook_deliverer_(storage, clock, transport, webhooks_),
      notification_deliverer_(storage, clock, senders_of(email_.get(), channel_senders_.get()),
                              {public_url, retry_schedule(config), std::chrono::seconds(90)},
                              app::webhooks::default_unit_random),
      dispatch_(storage, clock, {&webhook_fan_out_, &notification_fan_out_, &dashboard_figures_}),
      workers_(storage, clock, &webhook_deliverer_,
               senders_of(email_.get(), channel_senders_.get()).empty() ? nullptr : &notification_deliverer_),
      dispatcher_(dispatch_, {}, [this] {
        workers_.wake();
        if (on_numbered_) on_numbered_();
      }) {
  if (!email_) logging::app().info("smtp_url is not set: no e-mail is sent to reporters");
}

void IntegrationJobs::start() {
  workers_.start();
  dispatcher_.start();
}

void IntegrationJobs::stop() {
  dispatcher_.stop();
  workers_.stop();
}

}  // namespace sigap::cli
