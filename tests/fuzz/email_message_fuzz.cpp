// An e-mail as the LMTP listener receives it after DATA (channels/email/email_report: GMime), and
// what the e-mail door takes from it: the reply text without quotes (quote_trim), the public code
// in the subject (subject_code), the language (language_guess). HTML-only bodies go through
// html_to_text inside read_email.
// Input: the raw message bytes (RFC 5322 + MIME).
// Invariants: the text taken is valid UTF-8 without carriage returns or control characters other
// than newline and tab (intake refuses those), the subject and sender are one line, at most
// kMaxImagesRead images are kept, a code found in the subject is canonical and parses again, and
// the trimmed reply is no longer than the text and keeps no line quoted with ">".
#include "channels/email/email_report.hpp"
#include "channels/email/language_guess.hpp"
#include "channels/email/mail_text.hpp"
#include "channels/email/quote_trim.hpp"
#include "channels/email/subject_code.hpp"
#include "domain/complaints/public_code.hpp"
#include "fuzz/fuzz_check.hpp"

namespace email = sigap::channels::email;

namespace {

bool clean_text(std::string_view text, bool one_line) {
  if (email::to_valid_utf8(text) != text) return false;
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (c == '\n' && one_line) return false;
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7F) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto raw = sigap::fuzz::as_text(data, size);
  auto report = email::read_email(raw);
  if (!report) {
    FUZZ_CHECK(report.error().code() == sigap::ErrorCode::invalid_input);
    return 0;
  }
  FUZZ_CHECK(clean_text(report->body, false));
  FUZZ_CHECK(clean_text(report->subject, true));
  FUZZ_CHECK(clean_text(report->from_address, true));
  FUZZ_CHECK(clean_text(report->from_name, true));
  FUZZ_CHECK(clean_text(report->message_id, true));
  FUZZ_CHECK(report->images.size() <= email::kMaxImagesRead);
  auto trimmed = email::trim_quoted_reply(report->body);
  FUZZ_CHECK(clean_text(trimmed, false));
  FUZZ_CHECK(trimmed.size() <= report->body.size());
  for (std::size_t start = 0; start <= trimmed.size();) {
    auto end = trimmed.find('\n', start);
    if (end == std::string::npos) end = trimmed.size();
    auto line = std::string_view(trimmed).substr(start, end - start);
    auto first = line.find_first_not_of(" \t");
    FUZZ_CHECK(first == std::string_view::npos || line[first] != '>');
    start = end + 1;
  }
  if (auto code = email::find_public_code(report->subject)) {
    auto again = sigap::domain::complaints::parse_public_code(*code);
    FUZZ_CHECK(again.ok() && *again == *code);
  }
  auto language = email::guess_language(trimmed);
  FUZZ_CHECK(language == sigap::Language::id || language == sigap::Language::en);
  return 0;
}
