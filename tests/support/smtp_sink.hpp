#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "support/loopback_listener.hpp"

namespace sigap::testing {

/// One message an SmtpSink accepted.
struct ReceivedMail {
  std::string from;             // MAIL FROM, without the angle brackets
  std::vector<std::string> to;  // RCPT TO
  std::string data;             // the message as sent (CRLF lines, dot-stuffing undone)

  /// A header's value (first of that name, any case), RFC 2047 "=?UTF-8?B?...?=" words decoded.
  [[nodiscard]] std::string header(const std::string& name) const;
  /// The body, base64 decoded when Content-Transfer-Encoding says so.
  [[nodiscard]] std::string text() const;
};

/// A small SMTP server for tests (RFC 5321: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no
/// TLS, no AUTH) on 127.0.0.1. Recipients in `refuse` get 550, as a mailbox that does not exist.
class SmtpSink {
 public:
  explicit SmtpSink(std::set<std::string> refuse = {});

  [[nodiscard]] std::string url() const { return "smtp://127.0.0.1:" + std::to_string(listener_->port()); }
  [[nodiscard]] std::vector<ReceivedMail> mails() const;
  /// Waits until at least `count` messages arrived; false when `timeout` passed first.
  bool wait_for(std::size_t count, std::chrono::milliseconds timeout) const;

 private:
  void serve(int socket);

  std::set<std::string> refuse_;
  mutable std::mutex mutex_;
  std::vector<ReceivedMail> mails_;  // GUARDED_BY(mutex_)
  std::unique_ptr<LoopbackListener> listener_;
};

/// Standard base64 decoding; characters outside the alphabet (line breaks) are skipped.
std::string base64_decode(std::string_view text);

}  // namespace sigap::testing
