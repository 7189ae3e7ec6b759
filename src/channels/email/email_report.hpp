#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.hpp"

namespace sigap::channels::email {

/// An image a mail carried, decoded from its transfer encoding; not yet checked (the photo
/// store sniffs and re-encodes it).
struct EmailImage {
  std::string content_type;  // as labelled, lower case: "image/jpeg", "application/octet-stream", ...
  std::string bytes;
};

/// What Sigap takes from one e-mail: who sent it, its subject, its text and its images.
struct EmailReport {
  std::string message_id;    // without the angle brackets; empty when the mail has none
  std::string from_address;  // the first mailbox of From:, as written
  std::string from_name;     // its display name, UTF-8
  std::string subject;       // decoded (RFC 2047) to UTF-8, on one line, trimmed
  /// The text the sender wrote, UTF-8, lines separated by "\n", tidied: the first text/plain
  /// part that is not an attachment, else the first text/html part reduced to text. Quotes and
  /// signatures are still in it (trim_quoted_reply).
  std::string body;
  bool body_from_html = false;
  /// Sent by a program, not a person (Auto-Submitted other than "no", Precedence bulk, junk or
  /// list, an auto-reply header): answering it could start a mail loop.
  bool automatic = false;
  /// Image parts in order (image/jpeg, image/png, image/webp, or octet-stream named .jpg, .jpeg,
  /// .png, .webp), at most kMaxImagesRead; those past it are counted in images_left_out.
  std::vector<EmailImage> images;
  std::size_t images_left_out = 0;
};

inline constexpr std::size_t kMaxImagesRead = 10;

/// Parses a whole message (RFC 5322 with MIME, as an MTA delivers it, CRLF or LF lines) with
/// GMime. Charsets of text parts are converted to UTF-8 (bytes that are not text in the
/// declared charset become U+FFFD; a part with no charset that is not UTF-8 is read as Latin-1).
/// Multiparts are walked to a depth of 16; a forwarded message attached (message/rfc822) is not
/// opened. Bytes that are no message at all are an `invalid_input` error. Never throws; any
/// input is safe (it is the fuzz target's entry, tests/fuzz). Thread-safe (GMime is started once).
Result<EmailReport> read_email(std::string_view raw);

}  // namespace sigap::channels::email
