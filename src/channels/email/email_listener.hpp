#pragma once

#include <memory>

#include "channels/email/email_door.hpp"
#include "channels/email/lmtp_server.hpp"

namespace sigap::channels::email {

/// How a delivery is answered over LMTP: accepted 250 2.0.0 (with the code when a case was
/// made or replied to), a temporary failure 451 4.3.0 (the MTA keeps the mail and retries), a
/// permanent one 554 5.6.0 with the reason (the MTA bounces it to the sender, who reads why).
LmtpReply lmtp_reply(const Delivery& delivery);

/// What `sigap serve` runs when lmtp_listen is set: the LMTP server whose every message goes
/// through the e-mail door. Thread-safe.
class EmailListener {
 public:
  EmailListener(LmtpServerOptions options, EmailDoor& door);

  Result<void> listen() { return server_.listen(); }
  [[nodiscard]] std::uint16_t port() const { return server_.port(); }
  void start() { server_.start(); }
  void stop() { server_.stop(); }

 private:
  LmtpServer server_;
};

}  // namespace sigap::channels::email
