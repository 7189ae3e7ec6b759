#pragma once

#include "app/ports/channel_adapter.hpp"
#include "app/ports/provider_client.hpp"
#include "channels/telegram/telegram_settings.hpp"

namespace sigap::channels::telegram {

/// The Telegram channel's adapter over the Bot API:
///  - send: POST {api_url}/bot{token}/sendMessage with the chat id, the text, and the reply's
///    choices as a one-time reply keyboard (one button a row), or the keyboard removed when the
///    reply has none;
///  - fetch_media: getFile for the file's path and size, then GET {api_url}/file/bot{token}/{path}.
/// A 4xx answer other than 429 is a permanent refusal (the citizen blocked the bot). Thread-safe.
class TelegramBot final : public app::ports::ChannelAdapter {
 public:
  TelegramBot(TelegramSettings settings, app::ports::ProviderClient& client);

  // app::ports::ChannelAdapter
  [[nodiscard]] domain::complaints::Channel channel() const override { return domain::complaints::Channel::telegram; }
  app::ports::SendOutcome send(const std::string& to, const domain::conversations::Reply& reply) override;
  Result<std::string> fetch_media(const std::string& reference, std::size_t max_bytes) override;

 private:
  TelegramSettings settings_;
  app::ports::ProviderClient& client_;
};

/// The JSON body of sendMessage for `chat_id` (see TelegramBot).
std::string send_message_body(const std::string& chat_id, const domain::conversations::Reply& reply);

}  // namespace sigap::channels::telegram
