#pragma once

#include <memory>

#include "app/ports/storage.hpp"
#include "channels/email/email_door.hpp"
#include "channels/email/email_listener.hpp"
#include "cli/config.hpp"
#include "common/clock.hpp"
#include "http/http_service.hpp"

namespace sigap::cli {

/// What `sigap serve` runs for e-mail reports when lmtp_listen is set (docs/channels.md): the
/// LMTP listener whose messages go through the e-mail door into the same intake, SLA rules and
/// photo store as the HTTP service. Answers to reporters go out through the notifications
/// (IntegrationJobs, smtp_url).
class EmailChannel {
 public:
  EmailChannel(app::ports::Storage& storage, const Clock& clock, http::HttpService& service, const Config& config);
  EmailChannel(const EmailChannel&) = delete;
  EmailChannel& operator=(const EmailChannel&) = delete;

  /// Binds lmtp_listen and starts accepting; an address that cannot be bound is an error.
  Result<void> start();
  void stop();
  [[nodiscard]] std::uint16_t port() const { return listener_.port(); }

 private:
  channels::email::EmailDoor door_;
  channels::email::EmailListener listener_;
};

/// The listener's options from the configuration (lmtp_* keys, validated).
channels::email::LmtpServerOptions lmtp_options(const Config& config);

}  // namespace sigap::cli
