#include "app/conversations/channel_notification_sender.hpp"

namespace sigap::app::conversations {

namespace dn = domain::notifications;
namespace dc = domain::complaints;

dn::NotifyChannel ChannelNotificationSender::channel() const {
  switch (adapter_.channel()) {
    case dc::Channel::whatsapp:
      return dn::NotifyChannel::whatsapp;
    case dc::Channel::telegram:
      return dn::NotifyChannel::telegram;
    default:
      return dn::NotifyChannel::sms;
  }
}

ports::SendOutcome ChannelNotificationSender::send(const ports::OutgoingMessage& message) {
  return adapter_.send(message.to, domain::conversations::Reply{message.body, {}});
}

}  // namespace sigap::app::conversations
