#pragma once

#include <chrono>
#include <string>

#include "app/ports/notification_sender.hpp"
#include "common/clock.hpp"

namespace sigap::notify {

/// Where and how e-mail leaves (config keys smtp_*, docs/integration.md).
struct SmtpOptions {
  std::string url;   // smtp://host:port (STARTTLS when `starttls`), smtps://host:465 (TLS from the start)
  std::string from;  // the sender address, e.g. "sigap@palembang.go.id"
  std::string from_name = "Sigap";
  std::string username;  // empty: no authentication
  std::string password;
  bool starttls = false;  // require STARTTLS on smtp://
  std::chrono::milliseconds timeout{std::chrono::seconds(30)};
};

/// E-mail to reporters by SMTP through libcurl: plain text in UTF-8 (base64 body, the subject
/// encoded per RFC 2047 when it is not ASCII), marked Auto-Submitted and with the reporter's
/// language as Content-Language. A 550/551/553 (no such mailbox) or 501 (bad address) answer
/// is permanent; anything else may pass on a later try. Never logs the recipient nor puts it
/// in an error. Thread-safe: one curl handle per message.
class SmtpEmailSender final : public app::ports::NotificationSender {
 public:
  explicit SmtpEmailSender(SmtpOptions options);

  // app::ports::NotificationSender
  [[nodiscard]] domain::notifications::NotifyChannel channel() const override {
    return domain::notifications::NotifyChannel::email;
  }
  app::ports::SendOutcome send(const app::ports::OutgoingMessage& message) override;

 private:
  SmtpOptions options_;
};

/// The RFC 5322 message (CRLF line ends) SmtpEmailSender sends; exposed for tests.
std::string email_message(const SmtpOptions& options, const app::ports::OutgoingMessage& message, TimePoint now);

/// Standard base64 (RFC 4648) with padding, in lines of 76 characters ending in CRLF when
/// `wrap`.
std::string base64(std::string_view data, bool wrap);

}  // namespace sigap::notify
