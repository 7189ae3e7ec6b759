#pragma once

#include <string>

namespace sigap::channels::telegram {

/// The Telegram Bot API as configured (docs/channels.md). The door is open when the bot token
/// and the webhook's secret token are both set.
struct TelegramSettings {
  std::string api_url = "https://api.telegram.org";  // telegram_api_url (no trailing '/')
  std::string bot_token;                             // telegram_bot_token
  std::string secret_token;                          // telegram_secret_token: X-Telegram-Bot-Api-Secret-Token

  [[nodiscard]] bool enabled() const { return !bot_token.empty() && !secret_token.empty(); }
};

}  // namespace sigap::channels::telegram
