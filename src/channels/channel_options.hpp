#pragma once

#include <string>

#include "app/ports/provider_client.hpp"
#include "channels/sms/sms_settings.hpp"
#include "channels/telegram/telegram_settings.hpp"
#include "channels/whatsapp/whatsapp_settings.hpp"

namespace sigap::channels {

/// The messaging doors as configured (docs/channels.md). A door whose settings are incomplete
/// answers 404; all are closed without a provider client.
struct ChannelOptions {
  whatsapp::WhatsAppSettings whatsapp;
  sms::SmsSettings sms;
  telegram::TelegramSettings telegram;
  /// Where citizens reach Sigap: tracking links in replies.
  std::string public_url = "http://127.0.0.1:8080";
  app::ports::ProviderClient* client = nullptr;  // not owned
};

}  // namespace sigap::channels
