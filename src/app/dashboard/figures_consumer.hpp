#pragma once

#include "app/outbox/outbox_consumer.hpp"

namespace sigap::app::dashboard {

/// Keeps the dashboard figures in step with the events (docs/command-center.md, "Dashboard
/// figures"): for every outbox row the dispatcher fans out, the case it is about is refreshed
/// (refresh_cases) in the dispatcher's own transaction, so the figures include exactly the
/// events numbered up to the dispatch number committed with them. Stateless; thread-safe.
class FiguresConsumer final : public outbox::OutboxConsumer {
 public:
  // outbox::OutboxConsumer
  [[nodiscard]] std::string_view name() const override { return "dashboard"; }
  Result<void> fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch, TimePoint now) override;
};

}  // namespace sigap::app::dashboard
