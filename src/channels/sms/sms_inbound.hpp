#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/conversations/converse.hpp"
#include "channels/sms/sms_settings.hpp"
#include "common/error.hpp"

namespace sigap::channels::sms {

using FormFields = std::vector<std::pair<std::string, std::string>>;

/// The values of the form fields named `name`, in order.
std::vector<const std::string*> given_values(const FormFields& form, std::string_view name);

/// The message of an inbound form (already decoded): the sender (sms_from_field) and the text
/// (sms_text_field), each exactly once. A missing or repeated field, an empty sender or a
/// sender longer than 32 characters is `validation` naming the field; an empty text is a text
/// message with no words (the dialog answers it). Fields the gateway adds (ids, timestamps)
/// are ignored.
Result<app::conversations::IncomingMessage> read_inbound(const SmsSettings& settings, const FormFields& form);

}  // namespace sigap::channels::sms
