#pragma once

#include <string>

#include "common/text.hpp"
#include "domain/notifications/notify_channel.hpp"

namespace sigap::app::ports {

/// A message to one reporter. `to` is personal data (an e-mail address or a phone number):
/// senders never log it, and never put it into an outcome's error.
struct OutgoingMessage {
  std::string to;
  std::string subject;  // e-mail only
  std::string body;
  Language language = Language::id;
  std::string reference;  // unique per notification ("notification-12"), e.g. for a Message-ID
};

/// How sending went. `permanent`: trying again cannot help (the address was refused).
struct SendOutcome {
  bool sent = false;
  bool permanent = false;
  std::string error;  // never the recipient
};

/// Sends messages to reporters on one channel. The e-mail sender is notify::SmtpEmailSender;
/// WhatsApp, Telegram and SMS come with the channels issue. Thread-safe.
class NotificationSender {
 public:
  virtual ~NotificationSender() = default;
  [[nodiscard]] virtual domain::notifications::NotifyChannel channel() const = 0;
  virtual SendOutcome send(const OutgoingMessage& message) = 0;
};

}  // namespace sigap::app::ports
