#pragma once

#include "app/ports/notification_repository.hpp"
#include "storage/sql/sql_backend.hpp"

namespace sigap::storage::sql {

/// Messages to reporters and their templates. No personal data is stored here: the contact
/// stays sealed in the case and is opened by the sender path only.
class SqlNotificationRepository final : public app::ports::NotificationRepository {
 public:
  explicit SqlNotificationRepository(SqlBackend& backend) : backend_(backend) {}
  // app::ports::NotificationRepository
  Result<std::vector<app::ports::NotificationTemplate>> templates() override;
  Result<std::optional<app::ports::NotificationTemplate>> find_template(domain::notifications::Notice notice,
                                                                        Language language) override;
  Result<std::vector<app::ports::Notification>> notifications(const app::ports::NotificationQuery& query) override;
  Result<std::optional<TimePoint>> next_due() override;

 private:
  SqlBackend& backend_;
};

class SqlNotificationWriter final : public app::ports::NotificationWriter {
 public:
  explicit SqlNotificationWriter(SqlConnection& connection) : connection_(connection) {}
  // app::ports::NotificationWriter
  Result<bool> add(const app::ports::Notification& notification) override;
  Result<std::vector<app::ports::MergedFollower>> merged_followers(std::int64_t master_id) override;
  Result<std::optional<app::ports::Notification>> claim_next(TimePoint now, TimePoint lease_until) override;
  Result<bool> record_attempt(std::int64_t id, TimePoint at, app::ports::DeliveryStatus outcome,
                              std::optional<TimePoint> next_attempt_at, const std::string& error) override;
  Result<void> save_template(const app::ports::NotificationTemplate& text) override;

 private:
  SqlConnection& connection_;
};

}  // namespace sigap::storage::sql
