#pragma once

#include <optional>
#include <string_view>

#include "channels/sms/sms_inbound.hpp"
#include "channels/sms/sms_settings.hpp"

namespace sigap::channels::sms {

/// Whether the inbound request carries the shared secret: the X-Sigap-Secret header, else the
/// form's secret field (sms_secret_field), compared in constant time. `header` is nullopt when
/// the request has none. An empty configured secret matches nothing.
bool secret_matches(const SmsSettings& settings, std::optional<std::string_view> header, const FormFields& form);

}  // namespace sigap::channels::sms
