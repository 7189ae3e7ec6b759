#include "channels/telegram/telegram_secret.hpp"

#include "crypto/hashing.hpp"

namespace sigap::channels::telegram {

bool secret_token_matches(const TelegramSettings& settings, std::optional<std::string_view> header) {
  if (settings.secret_token.empty() || !header) return false;
  return crypto::constant_time_equal(*header, settings.secret_token);
}

}  // namespace sigap::channels::telegram
