#pragma once

#include "app/ports/channel_adapter.hpp"
#include "app/ports/notification_sender.hpp"

namespace sigap::app::conversations {

/// The #7 notification sender of a messaging channel: a status-change message to the reporter
/// goes out through the channel's adapter as one text (no subject). `channel` is the adapter's
/// (whatsapp, telegram or sms). Thread-safe like the adapter.
class ChannelNotificationSender final : public ports::NotificationSender {
 public:
  explicit ChannelNotificationSender(ports::ChannelAdapter& adapter) : adapter_(adapter) {}

  // ports::NotificationSender
  [[nodiscard]] domain::notifications::NotifyChannel channel() const override;
  ports::SendOutcome send(const ports::OutgoingMessage& message) override;

 private:
  ports::ChannelAdapter& adapter_;
};

}  // namespace sigap::app::conversations
