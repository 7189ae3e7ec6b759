#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/conversations/channel_notification_sender.hpp"
#include "app/ports/channel_adapter.hpp"
#include "channels/channel_options.hpp"
#include "cli/config.hpp"
#include "notify/curl_provider_client.hpp"

namespace sigap::cli {

/// The client of the messaging providers (docs/channels.md): the webhook URL policy, with the
/// hosts of the configured provider URLs and webhook_allow_hosts allowed over http and on
/// private addresses (a gateway in the city's network, fakes on loopback in tests).
std::unique_ptr<notify::CurlProviderClient> provider_client(const Config& config);

/// The doors' settings from the configuration; `public_url` makes the tracking links.
channels::ChannelOptions channel_options(const Config& config, std::string public_url,
                                         app::ports::ProviderClient* client);

/// The #7 notification senders of the configured messaging channels (WhatsApp, Telegram, SMS), each over
/// its channel's adapter. Owns them; lives as long as the workers that use them.
class ChannelSenders {
 public:
  ChannelSenders(const Config& config, app::ports::ProviderClient& client);
  [[nodiscard]] std::vector<app::ports::NotificationSender*> senders() const;

 private:
  std::vector<std::unique_ptr<app::ports::ChannelAdapter>> adapters_;
  std::vector<std::unique_ptr<app::conversations::ChannelNotificationSender>> senders_;
};

}  // namespace sigap::cli
