#pragma once

#include "app/ports/channel_adapter.hpp"
#include "app/ports/provider_client.hpp"
#include "channels/sms/sms_settings.hpp"

namespace sigap::channels::sms {

/// The SMS channel's adapter over a generic gateway's HTTP API: each reply is cut into SMS
/// (domain::conversations::split_sms: 160 GSM-7 characters or 70 UCS-2 units in one, else
/// parts of 153 / 67) and each part is POSTed to sms_gateway_url as a form or JSON with the
/// recipient (sms_gateway_to_field) and the text (sms_gateway_text_field), with the token as
/// Bearer when one is set. A part refused with a 4xx (other than 429) is a permanent refusal;
/// the parts after a failed one are not sent. Choices are already numbered lines in the text.
/// SMS carries no media: fetch_media is always `unavailable`. Thread-safe.
class SmsGateway final : public app::ports::ChannelAdapter {
 public:
  SmsGateway(SmsSettings settings, app::ports::ProviderClient& client)
      : settings_(std::move(settings)), client_(client) {}

  // app::ports::ChannelAdapter
  [[nodiscard]] domain::complaints::Channel channel() const override { return domain::complaints::Channel::sms; }
  app::ports::SendOutcome send(const std::string& to, const domain::conversations::Reply& reply) override;
  Result<std::string> fetch_media(const std::string& reference, std::size_t max_bytes) override;

 private:
  SmsSettings settings_;
  app::ports::ProviderClient& client_;
};

}  // namespace sigap::channels::sms
