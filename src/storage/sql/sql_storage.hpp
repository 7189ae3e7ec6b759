#pragma once

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "app/ports/storage.hpp"
#include "storage/sql/sql_alerts.hpp"
#include "storage/sql/sql_audit.hpp"
#include "storage/sql/sql_backend.hpp"
#include "storage/sql/sql_cameras.hpp"
#include "storage/sql/sql_complaints.hpp"
#include "storage/sql/sql_dashboard.hpp"
#include "storage/sql/sql_conversations.hpp"
#include "storage/sql/sql_identity.hpp"
#include "storage/sql/sql_master_data.hpp"
#include "storage/sql/sql_notifications.hpp"
#include "storage/sql/sql_outbox.hpp"
#include "storage/sql/sql_open311.hpp"
#include "storage/sql/sql_presence.hpp"
#include "storage/sql/sql_report_rates.hpp"
#include "storage/sql/sql_sla.hpp"
#include "storage/sql/sql_webhooks.hpp"

namespace sigap::storage::sql {

/// app::ports::Storage over any SqlBackend: the repositories are shared, the engine differs.
class SqlStorage final : public app::ports::Storage {
 public:
  SqlStorage(std::unique_ptr<SqlBackend> backend, std::shared_ptr<const PersonalDataSealer> sealer);
  ~SqlStorage() override;

  // app::ports::Storage
  app::ports::RegionRepository& regions() override { return regions_; }
  app::ports::UnitRepository& units() override { return units_; }
  app::ports::CategoryRepository& categories() override { return categories_; }
  app::ports::UserRepository& users() override { return users_; }
  app::ports::CredentialRepository& credentials() override { return credentials_; }
  app::ports::AuditRepository& audit() override { return audit_; }
  app::ports::ComplaintRepository& complaints() override { return complaints_; }
  app::ports::SlaRepository& sla() override { return sla_; }
  app::ports::OutboxRepository& outbox() override { return outbox_; }
  app::ports::WebhookRepository& webhooks() override { return webhooks_; }
  app::ports::NotificationRepository& notifications() override { return notifications_; }
  app::ports::Open311Repository& open311() override { return open311_; }
  app::ports::AlertRepository& alerts() override { return alerts_; }
  app::ports::PresenceRepository& presence() override { return presence_; }
  app::ports::CameraRepository& cameras() override { return cameras_; }
  app::ports::ReportRateRepository& report_rates() override { return report_rates_; }
  app::ports::DashboardRepository& dashboard() override { return dashboard_; }
  app::ports::ConversationRepository& conversations() override { return conversations_; }
  Result<void> write(const Work& work) override;
  void write_queued(Work work, WriteDone done) override;
  [[nodiscard]] bool queues_writes() const override { return backend_->queues_writes(); }
  std::size_t watch_cases(CaseWatcher watcher) override;
  void unwatch_cases(std::size_t number) override;
  Result<std::size_t> reseal_personal_data() override;
  Result<void> optimize_search_index() override;
  Result<std::size_t> catch_up_search_index() override;
  Result<void> ping() override { return backend_->ping(); }
  [[nodiscard]] app::ports::StorageStats stats() const override { return backend_->stats(); }
  [[nodiscard]] std::string_view backend() const override { return backend_->name(); }

 private:
  bool has_case_watchers();
  void tell_case_watchers(const app::ports::CommittedCases& committed);

  std::unique_ptr<SqlBackend> backend_;
  std::shared_ptr<const PersonalDataSealer> sealer_;
  std::mutex case_watchers_mutex_;
  std::vector<std::pair<std::size_t, CaseWatcher>> case_watchers_;
  std::size_t last_watcher_ = 0;
  SqlRegionRepository regions_;
  SqlUnitRepository units_;
  SqlCategoryRepository categories_;
  SqlUserRepository users_;
  SqlCredentialRepository credentials_;
  SqlAuditRepository audit_;
  SqlComplaintRepository complaints_;
  SqlSlaRepository sla_;
  SqlOutboxRepository outbox_;
  SqlWebhookRepository webhooks_;
  SqlNotificationRepository notifications_;
  SqlOpen311Repository open311_;
  SqlAlertRepository alerts_;
  SqlPresenceRepository presence_;
  SqlCameraRepository cameras_;
  SqlReportRateRepository report_rates_;
  SqlDashboardRepository dashboard_;
  SqlConversationRepository conversations_;
};

}  // namespace sigap::storage::sql
