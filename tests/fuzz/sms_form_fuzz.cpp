// An SMS gateway's inbound form as POSTed to /channels/sms/inbound (http/form_body,
// channels/sms/sms_inbound), and the reply cut into SMS (domain/conversations/sms_segments).
// Input: the application/x-www-form-urlencoded body.
// Invariants: a form read has exactly one sender of 1 to 32 bytes; the text cut into SMS puts
// back together to the text (valid UTF-8) and every part fits one SMS of its encoding.
#include "channels/sms/sms_inbound.hpp"
#include "domain/complaints/intake.hpp"
#include "domain/conversations/sms_segments.hpp"
#include "fuzz/fuzz_check.hpp"
#include "http/form_body.hpp"

namespace sms = sigap::channels::sms;
namespace dv = sigap::domain::conversations;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = sigap::fuzz::as_text(data, size);
  auto fields = sigap::http::parse_form_body(body, 64);
  if (!fields) return 0;
  sms::SmsSettings settings;
  settings.secret = "s";
  settings.gateway_url = "http://127.0.0.1:9/";
  auto message = sms::read_inbound(settings, *fields);
  if (!message) {
    FUZZ_CHECK(message.error().code() == sigap::ErrorCode::validation);
    FUZZ_CHECK(message.error().fields().size() == 1);
    return 0;
  }
  FUZZ_CHECK(!message->from.empty() && message->from.size() <= 32);
  auto split = dv::split_sms(message->text);
  FUZZ_CHECK(!split.parts.empty());
  std::string joined;
  const auto limit = split.encoding == dv::SmsEncoding::gsm7 ? dv::kGsm7Part : dv::kUcs2Part;
  for (const auto& part : split.parts) {
    joined += part;
    auto again = dv::split_sms(part);
    FUZZ_CHECK(again.parts.size() == 1);
    if (split.parts.size() > 1 && again.encoding == split.encoding) FUZZ_CHECK(again.units <= limit);
  }
  FUZZ_CHECK(joined == message->text);  // form_body gives valid UTF-8 only
  FUZZ_CHECK(sigap::domain::complaints::utf8_length(joined).has_value());
  return 0;
}
