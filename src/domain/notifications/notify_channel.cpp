#include "domain/notifications/notify_channel.hpp"

#include <array>
#include <utility>

namespace sigap::domain::notifications {

namespace dc = domain::complaints;

namespace {

constexpr std::array<std::pair<NotifyChannel, std::string_view>, 4> kNames{{
    {NotifyChannel::email, "email"},
    {NotifyChannel::sms, "sms"},
    {NotifyChannel::whatsapp, "whatsapp"},
    {NotifyChannel::telegram, "telegram"},
}};

bool reachable(NotifyChannel channel, const ReporterReach& reach) {
  switch (channel) {
    case NotifyChannel::email:
      return reach.has_email;
    case NotifyChannel::telegram:
      return reach.has_chat;  // the Bot API writes to a chat, never to a phone number
    default:
      return reach.has_phone;
  }
}

}  // namespace

std::string_view to_string(NotifyChannel channel) {
  for (const auto& [value, name] : kNames) {
    if (value == channel) return name;
  }
  return "email";
}

std::optional<NotifyChannel> notify_channel_from_string(std::string_view text) {
  for (const auto& [value, name] : kNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

Result<std::string> parse_notify_choice(std::string_view text, std::string_view field) {
  if (text.empty() || text == "none" || notify_channel_from_string(text)) return std::string(text);
  return Error(ErrorCode::validation, Text{"Pilihan pemberitahuan tidak dikenal.", "Unknown notification choice."},
               {FieldError{std::string(field), Text{"Pilih salah satu: email, sms, whatsapp, telegram, none.",
                                                    "Use one of: email, sms, whatsapp, telegram, none."}}});
}

std::optional<NotifyChannel> notify_channel(const ReporterReach& reach) {
  if (reach.choice == "none") return std::nullopt;
  if (!reach.choice.empty()) {
    auto chosen = notify_channel_from_string(reach.choice);
    if (chosen && reachable(*chosen, reach)) return chosen;
    return std::nullopt;
  }
  if (reach.anonymous) return std::nullopt;
  switch (reach.report_channel) {
    case dc::Channel::whatsapp:
      if (reach.has_phone) return NotifyChannel::whatsapp;
      break;
    case dc::Channel::telegram:
      if (reach.has_chat) return NotifyChannel::telegram;
      break;
    case dc::Channel::sms:
      if (reach.has_phone) return NotifyChannel::sms;
      break;
    default:
      break;
  }
  if (reach.has_email) return NotifyChannel::email;
  return std::nullopt;
}

}  // namespace sigap::domain::notifications
