#include "channels/sms/sms_inbound.hpp"

namespace sigap::channels::sms {

namespace {

constexpr std::size_t kMaxSender = 32;

Error field_error(const std::string& field, Text why) {
  return Error(ErrorCode::validation, Text{"Formulir SMS tidak lengkap.", "The SMS form is incomplete."},
               {FieldError{field, std::move(why)}});
}

}  // namespace

std::vector<const std::string*> given_values(const FormFields& form, std::string_view name) {
  std::vector<const std::string*> values;
  for (const auto& [key, value] : form) {
    if (key == name) values.push_back(&value);
  }
  return values;
}

Result<app::conversations::IncomingMessage> read_inbound(const SmsSettings& settings, const FormFields& form) {
  auto from = given_values(form, settings.from_field);
  auto text = given_values(form, settings.text_field);
  if (from.size() != 1) {
    return field_error(settings.from_field, from.empty() ? Text{"Wajib diisi.", "Required."}
                                                         : Text{"Hanya boleh sekali.", "Only once."});
  }
  if (text.size() > 1) return field_error(settings.text_field, Text{"Hanya boleh sekali.", "Only once."});
  if (from.front()->empty() || from.front()->size() > kMaxSender) {
    return field_error(settings.from_field, Text{"Nomor pengirim tidak sah.", "Not a valid sender number."});
  }
  app::conversations::IncomingMessage message;
  message.from = *from.front();
  message.kind = domain::conversations::InboundKind::text;
  message.text = text.empty() ? std::string() : *text.front();
  return message;
}

}  // namespace sigap::channels::sms
