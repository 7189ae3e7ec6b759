#pragma once

#include <optional>
#include <string_view>

#include "channels/telegram/telegram_settings.hpp"

namespace sigap::channels::telegram {

/// Whether `header` (X-Telegram-Bot-Api-Secret-Token) is the configured secret token, compared
/// in constant time. A missing header, or no token configured, is false.
bool secret_token_matches(const TelegramSettings& settings, std::optional<std::string_view> header);

}  // namespace sigap::channels::telegram
