#include "app/webhooks/webhook_fan_out.hpp"

#include "app/webhooks/cloud_event.hpp"
#include "domain/integration/event_types.hpp"

namespace sigap::app::webhooks {

Result<void> WebhookFanOut::prepare() {
  auto units = storage_.units().list({});
  if (!units) return units.error();
  parent_of_.clear();
  for (const auto& unit : *units) parent_of_[unit.code] = unit.parent_code;
  return {};
}

bool WebhookFanOut::within(const std::string& unit, const std::string& root) const {
  std::string at = unit;
  for (std::size_t depth = 0; !at.empty() && depth < 64; ++depth) {
    if (at == root) return true;
    auto parent = parent_of_.find(at);
    if (parent == parent_of_.end()) return false;
    at = parent->second;
  }
  return false;
}

Result<void> WebhookFanOut::fan_out(ports::Transaction& tx, const std::vector<ports::OutboxEntry>& batch,
                                    TimePoint now) {
  if (batch.empty()) return {};
  auto subscriptions = tx.webhooks().active_subscriptions();
  if (!subscriptions) return subscriptions.error();
  if (subscriptions->empty()) return {};
  for (const auto& entry : batch) {
    std::string body;  // built once per row, for the first subscription that wants it
    for (const auto& subscription : *subscriptions) {
      if (!domain::integration::matches(subscription.event_types, entry.topic)) continue;
      if (!subscription.unit_code.empty()) {
        const auto& root = subscription.unit_code;
        const bool holds = within(unit_after_event(entry), root) ||
                           (!entry.event.from_unit.empty() && within(entry.event.from_unit, root)) ||
                           (!entry.event.to_unit.empty() && within(entry.event.to_unit, root));
        if (!holds) continue;
      }
      if (body.empty()) body = cloud_event_json(entry, settings_.source);
      auto added =
          tx.webhooks().add_delivery({subscription.id, entry.id, entry.event.complaint_id, entry.topic, body, now});
      if (!added) return added.error();
    }
  }
  return {};
}

}  // namespace sigap::app::webhooks
