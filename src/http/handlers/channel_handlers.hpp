#pragma once

#include <memory>

#include "app/complaints/submit_complaint.hpp"
#include "app/conversations/converse.hpp"
#include "app/ports/photo_store.hpp"
#include "app/ports/storage.hpp"
#include "channels/channel_options.hpp"
#include "common/clock.hpp"
#include "http/message.hpp"

namespace sigap::http::handlers {

/// The doors of the messaging channels (docs/channels.md): each proves the provider first (the
/// WhatsApp signature, the Telegram secret token, the SMS gateway's shared secret; refused with
/// nothing processed), reads the provider's payload and hands each message to the one
/// conversation engine (app/conversations) with the channel's adapter. A door that is not
/// configured answers 404. Storage trouble is 5xx so that the provider delivers again; a
/// payload the door cannot use is 2xx when the provider would only retry it (WhatsApp,
/// Telegram), 4xx otherwise. Thread-safe.
class ChannelHandlers {
 public:
  ChannelHandlers(app::ports::Storage& storage, const Clock& clock, app::complaints::ComplaintIntake& intake,
                  app::ports::PhotoStore* photos, channels::ChannelOptions options);
  ~ChannelHandlers();
  ChannelHandlers(const ChannelHandlers&) = delete;
  ChannelHandlers& operator=(const ChannelHandlers&) = delete;

  /// GET /channels/whatsapp/webhook: the subscription check (hub.mode, hub.verify_token, hub.challenge).
  Response whatsapp_verify(const Request& request);
  /// POST /channels/whatsapp/webhook: notifications signed with X-Hub-Signature-256.
  Response whatsapp_notify(const Request& request);
  /// POST /channels/telegram/webhook: updates with X-Telegram-Bot-Api-Secret-Token.
  Response telegram_update(const Request& request);
  /// POST /channels/sms/inbound: a form from the SMS gateway with its shared secret.
  Response sms_inbound(const Request& request);

 private:
  channels::ChannelOptions options_;
  app::conversations::Conversations conversations_;
  std::unique_ptr<app::ports::ChannelAdapter> whatsapp_;  // null: the door is closed
  std::unique_ptr<app::ports::ChannelAdapter> telegram_;
  std::unique_ptr<app::ports::ChannelAdapter> sms_;
};

}  // namespace sigap::http::handlers
