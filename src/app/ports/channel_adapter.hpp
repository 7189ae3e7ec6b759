#pragma once

#include <string>

#include "app/ports/notification_sender.hpp"
#include "common/error.hpp"
#include "domain/complaints/complaint.hpp"
#include "domain/conversations/dialog.hpp"

namespace sigap::app::ports {

/// What differs between messaging channels, behind one interface, so that the conversation
/// engine (app/conversations) is written once: sending a reply (with its choices shown as
/// buttons or a keyboard where the channel has them, else as the numbered lines already in the
/// text) and fetching a medium the citizen sent. A channel that does not converse (e-mail) can
/// implement send() alone and answer fetch_media with an error. `to` is the citizen's address
/// on the channel (phone number, chat id): personal data, never logged. Thread-safe.
class ChannelAdapter {
 public:
  virtual ~ChannelAdapter() = default;
  [[nodiscard]] virtual domain::complaints::Channel channel() const = 0;
  virtual SendOutcome send(const std::string& to, const domain::conversations::Reply& reply) = 0;
  /// The bytes of a medium by the provider's reference (a WhatsApp media id, a Telegram
  /// file_id); `unavailable` when the provider could not give it, `payload_too_large` beyond
  /// `max_bytes`.
  virtual Result<std::string> fetch_media(const std::string& reference, std::size_t max_bytes) = 0;
};

}  // namespace sigap::app::ports
