// A WhatsApp Cloud API webhook notification as POSTed to /channels/whatsapp/webhook, after its
// signature was checked (channels/whatsapp/whatsapp_webhook), and each message's reply body
// (whatsapp_cloud's message_body) for a text it carried.
// Input: the raw JSON body.
// Invariants: only a body that is not a JSON object is refused (invalid_input); every message
// read has a sender and an id; a photo has a media reference; a reply body is JSON whatever the
// text held.
#include <boost/json.hpp>

#include "channels/whatsapp/whatsapp_cloud.hpp"
#include "channels/whatsapp/whatsapp_webhook.hpp"
#include "fuzz/fuzz_check.hpp"

namespace wa = sigap::channels::whatsapp;
namespace dv = sigap::domain::conversations;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto body = sigap::fuzz::as_text(data, size);
  auto read = wa::read_notification(body);
  if (!read) {
    FUZZ_CHECK(read.error().code() == sigap::ErrorCode::invalid_input);
    return 0;
  }
  for (const auto& message : read->messages) {
    FUZZ_CHECK(!message.from.empty());
    FUZZ_CHECK(!message.message_id.empty());
    if (message.kind == dv::InboundKind::photo) FUZZ_CHECK(!message.media.empty());
    if (message.kind == dv::InboundKind::text) {
      auto reply = wa::message_body(message.from, {message.text, {message.text}});
      boost::system::error_code ec;
      auto parsed = boost::json::parse(reply, ec);
      FUZZ_CHECK(!ec && parsed.is_object());
    }
  }
  return 0;
}
