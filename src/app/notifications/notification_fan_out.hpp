#pragma once

#include <set>

#include "app/outbox/outbox_consumer.hpp"

namespace sigap::app::notifications {

/// The reporter side of the outbox dispatcher: for a row whose event matters to a citizen
/// (domain::notifications::notice_for), one pending notification to the case's reporter and,
/// for a change of a master case, to the reporter of every case merged into it, each on the
/// channel domain::notifications::notify_channel picks, when a sender for that channel is
/// configured. Nothing for anonymous reports unless the reporter chose a channel, nothing
/// without a contact. No personal data is read: only whether a contact exists.
class NotificationFanOut final : public outbox::OutboxConsumer {
 public:
  /// `channels`: those with a sender (e-mail when SMTP is configured).
  explicit NotificationFanOut(std::set<domain::notifications::NotifyChannel> channels)
      : channels_(std::move(channels)) {}

  // outbox::OutboxConsumer
  [[nodiscard]] std::string_view name() const override { return "notifications"; }
  Result<void> fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch, TimePoint now) override;

 private:
  std::set<domain::notifications::NotifyChannel> channels_;
};

}  // namespace sigap::app::notifications
