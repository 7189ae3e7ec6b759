#pragma once

#include <string>

namespace sigap::channels::sms {

/// The generic SMS gateway as configured (docs/channels.md). The door is open when the shared
/// secret and the gateway URL are set.
struct SmsSettings {
  std::string secret;                      // sms_secret: in the X-Sigap-Secret header or the secret field
  std::string from_field = "from";         // sms_from_field: the sender's number in the inbound form
  std::string text_field = "text";         // sms_text_field: the message text in the inbound form
  std::string secret_field = "secret";     // sms_secret_field: the form field that may carry the secret
  std::string gateway_url;                 // sms_gateway_url: where replies are POSTed
  std::string gateway_format = "form";     // sms_gateway_format: "form" or "json"
  std::string gateway_to_field = "to";     // sms_gateway_to_field
  std::string gateway_text_field = "text";  // sms_gateway_text_field
  std::string gateway_token;               // sms_gateway_token: sent as Authorization: Bearer (empty: none)

  [[nodiscard]] bool enabled() const { return !secret.empty() && !gateway_url.empty(); }
};

}  // namespace sigap::channels::sms
