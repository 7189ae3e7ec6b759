// A Telegram Bot API Update as POSTed to /channels/telegram/webhook, after its secret token was
// checked (channels/telegram/telegram_update), and the sendMessage body of a reply with its
// reply keyboard (telegram_bot's send_message_body).
// Input: the raw JSON body.
// Invariants: only a body that is not a JSON object is refused (invalid_input); a message read
// comes from a chat id made of digits (and a leading '-'), has an id, and a photo a file id; a
// reply body is JSON whatever the text held.
#include <boost/json.hpp>

#include "channels/telegram/telegram_bot.hpp"
#include "channels/telegram/telegram_update.hpp"
#include "fuzz/fuzz_check.hpp"

namespace tg = sigap::channels::telegram;
namespace dv = sigap::domain::conversations;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = sigap::fuzz::as_text(data, size);
  auto read = tg::read_update(body);
  if (!read) {
    FUZZ_CHECK(read.error().code() == sigap::ErrorCode::invalid_input);
    return 0;
  }
  if (!*read) return 0;
  const auto& message = **read;
  FUZZ_CHECK(!message.from.empty());
  FUZZ_CHECK(message.from.find_first_not_of("-0123456789") == std::string::npos);
  FUZZ_CHECK(message.message_id.starts_with("update-"));
  if (message.kind == dv::InboundKind::photo) FUZZ_CHECK(!message.media.empty());
  auto reply = tg::send_message_body(message.from, {message.text, {message.text, "2. Lainnya"}});
  boost::system::error_code ec;
  auto parsed = boost::json::parse(reply, ec);
  FUZZ_CHECK(!ec && parsed.is_object());
  return 0;
}
