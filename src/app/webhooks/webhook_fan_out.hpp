#pragma once

#include <map>
#include <string>

#include "app/outbox/outbox_consumer.hpp"
#include "app/webhooks/webhook_settings.hpp"

namespace sigap::app::webhooks {

/// The webhook side of the outbox dispatcher: one pending delivery per active subscription whose
/// event types match the row's topic and whose unit (if any) holds the case, or held it before
/// a forward. The CloudEvent is written into the delivery once, so every attempt sends the same
/// body. Thread-compatible (the dispatcher calls it from one thread at a time).
class WebhookFanOut final : public outbox::OutboxConsumer {
 public:
  WebhookFanOut(ports::Storage& storage, WebhookSettings settings)
      : storage_(storage), settings_(std::move(settings)) {}

  // outbox::OutboxConsumer
  [[nodiscard]] std::string_view name() const override { return "webhooks"; }
  Result<void> prepare() override;
  Result<void> fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch, TimePoint now) override;

 private:
  /// Whether `unit` is `root` or under it.
  [[nodiscard]] bool within(const std::string& unit, const std::string& root) const;

  ports::Storage& storage_;
  WebhookSettings settings_;
  std::map<std::string, std::string> parent_of_;  // unit code -> parent code, read by prepare()
};

}  // namespace sigap::app::webhooks
