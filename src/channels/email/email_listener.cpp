#include "channels/email/email_listener.hpp"

#include "common/logging.hpp"

namespace sigap::channels::email {

LmtpReply lmtp_reply(const Delivery& delivery) {
  switch (delivery.status) {
    case DeliveryStatus::accepted:
      return {250, "2.0.0", delivery.code.empty() ? "Delivered" : "Delivered as " + delivery.code};
    case DeliveryStatus::temporary_failure:
      return {451, "4.3.0", delivery.reason.en.empty() ? "Try again later" : delivery.reason.en};
    case DeliveryStatus::permanent_failure:
      break;
  }
  // The sender reads this in the bounce: both languages.
  return {554, "5.6.0", delivery.reason.id + " / " + delivery.reason.en};
}

EmailListener::EmailListener(LmtpServerOptions options, EmailDoor& door)
    : server_(std::move(options), [&door](std::string_view message, std::string_view sender) {
        auto delivery = door.deliver(message, sender);
        if (delivery.status == DeliveryStatus::accepted) {
          logging::app().info("lmtp: {} ({} bytes)", delivery.outcome, message.size());
        } else {
          logging::app().warn("lmtp: {} ({} bytes): {}", delivery.outcome, message.size(), delivery.reason.en);
        }
        return lmtp_reply(delivery);
      }) {}

}  // namespace sigap::channels::email
