#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/error.hpp"

namespace sigap::app::ports {

/// Where an integrator wants committed events sent. The secret is never part of it: it is shown
/// once, stored sealed, and opened only to sign a delivery.
struct WebhookSubscription {
  std::int64_t id = 0;
  std::string name;
  std::string url;
  std::vector<std::string> event_types;  // "complaint.verify", "complaint.*", "*"
  std::string unit_code;                 // only cases held by this unit or below; "" = all
  bool active = true;
  std::string owner;  // "user:3" (an admin), "apikey:5" (an integrator)
  TimePoint created_at{};
  TimePoint updated_at{};
  bool operator==(const WebhookSubscription&) const = default;
};

/// Where a webhook delivery or a message to a reporter stands: waiting (to be tried, or tried
/// again), done, or given up after its retry window (dead-lettered).
enum class DeliveryStatus { pending, delivered, dead };

inline std::string_view to_string(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::delivered:
      return "delivered";
    case DeliveryStatus::dead:
      return "dead";
    default:
      return "pending";
  }
}

inline std::optional<DeliveryStatus> delivery_status_from_string(std::string_view text) {
  if (text == "pending") return DeliveryStatus::pending;
  if (text == "delivered") return DeliveryStatus::delivered;
  if (text == "dead") return DeliveryStatus::dead;
  return std::nullopt;
}

/// One try of a delivery: the HTTP status (0 when no answer came) and what went wrong.
struct DeliveryAttempt {
  int attempt = 0;  // 1, 2, ...
  TimePoint at{};
  int status_code = 0;
  std::string error;  // "" on success; never a secret or personal data
  std::int64_t duration_ms = 0;
  bool operator==(const DeliveryAttempt&) const = default;
};

/// One committed event for one subscription.
struct WebhookDelivery {
  std::int64_t id = 0;
  std::int64_t subscription_id = 0;
  std::int64_t outbox_id = 0;
  std::int64_t complaint_id = 0;
  std::string event_type;  // the outbox topic
  std::string body;        // the CloudEvent, sent as is on every attempt
  DeliveryStatus status = DeliveryStatus::pending;
  int attempts = 0;
  TimePoint next_attempt_at{};
  TimePoint retry_from{};
  TimePoint created_at{};
  std::optional<TimePoint> finished_at;  // delivered or dead-lettered
  int last_status = 0;
  std::string last_error;
  std::vector<DeliveryAttempt> history;  // filled by find_delivery and deliveries(with_attempts)
};

/// A filter over deliveries, newest first.
struct DeliveryQuery {
  std::optional<std::int64_t> subscription_id;
  std::optional<DeliveryStatus> status;
  std::string owner;           // only deliveries of this owner's subscriptions; "" = all
  std::int64_t before_id = 0;  // paging: ids below this one; 0 = from the newest
  int limit = 50;
};

/// A new delivery, written by the dispatcher's fan-out.
struct NewDelivery {
  std::int64_t subscription_id = 0;
  std::int64_t outbox_id = 0;
  std::int64_t complaint_id = 0;
  std::string event_type;
  std::string body;
  TimePoint at{};
};

/// A delivery claimed for one attempt, with what sending it takes (the secret opened).
struct ClaimedDelivery {
  std::int64_t id = 0;
  std::int64_t subscription_id = 0;
  std::string url;
  std::string secret;
  std::string body;
  int attempts = 0;  // before this one
  TimePoint retry_from{};
};

/// Reads subscriptions and deliveries. Thread-safe.
class WebhookRepository {
 public:
  virtual ~WebhookRepository() = default;
  /// By id; only `owner`'s when it is not empty.
  virtual Result<std::vector<WebhookSubscription>> subscriptions(const std::string& owner) = 0;
  virtual Result<std::optional<WebhookSubscription>> find_subscription(std::int64_t id) = 0;
  /// Newest first, each with its attempts (oldest first).
  virtual Result<std::vector<WebhookDelivery>> deliveries(const DeliveryQuery& query) = 0;
  /// One delivery with its attempts.
  virtual Result<std::optional<WebhookDelivery>> find_delivery(std::int64_t id) = 0;
  /// The earliest next attempt among pending deliveries of active subscriptions (nothing when
  /// none is pending): one indexed read, so idle workers sleep until then without writing.
  virtual Result<std::optional<TimePoint>> next_due() = 0;
};

/// Writes subscriptions and deliveries inside a Transaction.
class WebhookWriter {
 public:
  virtual ~WebhookWriter() = default;
  /// Stores a new subscription with its secret (sealed); returns its id.
  virtual Result<std::int64_t> insert_subscription(const WebhookSubscription& subscription,
                                                   const std::string& secret) = 0;
  /// Stores name, url, event types, unit, active and updated time (and the secret when given);
  /// false when there is no such subscription.
  virtual Result<bool> update_subscription(const WebhookSubscription& subscription,
                                           const std::optional<std::string>& new_secret) = 0;
  /// Removes it with its deliveries and their attempts; false when there was none.
  virtual Result<bool> delete_subscription(std::int64_t id) = 0;
  /// The active subscriptions, for the fan-out.
  virtual Result<std::vector<WebhookSubscription>> active_subscriptions() = 0;
  /// Adds a pending delivery due at `at`; false when this subscription has that outbox row
  /// already (a repeated fan-out changes nothing).
  virtual Result<bool> add_delivery(const NewDelivery& delivery) = 0;
  /// Claims the next delivery due at `now` of an active subscription that is the oldest pending
  /// one of its case for that subscription (a later event of a case waits for the earlier one),
  /// pushing its next attempt to `lease_until` so nobody else takes it meanwhile (if the process
  /// dies, it is taken again after the lease). Nothing when none is due.
  virtual Result<std::optional<ClaimedDelivery>> claim_next(TimePoint now, TimePoint lease_until) = 0;
  /// Records an attempt of a pending delivery and its outcome: delivered, dead, or pending again
  /// at `next_attempt_at`. False when the delivery is gone (its subscription was deleted) or no
  /// longer pending.
  virtual Result<bool> record_attempt(std::int64_t delivery_id, const DeliveryAttempt& attempt, DeliveryStatus outcome,
                                      std::optional<TimePoint> next_attempt_at) = 0;
  /// Puts a dead delivery back in the queue, due at `now`, with a new retry window; false when
  /// it is not dead-lettered (or does not exist).
  virtual Result<bool> redeliver(std::int64_t delivery_id, TimePoint now) = 0;
};

}  // namespace sigap::app::ports
