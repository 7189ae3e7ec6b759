// What an LMTP client sends to the listener (channels/email/lmtp_session): the protocol state
// machine fed the bytes in pieces.
// Input: the first byte picks the size of the pieces (1 to 256 bytes), the rest is the
// conversation as sent.
// Invariants: every answer is whole reply lines ("ddd " or "ddd-", CRLF-ended, printable ASCII);
// a message handed on is within the size limit and was announced by 354; nothing is answered
// once the session closed.
#include <string>

#include "channels/email/lmtp_session.hpp"
#include "fuzz/fuzz_check.hpp"

namespace email = sigap::channels::email;

namespace {

bool reply_lines(std::string_view out) {
  while (!out.empty()) {
    auto end = out.find("\r\n");
    if (end == std::string_view::npos || end < 4) return false;
    auto line = out.substr(0, end);
    if (line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '9' || line[2] < '0' || line[2] > '9') return false;
    if (line[3] != ' ' && line[3] != '-') return false;
    for (char c : line) {
      if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7F) return false;
    }
    out.remove_prefix(end + 2);
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::size_t piece = static_cast<std::size_t>(data[0]) + 1;
  auto bytes = sigap::fuzz::as_text(data + 1, size - 1);
  email::LmtpLimits limits;
  limits.max_message_bytes = 512;
  limits.max_command_line = 128;
  limits.max_recipients = 3;
  auto policy = email::RecipientPolicy::parse("aduan@palembang.go.id @lapor.go.id", "r").value();
  int delivered = 0;
  std::string answered;
  email::LmtpSession session("fuzz", limits, policy, [&](std::string_view message, std::string_view) {
    FUZZ_CHECK(message.size() <= limits.max_message_bytes);
    ++delivered;
    return email::LmtpReply{250, "2.0.0", "ok"};
  });
  FUZZ_CHECK(reply_lines(session.greeting()));
  for (std::size_t at = 0; at < bytes.size(); at += piece) {
    bool was_closed = session.closed();
    auto out = session.feed(bytes.substr(at, piece));
    if (was_closed) FUZZ_CHECK(out.empty());
    FUZZ_CHECK(reply_lines(out));
    answered += out;
    if (delivered > 0) FUZZ_CHECK(answered.find("354 ") != std::string::npos);
  }
  FUZZ_CHECK(reply_lines(session.timed_out()));
  FUZZ_CHECK(session.closed());
  return 0;
}
