#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sigap::testing {

/// A small LMTP client (RFC 2033) for tests, as a mail server delivers: plain POSIX sockets on
/// 127.0.0.1, nothing borrowed from the code under test. Every read waits at most 5 s.
class LmtpClient {
 public:
  explicit LmtpClient(std::uint16_t port);
  ~LmtpClient();
  LmtpClient(const LmtpClient&) = delete;
  LmtpClient& operator=(const LmtpClient&) = delete;

  /// The 220 line the server greeted with.
  [[nodiscard]] const std::string& greeting() const { return greeting_; }
  /// Sends one command line (CRLF added) and returns the whole reply ("250-...\r\n250 ...\r\n").
  std::string command(std::string_view line);
  /// Sends bytes as they are, reading nothing.
  void send(std::string_view bytes);
  /// One whole reply, multi-line replies included; "" when the server closed or was silent.
  std::string reply();
  /// LHLO, MAIL FROM, one RCPT TO per recipient, DATA, the message dot-stuffed with CRLF lines,
  /// the final dot; returns the replies after the dot (one per accepted recipient), or the first
  /// refusal of the dialog before it.
  std::vector<std::string> deliver(std::string_view sender, const std::vector<std::string>& recipients,
                                   std::string_view message);
  /// True when the server has closed the connection (reads until the end, within 5 s).
  bool closed_by_server();
  void close();

 private:
  int socket_ = -1;
  std::string buffer_;
  std::string greeting_;
};

/// `message` with "\n" or "\r\n" lines as LMTP sends it: CRLF lines, a leading dot doubled.
std::string dot_stuffed(std::string_view message);

}  // namespace sigap::testing
