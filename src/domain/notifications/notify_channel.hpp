#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"

namespace sigap::domain::notifications {

/// How a reporter is told: e-mail today; the messaging channels get senders with the channels
/// issue and plug into the same port (app/ports/notification_sender.hpp).
enum class NotifyChannel { email, sms, whatsapp, telegram };

std::string_view to_string(NotifyChannel channel);
std::optional<NotifyChannel> notify_channel_from_string(std::string_view text);

/// What the reporter chose at intake (the `notify` field): "" (not said), "none", or a channel
/// name. A validation error on `field` otherwise.
Result<std::string> parse_notify_choice(std::string_view text, std::string_view field);

/// The facts about a case that decide whether and how its reporter hears back; only whether a
/// contact exists, never the contact itself.
struct ReporterReach {
  complaints::Channel report_channel = complaints::Channel::web;
  bool anonymous = false;
  bool has_email = false;
  bool has_phone = false;
  std::string choice;  // as parse_notify_choice gives it
  bool has_chat = false;  // a Telegram chat id (reports made in a Telegram chat)
};

/// The channel to tell the reporter on, or nothing:
///  - "none": never;
///  - a channel the reporter chose: that one, when the contact it needs (an e-mail address, or a
///    phone number for sms/whatsapp, a chat id for telegram) was left;
///  - nothing chosen: never for an anonymous report (a contact left with an anonymous report is
///    used only when the reporter asked to be told); otherwise the messaging channel they
///    reported from when its contact is known (phone number, Telegram chat id), else e-mail
///    when they left an address.
std::optional<NotifyChannel> notify_channel(const ReporterReach& reach);

}  // namespace sigap::domain::notifications
