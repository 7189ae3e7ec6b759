#include "channels/sms/sms_secret.hpp"

#include "crypto/hashing.hpp"

namespace sigap::channels::sms {

bool secret_matches(const SmsSettings& settings, std::optional<std::string_view> header, const FormFields& form) {
  if (settings.secret.empty()) return false;
  if (header) return crypto::constant_time_equal(*header, settings.secret);
  auto given = given_values(form, settings.secret_field);
  return given.size() == 1 && crypto::constant_time_equal(*given.front(), settings.secret);
}

}  // namespace sigap::channels::sms
