#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::channels::email {

/// The bounds of one LMTP connection.
struct LmtpLimits {
  std::size_t max_message_bytes = 25 * 1024 * 1024;  // DATA beyond it: 552 for every recipient
  std::size_t max_command_line = 2048;               // a longer command line: 500, and it is skipped
  std::size_t max_recipients = 100;                  // RCPT beyond it: 452
  int max_errors = 10;                               // bad commands before the connection is closed (421)
};

/// The recipients Sigap takes mail for: addresses ("aduan@palembang.go.id") and whole domains
/// ("@palembang.go.id"), compared without regard to case. Thread-safe (immutable).
class RecipientPolicy {
 public:
  RecipientPolicy() = default;
  /// A comma or space separated list; an entry without '@', or an empty list, is a `validation`
  /// error naming `field`.
  static Result<RecipientPolicy> parse(std::string_view list, std::string_view field);
  [[nodiscard]] bool accepts(std::string_view address) const;

 private:
  std::vector<std::string> addresses_;
  std::vector<std::string> domains_;  // "@palembang.go.id"
};

/// The reply to a delivered message, given once for each accepted recipient (RFC 2033 §4.2).
struct LmtpReply {
  int code = 250;          // 250, 451, 550, 552, 554, ...
  std::string enhanced;    // "2.0.0" (RFC 3463)
  std::string text;        // one line of US-ASCII; anything else is replaced
};

/// Takes a complete message (dot-unstuffed, CRLF lines) and the envelope sender ("" for <>).
using DeliverMessage = std::function<LmtpReply(std::string_view message, std::string_view sender)>;

/// One LMTP server conversation (RFC 2033 over RFC 5321's commands) as a state machine over
/// bytes, without any I/O: LHLO, MAIL FROM (SIZE checked), RCPT TO (the policy decides), DATA
/// (dot-unstuffing, the size limit, one reply per accepted recipient after the final dot),
/// RSET, NOOP, QUIT; HELO/EHLO are refused (this is LMTP), VRFY, BDAT and STARTTLS are not
/// offered. Pipelined commands are answered in order. CRLF and bare LF both end a line. Memory
/// stays bounded whatever arrives: the message is kept up to the limit only, a command line up to
/// its limit. Not thread-safe: one per connection.
class LmtpSession {
 public:
  LmtpSession(std::string host_name, LmtpLimits limits, const RecipientPolicy& recipients, DeliverMessage deliver);

  /// The 220 greeting to send first.
  [[nodiscard]] std::string greeting() const;
  /// Takes bytes as they arrive; returns what to send back (maybe nothing yet).
  std::string feed(std::string_view bytes);
  /// The 421 to send when the client was silent too long; the session is closed then.
  std::string timed_out();
  /// QUIT was answered or the session gave up: send what feed returned, then close.
  [[nodiscard]] bool closed() const { return closed_; }
  /// Inside DATA: a connection lost now loses the message (nothing is delivered).
  [[nodiscard]] bool in_data() const { return state_ == State::data; }

 private:
  enum class State { command, data };

  void on_command(std::string_view line, std::string& out);
  void on_data_line(std::string_view line, bool complete, std::string& out);
  void finish_data(std::string& out);
  void reset_transaction();
  void error(std::string_view reply, std::string& out);

  std::string host_name_;
  LmtpLimits limits_;
  const RecipientPolicy& recipients_;
  DeliverMessage deliver_;

  State state_ = State::command;
  bool closed_ = false;
  bool greeted_ = false;   // LHLO seen
  bool has_sender_ = false;
  std::string sender_;
  std::size_t accepted_ = 0;  // recipients accepted in this transaction
  std::size_t rcpt_commands_ = 0;
  int errors_ = 0;
  std::string pending_;        // bytes of an unfinished line
  bool skipping_line_ = false; // a command line went past its limit: drop it to its end
  bool mid_line_ = false;      // DATA: a long line was taken in part; what follows continues it
  std::string message_;
  bool too_large_ = false;
};

}  // namespace sigap::channels::email
