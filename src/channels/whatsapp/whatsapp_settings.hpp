#pragma once

#include <string>

namespace sigap::channels::whatsapp {

/// The WhatsApp Business Cloud API as configured (docs/channels.md). The door is open only when
/// the app secret, the access token and the phone number id are all set.
struct WhatsAppSettings {
  std::string graph_url = "https://graph.facebook.com/v21.0";  // whatsapp_graph_url (no trailing '/')
  std::string access_token;                                    // whatsapp_access_token: Bearer for the Graph API
  std::string app_secret;                                      // whatsapp_app_secret: signs the webhook POSTs
  std::string verify_token;                                    // whatsapp_verify_token: the GET verification
  std::string phone_number_id;                                 // whatsapp_phone_number_id: the business number

  [[nodiscard]] bool enabled() const { return !access_token.empty() && !app_secret.empty() && !phone_number_id.empty(); }
};

}  // namespace sigap::channels::whatsapp
