#pragma once

#include "app/ports/channel_adapter.hpp"
#include "app/ports/provider_client.hpp"
#include "channels/whatsapp/whatsapp_settings.hpp"

namespace sigap::channels::whatsapp {

/// The WhatsApp channel's adapter over the Graph API of the Cloud API:
///  - send: POST {graph_url}/{phone_number_id}/messages, a text message, or an interactive
///    message with reply buttons when a reply offers at most three short choices (the numbered
///    lines stay in the text otherwise); `to` is the wa_id (the number without '+');
///  - fetch_media: GET {graph_url}/{media-id} for the media's URL and size, then GET that URL,
///    both with the access token as Bearer.
/// A 4xx answer other than 429 is a permanent refusal (a number not on WhatsApp, a message
/// outside the 24-hour window); anything else may be retried. Thread-safe.
class WhatsAppCloud final : public app::ports::ChannelAdapter {
 public:
  WhatsAppCloud(WhatsAppSettings settings, app::ports::ProviderClient& client);

  // app::ports::ChannelAdapter
  [[nodiscard]] domain::complaints::Channel channel() const override { return domain::complaints::Channel::whatsapp; }
  app::ports::SendOutcome send(const std::string& to, const domain::conversations::Reply& reply) override;
  Result<std::string> fetch_media(const std::string& reference, std::size_t max_bytes) override;

 private:
  WhatsAppSettings settings_;
  app::ports::ProviderClient& client_;
};

/// The JSON body of a reply to `to` (wa_id): text, or interactive buttons (see WhatsAppCloud).
std::string message_body(const std::string& to, const domain::conversations::Reply& reply);

}  // namespace sigap::channels::whatsapp
