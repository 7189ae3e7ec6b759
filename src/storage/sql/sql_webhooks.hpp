#pragma once

#include "app/ports/webhook_repository.hpp"
#include "storage/sql/personal_data.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Subscriptions and deliveries. A subscription's secret is sealed like personal data
/// (PersonalDataSealer) and opened only when a delivery is claimed for sending.
class SqlWebhookRepository final : public app::ports::WebhookRepository {
 public:
  explicit SqlWebhookRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::WebhookRepository
  Result<std::vector<app::ports::WebhookSubscription>> subscriptions(const std::string& owner) override;
  Result<std::optional<app::ports::WebhookSubscription>> find_subscription(std::int64_t id) override;
  Result<std::vector<app::ports::WebhookDelivery>> deliveries(const app::ports::DeliveryQuery& query) override;
  Result<std::optional<app::ports::WebhookDelivery>> find_delivery(std::int64_t id) override;
  Result<std::optional<TimePoint>> next_due() override;

 private:
  Result<void> add_attempts(std::vector<app::ports::WebhookDelivery>& deliveries);

  SqlBackend& backend_;
};

class SqlWebhookWriter final : public app::ports::WebhookWriter {
 public:
  SqlWebhookWriter(SqlConnection& connection, const PersonalDataSealer& sealer)
      : connection_(connection), sealer_(sealer) {}
  // app::ports::WebhookWriter
  Result<std::int64_t> insert_subscription(const app::ports::WebhookSubscription& subscription,
                                           const std::string& secret) override;
  Result<bool> update_subscription(const app::ports::WebhookSubscription& subscription,
                                   const std::optional<std::string>& new_secret) override;
  Result<bool> delete_subscription(std::int64_t id) override;
  Result<std::vector<app::ports::WebhookSubscription>> active_subscriptions() override;
  Result<bool> add_delivery(const app::ports::NewDelivery& delivery) override;
  Result<std::optional<app::ports::ClaimedDelivery>> claim_next(TimePoint now, TimePoint lease_until) override;
  Result<bool> record_attempt(std::int64_t delivery_id, const app::ports::DeliveryAttempt& attempt,
                              app::ports::DeliveryStatus outcome, std::optional<TimePoint> next_attempt_at) override;
  Result<bool> redeliver(std::int64_t delivery_id, TimePoint now) override;

 private:
  SqlConnection& connection_;
  const PersonalDataSealer& sealer_;
};

}  // namespace sigap::storage::sql
